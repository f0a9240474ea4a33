package soaktune.soak;

import com.fasterxml.jackson.databind.JsonNode;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import soaktune.gate.KpiThresholdsReader;
import soaktune.io.Json;
import soaktune.io.ProfileLoader;
import soaktune.model.EdgeReport;
import soaktune.tuning.Markers;
import soaktune.rules.engine.HotRules;
import soaktune.rules.engine.RuleSet;
import soaktune.rules.engine.RuleSetLoader;
import soaktune.rules.RulesFolders;
import soaktune.sim.MarketSimulator;
import soaktune.sim.ScenarioLoader;

/** A quant edits the rules while a soak runs: good edits are picked up, broken ones never stop the run. */
final class HotReloadRunTest {
    @TempDir
    Path dir;

    /** The seeded mock, plus an edit of the rules folder while iteration 2 runs. */
    private record EditingStrategy(MarketSimulator mock, Runnable edit) implements StrategySource {
        @Override
        public EdgeReport runIteration(int iteration, Map<String, Double> params) throws Exception {
            if (iteration == 2) {
                edit.run();
            }
            return mock.runIteration(iteration, params);
        }

        @Override
        public String describe() {
            return mock.describe();
        }
    }

    private String run(Path rules, Runnable edit) throws Exception {
        SoakConfig config = new SoakConfig(3, true, dir.resolve("artifacts"), ProfileLoader.load("S1", "test"), "S1", 1,
                10, "mock", 3, KpiThresholdsReader.read(Path.of("rules/v1/kpi_thresholds.json"), Map.of()), Map.of(),
                Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC));
        StringWriter out = new StringWriter();
        StrategySource strategy = new EditingStrategy(
                MarketSimulator.synthetic(ScenarioLoader.resolve("default"), 1, 10, "2025-01-01T00:00:00Z"), edit);
        Progress quiet = Progress.to(new PrintWriter(java.io.Writer.nullWriter()), false);
        new SoakRunner(config, HotRules.watching(RuleSetLoader.load(rules)), strategy,
                new Markers(new PrintWriter(out)), quiet).run(java.util.Optional.empty());
        return out.toString();
    }

    private String summarySha(int iteration) throws Exception {
        return Json.readFile(dir.resolve("artifacts/ITER_SUMMARY_" + iteration + ".json")).at("/rules/sha256").asText();
    }

    @Test
    void aBrokenEditKeepsTheOldRulesSaysSoAndLosesNoIteration() throws Exception {
        Path rules = RulesFolders.copyOfV1(dir.resolve("v1"));
        String original = RuleSetLoader.load(rules).sha256();
        String out = run(rules, () -> RulesFolders.edit(rules.resolve("triggers.drl"),
                "Metrics( cancelRatio > 0.55 )", "Metrics( cancelRatio > 0.55"));

        List<String> lines = out.lines().toList();
        List<String> reloads = lines.stream().filter(l -> l.startsWith("| rules_reload |")).toList();
        assertThat(reloads).singleElement().satisfies(l -> assertThat(l)
                .matches("\\| rules_reload \\| FAIL \\| FILE=triggers\\.drl LINE=1[67] MSG=[^|\\n]+ \\|"));
        assertThat(lines.indexOf(reloads.get(0))).isGreaterThan(lines.indexOf("[ITER 3/3] Starting iteration"));
        assertThat(out).contains("the last good rules stay active", "[MINI-SOAK COMPLETE] 3 iterations with auto-tuning");
        assertThat(summarySha(1)).isEqualTo(original);
        assertThat(summarySha(3)).isEqualTo(original);
    }

    @Test
    void aGoodEditIsUsedFromTheNextIterationAndRecordedWithItsSha() throws Exception {
        Path rules = RulesFolders.copyOfV1(dir.resolve("v1"));
        String original = RuleSetLoader.load(rules).sha256();
        String out = run(rules, () -> RulesFolders.edit(rules.resolve("triggers.drl"),
                "Metrics( wsLagP95Ms > 120 )", "Metrics( wsLagP95Ms > 125 )"));
        RuleSet edited = RuleSetLoader.load(rules);

        assertThat(edited.sha256()).isNotEqualTo(original);
        assertThat(out.lines().filter(l -> l.startsWith("| rules_reload |")))
                .containsExactly("| rules_reload | OK | VERSION=v1 SHA=" + edited.shortSha() + " |");
        assertThat(summarySha(2)).isEqualTo(original);
        assertThat(summarySha(3)).isEqualTo(edited.sha256());
        assertThat(Json.readFile(dir.resolve("artifacts/applied_profile.json")).at("/rules/sha256").asText())
                .isEqualTo(edited.sha256());
    }

    /** An edit that compiles but throws once it runs: the last good rules decide, the iteration says so. */
    @Test
    void anEditThatThrowsAtRunTimeFallsBackToTheLastGoodRulesAndTheSoakCompletes() throws Exception {
        Path rules = RulesFolders.copyOfV1(dir.resolve("v1"));
        String original = RuleSetLoader.load(rules).sha256();
        // The guardrail that accepts every proposal now divides by zero (an int division throws).
        String out = run(rules, () -> RulesFolders.edit(rules.resolve("guardrails.drl"),
                "accept(drools, $p, \"no guardrail objected\");",
                "int zero = $seq - $seq; accept(drools, $p, \"no guardrail objected \" + (1 / zero));"));

        assertThat(out).contains("| rules_reload | OK |", "[MINI-SOAK COMPLETE] 3 iterations with auto-tuning");
        List<String> failures = out.lines().filter(l -> l.startsWith("| rules_runtime |")).toList();
        assertThat(failures).singleElement().satisfies(l -> assertThat(l).startsWith("| rules_runtime | FAIL | SHA=")
                .contains("FALLBACK=" + original.substring(0, 12)).contains("/ by zero"));
        JsonNode summary = Json.readFile(dir.resolve("artifacts/ITER_SUMMARY_3.json"));
        assertThat(summary.at("/rules_runtime_failure/decided_with").asText()).isEqualTo(original);
        assertThat(summary.at("/rules_runtime_failure/sha256").asText()).isNotEqualTo(original);
        assertThat(summary.at("/rules_runtime_failure/error").asText()).contains("/ by zero");
        assertThat(summarySha(3)).isEqualTo(original);
        assertThat(summary.at("/tuning").asText()).isEqualTo("applied");
    }
}
