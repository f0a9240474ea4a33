package soaktune.report;

import java.util.List;

/**
 * A KPI the report charts, with a label and unit for people. {@code higherIsWorse} is the direction used when
 * no gate judged a metric; when a gate did, its thresholds say which way is bad.
 */
public record ReportKpi(String key, String label, String unit, boolean higherIsWorse) {
    /** Every charted KPI, in page order. */
    public static final List<ReportKpi> ALL = List.of(
            new ReportKpi("net_bps", "Net edge", "bps", false),
            new ReportKpi("cancel_ratio", "Cancel ratio", "ratio", true),
            new ReportKpi("adverse_bps_p95", "Adverse selection p95", "bps", true),
            new ReportKpi("slippage_bps_p95", "Slippage p95", "bps", true),
            new ReportKpi("order_age_p95_ms", "Order age p95", "ms", true),
            new ReportKpi("ws_lag_p95_ms", "WebSocket lag p95", "ms", true),
            new ReportKpi("maker_share_pct", "Maker share", "%", false));
}
