package soaktune.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;
import soaktune.cli.CliRun;
import soaktune.io.Json;
import soaktune.io.ProfileLoader;
import soaktune.tuning.DecisionJson;
import soaktune.rules.engine.RuleSetLoader;
import soaktune.sim.ScenarioLoader;
import soaktune.soak.SoakLoop;
import soaktune.tuning.Tuner;

/**
 * {@code bench tuning} and {@code run --mock --auto-tune} run the same soak loop: for the same scenario, seed,
 * rules and profile, every iteration has the same EDGE_REPORT metrics, gate verdict and decision, and the bench's
 * final verdict is run's (with v2 on laggy-venue: FAIL, reason infeasible_within_limits).
 */
final class BenchMatchesRunTest {
    private static final int N = 8;

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0} on {1}, seed {2}")
    @CsvSource({"rules/v1, toxic, 5", "rules/v2, laggy-venue, 1"})
    void everyIterationOfTheBenchIsTheIterationRunWrites(String rules, String scenario, long seed) throws Exception {
        Path dir = tmp.resolve("soak");
        CliRun run = CliRun.run(Map.of("MM_FREEZE_UTC_ISO", "2025-10-12T14:00:00Z"), "run", "--iterations",
                String.valueOf(N), "--mock", "--auto-tune", "--scenario", scenario, "--seed", String.valueOf(seed),
                "--rules", rules, "--artifacts", dir.toString());
        assertThat(run.code()).as(run.err()).isZero();

        Tuner tuner = new Tuner(RuleSetLoader.load(Path.of(rules)));
        KpiTargets targets = TuningBenchVsTest.targets(tuner);
        TuningBench.Config config = new TuningBench.Config(List.of(), new SeedRange(1, 1), N, 1, tuner, targets,
                ProfileLoader.load("S1", "test"), 10);
        List<SoakLoop.Iteration> bench = TuningBench.iterations(ScenarioLoader.resolve(scenario), seed, true, config);

        assertThat(bench).hasSize(N);
        int decided = 0;
        for (SoakLoop.Iteration it : bench) {
            int i = it.number();
            JsonNode summary = Json.mapper().readTree(Files.readAllBytes(dir.resolve("ITER_SUMMARY_" + i + ".json")));
            JsonNode edge = Json.mapper().readTree(Files.readAllBytes(dir.resolve("EDGE_REPORT_" + i + ".json")));
            assertThat(tree(it.report().document().get("totals"))).as("iteration %d totals", i).isEqualTo(edge.get("totals"));
            assertThat(tree(DecisionJson.metrics(it.report().totals()))).isEqualTo(summary.get("metrics"));
            assertThat(it.gate().verdict().name()).as("iteration %d verdict", i)
                    .isEqualTo(summary.get("gate").get("verdict").asText());
            assertThat(tree(it.gate().reasons())).isEqualTo(summary.get("gate").get("reasons"));
            assertThat(it.tuning()).isEqualTo(summary.get("tuning").asText());
            if (it.step() != null) {
                decided++;
                assertThat(withoutTs(tree(DecisionJson.of(it.step().decision()))))
                        .as("iteration %d decision", i).isEqualTo(withoutTs(summary.get("decision")));
            } else {
                assertThat(summary.has("decision")).isFalse();
            }
        }
        assertThat(decided).as("the scenario must exercise the tuner").isPositive();

        // the final verdict: run's kpi_gate_soak marker against the bench's trial on the same path
        TrialResult trial = TuningBench.trial(ScenarioLoader.resolve(scenario), seed, true, "", config);
        String marker = run.out().lines().filter(l -> l.startsWith("| kpi_gate_soak |")).findFirst().orElseThrow();
        assertThat(marker).startsWith("| kpi_gate_soak | " + trial.finalVerdict() + " |");
        assertThat(marker.contains("REASON=" + TrialResult.INFEASIBLE))
                .as(marker).isEqualTo(TrialResult.INFEASIBLE.equals(trial.finalReason()));
        if (rules.equals("rules/v2")) {
            assertThat(trial.finalReason()).as("laggy-venue is infeasible: v2 must say so").isEqualTo(TrialResult.INFEASIBLE);
            assertThat(trial.firstInfeasible()).isBetween(1, N);
        }
    }

    /** As written to a file and read back, so number types compare as they do in the artifacts. */
    private static JsonNode tree(Object value) throws Exception {
        return Json.mapper().readTree(Json.mapper().writeValueAsBytes(value));
    }

    /** Adjustments carry the decision's time stamp: the bench's clock is fixed, run's is frozen elsewhere. */
    private static JsonNode withoutTs(JsonNode decision) {
        JsonNode copy = decision.deepCopy();
        copy.get("adjustments").forEach(a -> ((ObjectNode) a).remove("ts"));
        return copy;
    }
}
