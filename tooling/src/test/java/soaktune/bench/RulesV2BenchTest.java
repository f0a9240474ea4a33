package soaktune.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import soaktune.io.ProfileLoader;
import soaktune.rules.engine.RuleSetLoader;
import soaktune.sim.ScenarioLoader;
import soaktune.soak.SoakLoop;
import soaktune.tuning.Tuner;

/** rules/v2 in the soak loop: a calm market is never touched; S1's feed lag is fixed with one interval step. */
final class RulesV2BenchTest {
    private static TuningBench.Config v2() throws Exception {
        Tuner tuner = new Tuner(RuleSetLoader.load(Path.of("rules/v2")));
        return new TuningBench.Config(List.of(), new SeedRange(1, 1), 8, 1, tuner, TuningBenchVsTest.targets(tuner),
                ProfileLoader.load("S1", "test"), 10);
    }

    @Test
    void calmIsLeftAlone() throws Exception {
        for (long seed = 1; seed <= 3; seed++) {
            for (SoakLoop.Iteration it : TuningBench.iterations(ScenarioLoader.resolve("calm"), seed, true, v2())) {
                assertThat(it.step()).as("seed %d iteration %d decided", seed, it.number()).isNotNull();
                assertThat(it.step().decision().adjustments()).as("seed %d iteration %d", seed, it.number()).isEmpty();
            }
        }
    }

    @Test
    void theDefaultMarketsLagIsFixedByTheFirstDecision() throws Exception {
        List<SoakLoop.Iteration> its = TuningBench.iterations(ScenarioLoader.resolve("default"), 1, true, v2());
        assertThat(its.get(0).report().totals().getWsLagP95Ms()).isGreaterThan(120);
        // one step from S1's 60 ms into the frontier's feasible band (150-200 ms), not v1's 20 ms per iteration
        assertThat(its.get(1).effective().get(soaktune.model.TunableField.MIN_INTERVAL_MS).orElseThrow())
                .isBetween(150.0, 200.0);
        assertThat(its.get(1).report().totals().getWsLagP95Ms()).isLessThanOrEqualTo(120);
    }
}
