package soaktune.report;

import java.util.Arrays;
import java.util.Optional;

/**
 * The KPIs the report charts, in page order, with a label and unit for people. {@code higherIsWorse} is the
 * direction used when no gate judged a metric; when a gate did, its thresholds say which way is bad.
 */
public enum ReportKpi {
    NET_BPS("net_bps", "Net edge", "bps", false),
    CANCEL_RATIO("cancel_ratio", "Cancel ratio", "ratio", true),
    ADVERSE_BPS_P95("adverse_bps_p95", "Adverse selection p95", "bps", true),
    SLIPPAGE_BPS_P95("slippage_bps_p95", "Slippage p95", "bps", true),
    ORDER_AGE_P95_MS("order_age_p95_ms", "Order age p95", "ms", true),
    WS_LAG_P95_MS("ws_lag_p95_ms", "WebSocket lag p95", "ms", true),
    MAKER_SHARE_PCT("maker_share_pct", "Maker share", "%", false);

    private final String key;
    private final String label;
    private final String unit;
    private final boolean higherIsWorse;

    ReportKpi(String key, String label, String unit, boolean higherIsWorse) {
        this.key = key;
        this.label = label;
        this.unit = unit;
        this.higherIsWorse = higherIsWorse;
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    public String unit() {
        return unit;
    }

    public boolean higherIsWorse() {
        return higherIsWorse;
    }

    public static Optional<ReportKpi> fromKey(String key) {
        return Arrays.stream(values()).filter(k -> k.key.equals(key)).findFirst();
    }
}
