package soaktune.tuning;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import soaktune.io.ProfileLoader;
import soaktune.model.GuardAction;
import soaktune.model.MetricName;
import soaktune.model.Overrides;
import soaktune.model.Profile;
import soaktune.model.Proposal;
import soaktune.model.TunableField;
import soaktune.rules.RulesFolders;
import soaktune.rules.engine.RuleSetLoader;

/**
 * The v1 trigger table never proposes three changes to one field or more than 0.1 of spread, so the
 * 2-changes limit and the spread cap only show when a quant adds a row. This test adds one (a fallback
 * row, so the multi-fail guard stays out of the way) to a copy of the real v1 rules.
 */
final class GuardrailsWithExtraRowsTest {
    private static final String EXTRA_ROW = """
            package soaktune.rules.v1
            import soaktune.model.Metrics
            import function soaktune.rules.Dsl.fallback
            import function soaktune.rules.Dsl.propose
            rule "extra_row"
                salience 100
            when
                Metrics( cancelRatio > 0.55 )
            then
                fallback(drools, "extra");
                propose(drools, "min_interval_ms", +20, "extra");
                propose(drools, "base_spread_bps_delta", +0.08, "extra");
            end
            """;

    @TempDir
    static Path tmp;

    private static Tuner tuner;
    private static Profile s1;

    @BeforeAll
    static void load() throws Exception {
        Path rules = tmp.resolve("v1");
        RulesFolders.copyOfV1(rules);
        Files.writeString(rules.resolve("extra.drl"), EXTRA_ROW);
        tuner = new Tuner(RuleSetLoader.load(rules));
        s1 = ProfileLoader.load("S1", "test");
    }

    private static Decision decide(MetricsFixtures m) {
        return tuner.decide(m.build(), Overrides.empty(), s1, 1, "2025-01-01T00:00:00Z", List.of());
    }

    @Test
    void aThirdChangeToOneFieldIsDropped() {
        Decision d = decide(MetricsFixtures.healthy().with(MetricName.CANCEL_RATIO, 0.6)
                .with(MetricName.WS_LAG_P95_MS, 150));
        assertThat(d.outcome().guardFired("multi_fail_guard")).isFalse();
        assertThat(d.after().get(TunableField.MIN_INTERVAL_MS)).contains(100.0);
        assertThat(d.proposals()).filteredOn(p -> p.getField().equals("min_interval_ms")).hasSize(3)
                .filteredOn(p -> p.getStatus() == Proposal.Status.DROPPED).singleElement()
                .satisfies(p -> assertThat(p.actions()).singleElement()
                        .satisfies(a -> assertThat(a.guard()).isEqualTo("max_two_changes_per_field")));
    }

    @Test
    void spreadMovesAtMostPointOnePerIterationAndTheExcessIsTrimmed() {
        Decision d = decide(MetricsFixtures.healthy().with(MetricName.CANCEL_RATIO, 0.6)
                .with(MetricName.ADVERSE_BPS_P95, 5));
        assertThat(d.after().get(TunableField.BASE_SPREAD_BPS_DELTA)).contains(0.1);
        assertThat(d.proposals()).filteredOn(p -> p.getField().equals("base_spread_bps_delta"))
                .flatMap(Proposal::actions)
                .filteredOn(a -> a.verdict() == GuardAction.Verdict.TRIMMED).singleElement()
                .satisfies(a -> assertThat(a.guard()).isEqualTo("spread_delta_cap"));
    }
}
