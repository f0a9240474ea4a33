package soaktune.tuning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static soaktune.model.TunableField.BASE_SPREAD_BPS_DELTA;
import static soaktune.model.TunableField.IMPACT_CAP_RATIO;
import static soaktune.model.TunableField.MIN_INTERVAL_MS;
import static soaktune.model.TunableField.REPLACE_RATE_PER_MIN;
import static soaktune.model.TunableField.TAIL_AGE_MS;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import soaktune.io.ProfileLoader;
import soaktune.model.MetricName;
import soaktune.model.MissingMetricException;
import soaktune.model.Overrides;
import soaktune.model.Profile;
import soaktune.model.Proposal;
import soaktune.model.TunableField;
import soaktune.rules.engine.RuleSet;
import soaktune.rules.engine.RuleSetLoader;

/** The v1 trigger table and guardrails, loaded from the real rules/v1 folder, one behaviour per test. */
final class TunerV1Test {
    private static Tuner tuner;
    private static Profile s1;

    @BeforeAll
    static void load() throws Exception {
        RuleSet rules = RuleSetLoader.load(Path.of(System.getProperty("rulesDir", "rules/v1")));
        tuner = new Tuner(rules);
        s1 = ProfileLoader.load("S1", "test");
    }

    private static Decision decide(MetricsFixtures m) {
        return decide(m, Overrides.empty());
    }

    private static Decision decide(MetricsFixtures m, Overrides current) {
        return tuner.decide(m.build(), current, s1, 1, "2025-01-01T00:00:00Z", List.of());
    }

    private static double after(Decision d, TunableField f) {
        return d.after().get(f).orElseThrow();
    }

    @Test
    void healthyMetricsChangeNothing() {
        Decision d = decide(MetricsFixtures.healthy());
        assertThat(d.adjustments()).isEmpty();
        assertThat(d.outcome().triggers()).isEmpty();
        assertThat(d.after()).isEqualTo(d.before());
        assertThat(after(d, MIN_INTERVAL_MS)).isEqualTo(60);
        assertThat(after(d, BASE_SPREAD_BPS_DELTA)).isEqualTo(0.0);
    }

    @Test
    void cancelRatioAboveThresholdRaisesIntervalAndLowersReplaceRate() {
        Decision d = decide(MetricsFixtures.healthy().with(MetricName.CANCEL_RATIO, 0.56));
        assertThat(after(d, MIN_INTERVAL_MS)).isEqualTo(80);
        assertThat(after(d, REPLACE_RATE_PER_MIN)).isEqualTo(270);
        assertThat(d.adjustments()).extracting(a -> a.reason()).containsOnly("cancel_ratio>0.55");
    }

    @Test
    void cancelRatioAtThresholdDoesNotFire() {
        Decision d = decide(MetricsFixtures.healthy().with(MetricName.CANCEL_RATIO, 0.55));
        assertThat(d.outcome().triggers()).isEmpty();
    }

    @Test
    void adverseOrSlippageWidensSpread() {
        Decision adverse = decide(MetricsFixtures.healthy().with(MetricName.ADVERSE_BPS_P95, 4.01));
        Decision slippage = decide(MetricsFixtures.healthy().with(MetricName.SLIPPAGE_BPS_P95, 3.5));
        assertThat(after(adverse, BASE_SPREAD_BPS_DELTA)).isEqualTo(0.05);
        assertThat(after(slippage, BASE_SPREAD_BPS_DELTA)).isEqualTo(0.05);
        Decision neither = decide(MetricsFixtures.healthy().with(MetricName.ADVERSE_BPS_P95, 4.0)
                .with(MetricName.SLIPPAGE_BPS_P95, 3.0));
        assertThat(neither.adjustments()).isEmpty();
    }

    @Test
    void orderAgeLowersReplaceRateAndRaisesTailAge() {
        Decision d = decide(MetricsFixtures.healthy().with(MetricName.ORDER_AGE_P95_MS, 331));
        assertThat(after(d, REPLACE_RATE_PER_MIN)).isEqualTo(270);
        assertThat(after(d, TAIL_AGE_MS)).isEqualTo(750);
    }

    @Test
    void wsLagRaisesInterval() {
        Decision d = decide(MetricsFixtures.healthy().with(MetricName.WS_LAG_P95_MS, 121));
        assertThat(after(d, MIN_INTERVAL_MS)).isEqualTo(80);
        assertThat(d.adjustments()).hasSize(1);
    }

    @Test
    void lowNetBpsAloneWidensSpreadSlightly() {
        Decision d = decide(MetricsFixtures.healthy().with(MetricName.NET_BPS, 2.4));
        assertThat(after(d, BASE_SPREAD_BPS_DELTA)).isEqualTo(0.02);
        assertThat(d.outcome().triggers()).singleElement().satisfies(t -> assertThat(t.failure()).isFalse());
    }

