package soaktune.tuning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import soaktune.model.FieldMove;
import soaktune.model.MetricName;
import soaktune.model.Overrides;
import soaktune.model.Profile;
import soaktune.model.TunableField;

/** The v1 anti-oscillation guardrails (rules/v1/anti_oscillation.drl) and the memory that feeds them. */
final class AntiOscillationTest {
    private static final Tuner tuner = MetricsFixtures.tuner("rules/v1");
    private static final Profile s1 = MetricsFixtures.s1();

    /** cancel_ratio 0.7 makes the v1 table propose min_interval +20 and replace_rate -30. */
    private static Decision decide(int iteration, TuningMemory memory, int healthyStreak) {
        return new TuningStep(MetricsFixtures.healthy().with(MetricName.CANCEL_RATIO, 0.7).build(), Overrides.empty(),
                s1, memory, iteration, healthyStreak).take(tuner, "2025-01-01T00:00:00Z").decision();
    }

    private static TuningMemory moves(int... iterationAndDirection) {
        List<FieldMove> moves = new ArrayList<>();
        for (int k = 0; k < iterationAndDirection.length; k += 2) {
            moves.add(new FieldMove("min_interval_ms", iterationAndDirection[k], iterationAndDirection[k + 1]));
        }
        return new TuningMemory(moves, Map.of(), null, null, null);
    }

    @Test
    void upDownUpEndingLastIterationFreezesTheFieldForThree() {
        Decision d = decide(4, moves(1, 1, 2, -1, 3, 1), 0);
        assertThat(d.outcome().frozen()).singleElement().satisfies(f -> {
            assertThat(f.field()).isEqualTo("min_interval_ms");
            assertThat(f.remaining()).isEqualTo(3);
        });
        assertThat(d.after().get(TunableField.MIN_INTERVAL_MS)).contains(60.0); // +20 dropped
        assertThat(d.after().get(TunableField.REPLACE_RATE_PER_MIN)).contains(270.0); // other fields still tuned
        assertThat(d.proposals()).filteredOn(p -> p.getField().equals("min_interval_ms")).singleElement()
                .satisfies(p -> assertThat(p.actions().get(0).guard()).isEqualTo("frozen_field_holds"));
    }

    @Test
    void downUpDownAlsoCountsButSteadyMovesDoNot() {
        assertThat(decide(4, moves(1, -1, 2, 1, 3, -1), 0).outcome().frozen()).hasSize(1);
        assertThat(decide(4, moves(1, 1, 2, 1, 3, 1), 0).outcome().frozen()).isEmpty();
        assertThat(decide(4, moves(2, -1, 3, 1), 0).outcome().frozen()).as("two moves are not yet an oscillation").isEmpty();
    }

    @Test
    void anOldOrSpreadOutPatternDoesNotFreeze() {
        assertThat(decide(6, moves(1, 1, 2, -1, 3, 1), 0).outcome().frozen()).as("last move not recent").isEmpty();
        assertThat(decide(9, moves(1, 1, 5, -1, 8, 1), 0).outcome().frozen()).as("wider than 6 iterations").isEmpty();
    }

    @Test
    void aFreezeIsCarriedAndCountsDown() {
        Decision first = decide(4, moves(1, 1, 2, -1, 3, 1), 0);
        TuningMemory m = moves(1, 1, 2, -1, 3, 1).after(4, first, tuner.ruleSet().limits());
        assertThat(m.frozen()).containsEntry("min_interval_ms", 2);
        Decision second = decide(5, m, 0);
        assertThat(second.after().get(TunableField.MIN_INTERVAL_MS)).contains(60.0);
        m = m.after(5, second, tuner.ruleSet().limits());
        assertThat(m.frozen()).containsEntry("min_interval_ms", 1);
        Decision third = decide(6, m, 0);
        m = m.after(6, third, tuner.ruleSet().limits());
        assertThat(m.frozen()).isEmpty();
        assertThat(decide(7, m, 0).after().get(TunableField.MIN_INTERVAL_MS)).contains(80.0);
    }

    @Test
    void threeHealthyIterationsHoldEveryChangeUntilAKpiFails() {
        Decision held = decide(5, TuningMemory.empty(), 3);
        assertThat(held.outcome().guardFired("stabilised_dead_band")).isTrue();
        assertThat(held.adjustments()).isEmpty();
        Decision free = decide(5, TuningMemory.empty(), 2);
        assertThat(free.outcome().guardFired("stabilised_dead_band")).isFalse();
        assertThat(free.adjustments()).isNotEmpty();
    }

    @Test
    void memoryRecordsNetMovesAndForgetsOldOnes() {
        Decision d = decide(20, new TuningMemory(List.of(new FieldMove("tail_age_ms", 2, 1)), Map.of(), null, null,
                null), 0);
        TuningMemory next = new TuningMemory(List.of(new FieldMove("tail_age_ms", 2, 1)), Map.of(), null, null, null)
                .after(20, d, tuner.ruleSet().limits());
        assertThat(next.moves()).extracting(FieldMove::field).containsExactlyInAnyOrder("min_interval_ms",
                "replace_rate_per_min");
        assertThat(next.moves()).filteredOn(m -> m.field().equals("replace_rate_per_min")).singleElement()
                .satisfies(m -> assertThat(m.direction()).isEqualTo(-1));
    }
}
