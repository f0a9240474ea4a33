package soaktune.bench;

import java.util.ArrayList;
import java.util.List;
import soaktune.model.Metrics;

/**
 * The KPI targets the tuning benchmark judges a run by, in one place (a later issue moves them to a
 * thresholds file beside the rules). A missing metric counts as a failed target.
 */
public final class KpiTargets {
    public static final double NET_BPS_MIN = 2.5;
    public static final double CANCEL_RATIO_MAX = 0.55;
    public static final double ORDER_AGE_P95_MS_MAX = 330;
    public static final double ADVERSE_BPS_P95_MAX = 4;
    public static final double SLIPPAGE_BPS_P95_MAX = 3;
    public static final double WS_LAG_P95_MS_MAX = 120;
    public static final double MAKER_SHARE_PCT_MIN = 85;

    /** Short names, in the order {@link #failing} reports them. */
    public static final List<String> NAMES = List.of("net_bps", "cancel_ratio", "order_age", "adverse", "slippage",
            "ws_lag", "maker_share");

    private KpiTargets() {
    }

    public static boolean metAll(Metrics m) {
        return failing(m).isEmpty();
    }

    public static List<String> failing(Metrics m) {
        List<String> out = new ArrayList<>();
        check(out, "net_bps", () -> m.getNetBps() >= NET_BPS_MIN);
        check(out, "cancel_ratio", () -> m.getCancelRatio() <= CANCEL_RATIO_MAX);
        check(out, "order_age", () -> m.getOrderAgeP95Ms() <= ORDER_AGE_P95_MS_MAX);
        check(out, "adverse", () -> m.getAdverseBpsP95() <= ADVERSE_BPS_P95_MAX);
        check(out, "slippage", () -> m.getSlippageBpsP95() <= SLIPPAGE_BPS_P95_MAX);
        check(out, "ws_lag", () -> m.getWsLagP95Ms() <= WS_LAG_P95_MS_MAX);
        check(out, "maker_share", () -> m.getMakerSharePct() >= MAKER_SHARE_PCT_MIN);
        return out;
    }

    public static String describe() {
        return "net_bps >= " + NET_BPS_MIN + ", cancel_ratio <= " + CANCEL_RATIO_MAX + ", order_age_p95_ms <= "
                + (int) ORDER_AGE_P95_MS_MAX + ", adverse_bps_p95 <= " + (int) ADVERSE_BPS_P95_MAX
                + ", slippage_bps_p95 <= " + (int) SLIPPAGE_BPS_P95_MAX + ", ws_lag_p95_ms <= "
                + (int) WS_LAG_P95_MS_MAX + ", maker_share_pct >= " + (int) MAKER_SHARE_PCT_MIN;
    }

    private static void check(List<String> out, String name, java.util.function.BooleanSupplier ok) {
        try {
            if (!ok.getAsBoolean()) {
                out.add(name);
            }
        } catch (soaktune.model.MissingMetricException e) {
            out.add(name);
        }
    }
}
