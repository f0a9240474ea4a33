package soaktune.report;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import soaktune.model.Adjustment;
import soaktune.model.Clamp;
import soaktune.model.Frozen;
import soaktune.model.GuardFired;
import soaktune.model.MetricName;
import soaktune.model.Metrics;
import soaktune.tuning.Decision;

/** The seed's markers for one decision: clamps, guard SKIPs, each adjustment, and the summary line. */
public final class DecisionMarkers {
    private DecisionMarkers() {
    }

    public static void print(Markers markers, Decision d, Metrics metrics) {
        for (Clamp c : d.clamps()) {
            markers.emit("runtime_clamp", "WARN", "FIELD=" + c.field().key() + " FROM=" + c.field().format(c.from())
                    + " TO=" + c.field().format(c.to()) + " REASON=outside_limits");
        }
        List<GuardFired> guards = d.outcome().guards();
        for (GuardFired g : guards) {
            markers.emit("soak_iter_tune", "SKIP", "REASON=" + g.name());
        }
        for (Frozen f : d.outcome().frozen()) {
            boolean carried = "carried".equals(f.reason());
            markers.emit("tune_freeze", carried ? "HOLD" : "ON", "FIELD=" + f.field() + " ITERATIONS=" + f.remaining()
                    + (carried ? "" : " REASON=oscillation"));
        }
        for (Adjustment a : d.adjustments()) {
            markers.emit("runtime_adjust", "OK", "FIELD=" + a.field().key() + " FROM=" + a.field().format(a.from())
                    + " TO=" + a.field().format(a.to()) + " REASON=" + a.reason());
        }
        if (!guards.isEmpty()) {
            return;
        }
        if (d.adjustments().isEmpty()) {
            markers.emit("soak_iter_tune", "OK", "ADJUSTMENTS=0 metrics_stable");
            return;
        }
        markers.emit("soak_iter_tune", "OK", "ADJUSTMENTS=" + d.adjustments().size() + " " + summary(metrics));
        Set<String> reasons = new LinkedHashSet<>();
        d.adjustments().forEach(a -> reasons.add(a.reason()));
        reasons.forEach(markers::detail);
    }

    /** "net_bps=2.62 cancel=0.48 age_p95=312 lag_p95=90", NA for a metric the report lacks. */
    public static String summary(Metrics m) {
        return "net_bps=" + fmt(m, MetricName.NET_BPS, "%.2f") + " cancel=" + fmt(m, MetricName.CANCEL_RATIO, "%.2f")
                + " age_p95=" + fmt(m, MetricName.ORDER_AGE_P95_MS, "%.0f")
                + " lag_p95=" + fmt(m, MetricName.WS_LAG_P95_MS, "%.0f");
    }

    private static String fmt(Metrics m, MetricName name, String pattern) {
        return m.find(name).map(v -> String.format(java.util.Locale.ROOT, pattern, v)).orElse("NA");
    }
}
