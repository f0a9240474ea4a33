package soaktune.model;

import java.util.Arrays;
import java.util.Optional;

/** The scalar metrics of an EDGE_REPORT's "totals" object, with their JSON keys and value kinds. */
public enum MetricName {
    NET_BPS("net_bps", MetricKind.BPS),
    GROSS_BPS("gross_bps", MetricKind.BPS),
    ADVERSE_BPS_P95("adverse_bps_p95", MetricKind.BPS),
    SLIPPAGE_BPS_P95("slippage_bps_p95", MetricKind.BPS),
    FEES_EFF_BPS("fees_eff_bps", MetricKind.BPS),
    INVENTORY_BPS("inventory_bps", MetricKind.BPS),
    ORDER_AGE_P95_MS("order_age_p95_ms", MetricKind.MILLIS),
    WS_LAG_P95_MS("ws_lag_p95_ms", MetricKind.MILLIS),
    REPLACE_RATIO("replace_ratio", MetricKind.RATIO),
    CANCEL_RATIO("cancel_ratio", MetricKind.RATIO),
    MAKER_SHARE_PCT("maker_share_pct", MetricKind.PERCENT),
    FILLS("fills", MetricKind.NON_NEGATIVE),
    TURNOVER_USD("turnover_usd", MetricKind.NON_NEGATIVE);

    private final String key;
    private final MetricKind kind;

    MetricName(String key, MetricKind kind) {
        this.key = key;
        this.kind = kind;
    }

    public String key() {
        return key;
    }

    public MetricKind kind() {
        return kind;
    }

    public static Optional<MetricName> fromKey(String key) {
        return Arrays.stream(values()).filter(m -> m.key.equals(key)).findFirst();
    }
}
