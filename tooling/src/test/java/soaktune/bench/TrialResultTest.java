package soaktune.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import soaktune.model.TunableField;

/** How the tuning benchmark judges a run: met by, stayed, oscillations. */
final class TrialResultTest {
    private static TrialResult trial(Boolean... met) {
        List<Boolean> m = List.of(met);
        return new TrialResult("s", 1, true, "", m, m.stream().map(b -> b ? List.<String>of() : List.of("x")).toList(),
                0, 0, 0, "OK", "", 0);
    }

    @Test
    void metBy_andStayed() {
        TrialResult late = trial(false, false, false, true, true, true, true, true);
        assertThat(late.metBy(3)).isFalse();
        assertThat(late.metBy(5)).isTrue();
        assertThat(late.stayedFrom(5)).isTrue();
        TrialResult lost = trial(false, true, true, false, true, true, true, true);
        assertThat(lost.metBy(3)).isTrue();
        assertThat(lost.stayedFrom(5)).isFalse();
        TrialResult never = trial(false, false, false);
        assertThat(never.firstMet()).isZero();
        assertThat(never.metBy(3)).isFalse();
    }

    @Test
    void infeasibleBy_countsTheFirstDeclaration() {
        List<Boolean> m = List.of(false, false, false, false, false, false);
        List<List<String>> f = m.stream().map(b -> List.of("adverse")).toList();
        TrialResult at6 = new TrialResult("s", 1, true, "", m, f, 0, 0, 0, "FAIL", TrialResult.INFEASIBLE, 6);
        assertThat(at6.infeasibleBy(5)).isFalse();
        assertThat(at6.infeasibleBy(6)).isTrue();
        TrialResult at4 = new TrialResult("s", 1, true, "", m, f, 0, 0, 0, "FAIL", TrialResult.INFEASIBLE, 4);
        assertThat(at4.infeasibleBy(5)).isTrue();
        assertThat(trial(false, false).infeasibleBy(8)).as("never declared").isFalse();
    }

    @Test
    void oscillation_isUpDownUpOrDownUpDown() {
        Map<TunableField, List<Integer>> moves = new EnumMap<>(TunableField.class);
        moves.put(TunableField.MIN_INTERVAL_MS, List.of(1, -1, 1, -1)); // up-down-up, then down-up-down: 2
        moves.put(TunableField.TAIL_AGE_MS, List.of(1, 1, -1, -1)); // a single reversal: 0
        moves.put(TunableField.REPLACE_RATE_PER_MIN, List.of(-1, -1, -1)); // monotone: 0
        assertThat(TuningBench.oscillations(moves)).isEqualTo(2);
    }

    @Test
    void endsNoWorse_comparesTheFailingKpisOfTheLastIterationWithTheFirst() {
        List<Boolean> m = List.of(false, false, false);
        TrialResult better = new TrialResult("s", 1, true, "", m,
                List.of(List.of("adverse", "cancel"), List.of("adverse"), List.of("adverse")), 0, 0, 0, "FAIL", "", 0);
        TrialResult same = new TrialResult("s", 1, true, "", m,
                List.of(List.of("ws_lag"), List.of("ws_lag", "cancel"), List.of("ws_lag")), 0, 0, 0, "FAIL", "", 0);
        TrialResult worse = new TrialResult("s", 1, true, "", m,
                List.of(List.of("ws_lag"), List.of("ws_lag"), List.of("ws_lag", "net_bps")), 0, 0, 0, "FAIL", "", 0);
        assertThat(better.endsNoWorse()).isTrue();
        assertThat(same.endsNoWorse()).isTrue();
        assertThat(worse.endsNoWorse()).isFalse();
    }
}