    @Test
    void lowNetBpsIsIgnoredWhenAnotherRowFired() {
        Decision d = decide(MetricsFixtures.healthy().with(MetricName.NET_BPS, 1.0)
                .with(MetricName.WS_LAG_P95_MS, 200));
        assertThat(after(d, BASE_SPREAD_BPS_DELTA)).isEqualTo(0.0);
        assertThat(d.outcome().firings()).extracting(f -> f.rule()).doesNotContain("net_bps_low");
    }

    @Test
    void twoRowsChangingOneFieldBothApply() {
        Decision d = decide(MetricsFixtures.healthy().with(MetricName.CANCEL_RATIO, 0.7)
                .with(MetricName.WS_LAG_P95_MS, 150));
        assertThat(after(d, MIN_INTERVAL_MS)).isEqualTo(100);
        assertThat(d.adjustments()).extracting(a -> a.from() + "->" + a.to())
                .contains("60.0->80.0", "80.0->100.0");
    }

    @Test
    void multiFailGuardKeepsOnlyCalmingChanges() {
        Decision d = decide(MetricsFixtures.healthy().with(MetricName.CANCEL_RATIO, 0.7)
                .with(MetricName.ORDER_AGE_P95_MS, 400).with(MetricName.WS_LAG_P95_MS, 150));
        assertThat(d.outcome().guardFired("multi_fail_guard")).isTrue();
        assertThat(after(d, TAIL_AGE_MS)).isEqualTo(700); // tail_age +50 is not calming: dropped
        assertThat(after(d, MIN_INTERVAL_MS)).isEqualTo(100);
        assertThat(after(d, REPLACE_RATE_PER_MIN)).isEqualTo(240);
        assertThat(d.proposals()).filteredOn(p -> p.getField().equals("tail_age_ms"))
                .singleElement().satisfies(p -> assertThat(p.getStatus()).isEqualTo(Proposal.Status.DROPPED));
    }

    @Test
    void twoFailingRowsDoNotTripTheMultiFailGuard() {
        Decision d = decide(MetricsFixtures.healthy().with(MetricName.CANCEL_RATIO, 0.7)
                .with(MetricName.ORDER_AGE_P95_MS, 400));
        assertThat(d.outcome().guardFired("multi_fail_guard")).isFalse();
        assertThat(after(d, TAIL_AGE_MS)).isEqualTo(750);
    }

    @Test
    void limitsClampProposalsAndCurrentValues() {
        Overrides atEdge = Overrides.empty().with(MIN_INTERVAL_MS, 290).with(REPLACE_RATE_PER_MIN, 130)
                .with(IMPACT_CAP_RATIO, 0.5);
        Decision d = decide(MetricsFixtures.healthy().with(MetricName.CANCEL_RATIO, 0.9), atEdge);
        assertThat(after(d, MIN_INTERVAL_MS)).isEqualTo(300);
        assertThat(after(d, REPLACE_RATE_PER_MIN)).isEqualTo(120);
        assertThat(d.limitStops()).isEqualTo(2);
        assertThat(d.clamps()).singleElement().satisfies(c -> {
            assertThat(c.field()).isEqualTo(IMPACT_CAP_RATIO);
            assertThat(c.to()).isEqualTo(0.12);
        });
    }

    @Test
    void adjustmentsBuildOnPreviousOverrides() {
        Overrides current = Overrides.empty();
        for (int i = 0; i < 3; i++) {
            Decision d = decide(MetricsFixtures.healthy().with(MetricName.ADVERSE_BPS_P95, 6), current);
            current = d.after();
        }
        assertThat(current.get(BASE_SPREAD_BPS_DELTA)).contains(0.15);
    }

    @Test
    void missingMetricThatARuleReadsIsAnError() {
        assertThatThrownBy(() -> decide(MetricsFixtures.healthy().without(MetricName.CANCEL_RATIO)))
                .isInstanceOf(MissingMetricException.class)
                .hasMessageContaining("cancel_ratio");
    }

    @Test
    void profileValuesAreTheDefaults() {
        assertThat(s1.applied()).containsEntry("base_spread_bps", 0.85).containsEntry("min_interval_ms", 60.0);
        assertThat(s1.applyRuntime(Overrides.empty().with(BASE_SPREAD_BPS_DELTA, 0.1)))
                .containsEntry("base_spread_bps", 0.95);
        assertThat(Map.copyOf(s1.applied())).containsEntry("concurrency_limit", 0.9);
    }
}
