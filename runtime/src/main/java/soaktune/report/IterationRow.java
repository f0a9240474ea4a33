package soaktune.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import soaktune.gate.Verdict;
import soaktune.model.TunableField;

/**
 * One iteration of a soak as read from its ITER_SUMMARY: the gate verdict (INCONCLUSIVE with a note when no
 * report came), every KPI, the tuned values the strategy ran with ({@code inEffect}), the values the decision
 * left for the next iteration ({@code after}, empty when the tuner did not decide), and what the rules did:
 * the rules that fired, and what the guardrails held back (guards raised, proposals trimmed or dropped);
 * {@code infeasible}: each KPI the rules declared infeasible within limits, with its fields.
 */
public record IterationRow(int iteration, String ts, boolean hasReport, Verdict verdict, List<String> reasons,
        Map<String, KpiPoint> kpis, Map<TunableField, Double> inEffect, Map<TunableField, Double> after,
        String tuning, List<String> rulesFired, List<String> guardrails, List<AdjustmentRow> adjustments,
        String rulesVersion,
        String rulesSha256, String rulesDir, String note, Map<String, List<String>> infeasible) {

    public IterationRow {
        reasons = List.copyOf(reasons);
        kpis = Collections.unmodifiableMap(new LinkedHashMap<>(kpis));
        inEffect = TunableField.copyOf(inEffect);
        after = TunableField.copyOf(after);
        rulesFired = List.copyOf(rulesFired);
        guardrails = List.copyOf(guardrails);
        adjustments = List.copyOf(adjustments);
        infeasible = Collections.unmodifiableMap(new LinkedHashMap<>(infeasible));
    }
}
