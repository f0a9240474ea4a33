package soaktune.tuning;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import soaktune.gate.Verdict;
import soaktune.model.Adjustment;
import soaktune.model.Frozen;
import soaktune.model.GuardAction;
import soaktune.model.GuardFired;
import soaktune.model.Infeasible;
import soaktune.model.MetricName;
import soaktune.model.Metrics;
import soaktune.rules.RuleFiring;
import soaktune.rules.RuleOutcome;
import soaktune.tuning.Decision;

/**
 * The seed's markers for one decision: clamps, guard SKIPs, "infeasible within limits" SKIPs, each adjustment,
 * and the summary line.
 */
public final class DecisionMarkers {
    private DecisionMarkers() {
    }

    /** {@code gate}: the KPI gate's verdict on the report decided over, null when unknown. */
    public static void print(Markers markers, Decision d, Metrics metrics, Verdict gate) {
        d.clamps().forEach(c -> markers.emit("runtime_clamp", "WARN", "FIELD=" + c.field().key() + " FROM="
                + c.field().format(c.from()) + " TO=" + c.field().format(c.to()) + " REASON=outside_limits"));
        List<GuardFired> guards = new java.util.ArrayList<>();
        for (GuardFired g : d.outcome().guards()) {
            Set<String> bypassers = bypassers(d.outcome(), g);
            if (bypassers.isEmpty()) {
                markers.emit("soak_iter_tune", "SKIP", "REASON=" + g.name());
                guards.add(g);
            } else {
                // The guard fired, but proposals were accepted before it could act: it did not hold.
                markers.emit("soak_iter_tune", "WARN", "REASON=" + g.name() + " BYPASSED_BY="
                        + String.join(",", bypassers));
            }
        }
        for (Frozen f : d.outcome().frozen()) {
            boolean carried = "carried".equals(f.reason());
            markers.emit("tune_freeze", carried ? "HOLD" : "ON", "FIELD=" + f.field() + " ITERATIONS=" + f.remaining()
                    + (carried ? "" : " REASON=oscillation"));
        }
        Map<String, List<String>> infeasible = infeasibleFields(d.outcome());
        infeasible.forEach((kpi, fields) -> markers.emit("soak_iter_tune", "SKIP", "REASON=limits_exhausted KPI=" + kpi
                + " FIELDS=" + String.join(",", fields)));
        d.adjustments().forEach(a -> markers.emit("runtime_adjust", "OK", "FIELD=" + a.field().key() + " FROM="
                + a.field().format(a.from()) + " TO=" + a.field().format(a.to()) + " REASON=" + a.reason()));
        if (!guards.isEmpty()) {
            return;
        }
        if (d.adjustments().isEmpty()) {
            if (infeasible.isEmpty()) {
                // "metrics_stable" only when the gate agrees; otherwise say what it said.
                markers.emit("soak_iter_tune", "OK", "ADJUSTMENTS=0" + (gate == Verdict.OK ? " metrics_stable"
                        : gate == null ? "" : " GATE=" + gate.name()));
            }
            return;
        }
        markers.emit("soak_iter_tune", "OK", "ADJUSTMENTS=" + d.adjustments().size() + " " + summary(metrics));
        d.adjustments().stream().map(Adjustment::reason).distinct().forEach(markers::detail);
    }

    /** Each KPI declared infeasible within limits, with its fields, in the outcome's order. */
    public static Map<String, List<String>> infeasibleFields(RuleOutcome outcome) {
        return outcome.infeasible().stream().collect(Collectors.groupingBy(Infeasible::kpi, LinkedHashMap::new,
                Collectors.mapping(Infeasible::field, Collectors.toList())));
    }

    /**
     * Rules that accepted a proposal before guard {@code g} fired (in firing order): what they accepted never
     * met the guard. Empty for the shipped rules, whose accept rule runs after every guardrail.
     */
    static Set<String> bypassers(RuleOutcome outcome, GuardFired g) {
        int guardAt = firstFiring(outcome.firings(), g.name());
        return outcome.proposals().stream().flatMap(p -> p.actions().stream())
                .filter(a -> a.verdict() == GuardAction.Verdict.ACCEPTED
                        && firstFiring(outcome.firings(), a.guard()) < guardAt)
                .map(GuardAction::guard).collect(Collectors.toCollection(TreeSet::new));
    }

    private static int firstFiring(List<RuleFiring> firings, String rule) {
        return firings.stream().filter(f -> f.rule().equals(rule)).mapToInt(RuleFiring::order).min()
                .orElse(Integer.MAX_VALUE);
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
