package soaktune.rules.engine;

import soaktune.rules.RuleOutcome;
import soaktune.rules.RulesFolders;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import soaktune.model.FieldMove;
import soaktune.model.IterationContext;
import soaktune.model.MetricName;
import soaktune.model.MissingMetricException;
import soaktune.tuning.MetricsFixtures;

/** Reused sessions carry nothing from one decision to the next, not even after a decision that failed. */
final class RuleSessionsTest {
    private static RuleSet rules;

    @BeforeAll
    static void load() throws Exception {
        rules = RuleSetLoader.load(RulesFolders.V1);
    }

    private static String outcome(List<?> facts) {
        RuleOutcome o = RuleEngine.evaluate(rules, facts);
        return o.firings() + " " + o.proposals() + " " + o.guards() + " " + o.frozen() + " " + o.triggers();
    }

    @Test
    void aDecisionIsTheSameWhateverCameBefore() {
        List<Object> many = List.of(MetricsFixtures.healthy().with(MetricName.CANCEL_RATIO, 0.7)
                .with(MetricName.ADVERSE_BPS_P95, 5).with(MetricName.ORDER_AGE_P95_MS, 400).build(),
                new IterationContext(5, 0), new FieldMove("min_interval_ms", 2, 1), new FieldMove("min_interval_ms", 3, -1),
                new FieldMove("min_interval_ms", 4, 1));
        List<Object> quiet = List.of(MetricsFixtures.healthy().build(), new IterationContext(1, 0));
        String quietFirst = outcome(quiet);
        String manyFirst = outcome(many);
        for (int i = 0; i < 20; i++) {
            assertThat(outcome(quiet)).isEqualTo(quietFirst);
            assertThat(outcome(many)).isEqualTo(manyFirst);
        }
        assertThat(quietFirst).isEqualTo("[] [] [] [] []");
    }

    @Test
    void aFailedDecisionLeavesNothingBehind() {
        List<Object> quiet = List.of(MetricsFixtures.healthy().build(), new IterationContext(1, 0));
        String before = outcome(quiet);
        assertThatThrownBy(() -> RuleEngine.evaluate(rules,
                List.of(MetricsFixtures.healthy().with(MetricName.CANCEL_RATIO, 0.7).without(MetricName.NET_BPS).build())))
                .isInstanceOf(MissingMetricException.class);
        assertThat(outcome(quiet)).isEqualTo(before);
    }
}
