package soaktune.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import soaktune.gate.KpiThresholdsReader;
import soaktune.io.ProfileLoader;
import soaktune.rules.engine.RuleSetLoader;
import soaktune.sim.ScenarioLoader;
import soaktune.tuning.Tuner;

/** {@code bench tuning --vs}: both rule sets run on the same scenario x seed paths as a one-set bench. */
final class TuningBenchVsTest {
    private static TuningBench.Config config(String rules) throws Exception {
        Tuner tuner = new Tuner(RuleSetLoader.load(Path.of(rules)));
        return new TuningBench.Config(List.of(ScenarioLoader.resolve("default"), ScenarioLoader.resolve("thin-book")),
                new SeedRange(1, 2), 4, 2, tuner, targets(tuner), ProfileLoader.load("S1", "test"), 10);
    }

    @Test
    void aSetAgainstItself_givesIdenticalRows_andTheSameRunsAsTheOneSetBench() throws Exception {
        TuningBench.Config v1 = config("rules/v1");
        TuningBench.Config other = config("rules/v1");
        TuningBench.Result vs = TuningBench.vs(v1, "A", other.tuner(), other.targets(), "B");
        TuningBench.Result single = TuningBench.run(v1);

        List<TrialResult> a = vs.trials().stream().filter(t -> t.mode().equals("A")).toList();
        List<TrialResult> b = vs.trials().stream().filter(t -> t.mode().equals("B")).toList();
        List<TrialResult> fixed = vs.trials().stream().filter(t -> !t.autoTune()).toList();
        assertThat(a).hasSize(4);
        assertThat(b).hasSize(4);
        assertThat(fixed).hasSize(4);
        for (int i = 0; i < a.size(); i++) {
            assertThat(b.get(i)).isEqualTo(relabel(a.get(i), "B"));
        }
        // the same runs as bench tuning without --vs: fixed rows as they are, A's rows as its auto-tune rows
        assertThat(fixed).isEqualTo(single.trials().stream().filter(t -> !t.autoTune()).toList());
        assertThat(a.stream().map(t -> relabel(t, "")).toList())
                .isEqualTo(single.trials().stream().filter(TrialResult::autoTune).toList());
        assertThat(a.stream().anyMatch(t -> !t.met().equals(fixedTwin(fixed, t).met())))
                .as("the tuner must change something, or the comparison proves nothing").isTrue();
    }

    @Test
    void twoDifferentSets_shareTheFixedRuns_andDifferWhereTheirRulesDo() throws Exception {
        TuningBench.Config v2 = config("rules/v2");
        TuningBench.Result vs = TuningBench.vs(config("rules/v1"), "v1", v2.tuner(), v2.targets(), "v2");
        assertThat(vs.trials().stream().map(TrialResult::mode).distinct()).containsExactly("fixed", "v1", "v2");
        TuningBench.Result v2Alone = TuningBench.run(config("rules/v2"));
        assertThat(vs.trials().stream().filter(t -> t.mode().equals("v2")).map(t -> relabel(t, "")).toList())
                .isEqualTo(v2Alone.trials().stream().filter(TrialResult::autoTune).toList());
    }

    /** The composed set's KPI thresholds (v2 inherits v1's file), as bench tuning reads them. */
    static KpiTargets targets(Tuner tuner) throws Exception {
        return new KpiTargets(KpiThresholdsReader.read(tuner.ruleSet().source().nameOf(KpiThresholdsReader.FILE),
                tuner.ruleSet().source().read(KpiThresholdsReader.FILE), Map.of()));
    }

    private static TrialResult relabel(TrialResult t, String rules) {
        return new TrialResult(t.scenario(), t.seed(), t.autoTune(), rules, t.met(), t.failing(), t.oscillations(),
                t.limitStops(), t.finalNetBps(), t.finalVerdict(), t.finalReason(), t.firstInfeasible());
    }

    private static TrialResult fixedTwin(List<TrialResult> fixed, TrialResult t) {
        return fixed.stream().filter(f -> f.scenario().equals(t.scenario()) && f.seed() == t.seed()).findFirst()
                .orElseThrow();
    }
}
