package soaktune.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import soaktune.io.ProfileLoader;
import soaktune.model.IterationContext;
import soaktune.model.MetricName;
import soaktune.model.Overrides;
import soaktune.model.Profile;
import soaktune.model.Proposal;
import soaktune.model.TunableField;
import soaktune.rules.engine.RuleSet;
import soaktune.rules.engine.RuleSetLoader;
import soaktune.tuning.Decision;
import soaktune.tuning.MetricsFixtures;
import soaktune.tuning.Tuner;

/**
 * The plain-Java baseline of {@code bench decision} decides exactly as the v1 rules do (same values, same
 * proposals with the same fates), so the benchmark compares like with like. If the rules change, this
 * fails until the baseline follows.
 */
final class PlainV1Test {
    private static RuleSet rules;
    private static Profile s1;

    @BeforeAll
    static void load() throws Exception {
        rules = RuleSetLoader.load(Path.of("rules/v1"));
        s1 = ProfileLoader.load("S1", "test");
    }

    @Test
    void baselineMatchesTheRulesOnRandomReportsAroundEveryThreshold() {
        Random random = new Random(7);
        for (int i = 0; i < 1500; i++) {
            MetricsFixtures m = MetricsFixtures.healthy()
                    .with(MetricName.CANCEL_RATIO, around(random, 0.55, 0.2))
                    .with(MetricName.ADVERSE_BPS_P95, around(random, 4, 2))
                    .with(MetricName.SLIPPAGE_BPS_P95, around(random, 3, 2))
                    .with(MetricName.ORDER_AGE_P95_MS, around(random, 330, 100))
                    .with(MetricName.WS_LAG_P95_MS, around(random, 120, 60))
                    .with(MetricName.NET_BPS, around(random, 2.5, 1.5));
            Overrides current = random.nextBoolean() ? Overrides.empty() : Overrides.empty()
                    .with(TunableField.MIN_INTERVAL_MS, 50 + random.nextInt(260))
                    .with(TunableField.REPLACE_RATE_PER_MIN, 100 + random.nextInt(280))
                    .with(TunableField.BASE_SPREAD_BPS_DELTA, random.nextInt(70) / 100.0)
                    .with(TunableField.TAIL_AGE_MS, 380 + random.nextInt(640));
            int streak = random.nextInt(10) == 0 ? 3 : 0;
            Decision drools = new Tuner(rules).decide(m.build(), current, s1, 1, "t",
                    List.of(new IterationContext(1, streak)));
            PlainV1.Outcome plain = PlainV1.decide(m.build(), current, s1, rules.limits(), streak, Set.of());
            assertThat(plain.after()).as("case %d", i).isEqualTo(drools.after());
            assertThat(fates(plain.proposals())).as("case %d", i).isEqualTo(fates(drools.proposals()));
        }
    }

    @Test
    void baselineMatchesTheBenchmarkScenarios() {
        for (String scenario : List.of("healthy", "one_row", "multi_fail")) {
            Decision drools = new Tuner(rules).decide(DecisionBenchmark.metrics(scenario), Overrides.empty(), s1, 1, "t",
                    List.of(new IterationContext(1, 0)));
            PlainV1.Outcome plain = PlainV1.decide(DecisionBenchmark.metrics(scenario), Overrides.empty(), s1,
                    rules.limits(), 0, Set.of());
            assertThat(plain.after()).isEqualTo(drools.after());
            assertThat(fates(plain.proposals())).isEqualTo(fates(drools.proposals()));
        }
    }

    private static double around(Random random, double threshold, double spread) {
        return random.nextInt(8) == 0 ? threshold : Math.max(0, threshold + (random.nextDouble() * 2 - 1) * spread);
    }

    private static List<String> fates(List<Proposal> proposals) {
        return proposals.stream().map(p -> p.getSeq() + " " + p.getRule() + " " + p.getField() + " "
                + p.getStatus() + " " + p.getDelta() + " " + p.actions().stream().map(a -> a.guard()).toList()).toList();
    }
}
