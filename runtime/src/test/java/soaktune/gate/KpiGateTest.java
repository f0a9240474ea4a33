package soaktune.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import soaktune.model.MetricName;
import soaktune.tuning.MetricsFixtures;

/** The shipped v1 KPI thresholds, one behaviour per test. */
final class KpiGateTest {
    private static KpiThresholds v1;

    @BeforeAll
    static void load() throws Exception {
        v1 = KpiThresholdsReader.read(Path.of("rules/v1/kpi_thresholds.json"), Map.of());
    }

    private static GateResult judge(MetricsFixtures m) {
        return KpiGate.judge(m.build(), v1);
    }

    @Test
    void healthyReportIsOk() {
        GateResult r = judge(MetricsFixtures.healthy());
        assertThat(r.verdict()).isEqualTo(Verdict.OK);
        assertThat(r.markerPayload()).isEqualTo("THRESHOLDS=APPLIED");
    }

    @Test
    void warnAndFailBandsAreStrict() {
        assertThat(judge(MetricsFixtures.healthy().with(MetricName.ADVERSE_BPS_P95, 4.0)).verdict()).isEqualTo(Verdict.OK);
        assertThat(judge(MetricsFixtures.healthy().with(MetricName.ADVERSE_BPS_P95, 4.1)).verdict()).isEqualTo(Verdict.WARN);
        assertThat(judge(MetricsFixtures.healthy().with(MetricName.ADVERSE_BPS_P95, 6.0)).verdict()).isEqualTo(Verdict.WARN);
        assertThat(judge(MetricsFixtures.healthy().with(MetricName.ADVERSE_BPS_P95, 6.1)).verdict()).isEqualTo(Verdict.FAIL);
    }

    @Test
    void lowerBoundMetricsFailBelow() {
        GateResult r = judge(MetricsFixtures.healthy().with(MetricName.NET_BPS, 2.4).with(MetricName.MAKER_SHARE_PCT, 80));
        assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(r.reasons()).containsExactly("EDGE:maker_share", "EDGE:net_bps");
        assertThat(r.markerPayload()).isEqualTo("REASONS=EDGE:maker_share,EDGE:net_bps");
    }

    @Test
    void reasonsListEveryWarning() {
        GateResult r = judge(MetricsFixtures.healthy().with(MetricName.ADVERSE_BPS_P95, 5)
                .with(MetricName.SLIPPAGE_BPS_P95, 4));
        assertThat(r.verdict()).isEqualTo(Verdict.WARN);
        assertThat(r.markerPayload()).isEqualTo("REASONS=EDGE:adverse,EDGE:slippage");
    }

    @Test
    void aMissingMetricIsNeverHealthy() {
        GateResult r = judge(MetricsFixtures.healthy().without(MetricName.WS_LAG_P95_MS));
        assertThat(r.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(r.reasons()).containsExactly("EDGE:ws_lag:missing");
    }

    @Test
    void aGapWithAWarnIsInconclusiveAndStillSaysTheWarn() {
        GateResult r = judge(MetricsFixtures.healthy().without(MetricName.SLIPPAGE_BPS_P95).with(MetricName.WS_LAG_P95_MS, 150));
        assertThat(r.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(r.reasons()).containsExactly("EDGE:slippage:missing", "EDGE:ws_lag");
    }

    @Test
    void aClearFailStaysAFailEvenWithAGap() {
        GateResult r = judge(MetricsFixtures.healthy().without(MetricName.WS_LAG_P95_MS).with(MetricName.CANCEL_RATIO, 0.9));
        assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(r.reasons()).containsExactly("EDGE:cancel", "EDGE:ws_lag:missing");
    }

    @Test
    void tooFewFillsIsInconclusiveWhateverTheFigures() {
        GateResult r = judge(MetricsFixtures.healthy().with(MetricName.FILLS, 49).with(MetricName.CANCEL_RATIO, 0.9));
        assertThat(r.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(r.reasons()).containsExactly("EDGE:fills<50");
        assertThat(judge(MetricsFixtures.healthy().without(MetricName.FILLS)).reasons()).containsExactly("EDGE:fills:missing");
    }

    @Test
    void envOverridesReplaceFileThresholds() throws Exception {
        KpiThresholds t = KpiThresholdsReader.read(Path.of("rules/v1/kpi_thresholds.json"),
                Map.of("KPI_ADVERSE_BPS_P95_WARN", "5", "KPI_MIN_FILLS", "0", "PATH", "/bin"));
        GateResult r = KpiGate.judge(MetricsFixtures.healthy().with(MetricName.ADVERSE_BPS_P95, 4.5)
                .without(MetricName.FILLS).build(), t);
        assertThat(r.verdict()).isEqualTo(Verdict.OK);
    }
}
