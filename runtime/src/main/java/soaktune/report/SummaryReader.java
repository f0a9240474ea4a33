package soaktune.report;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import soaktune.artifacts.IterationSummary;
import soaktune.artifacts.KpiGateFile;
import soaktune.gate.Verdict;
import soaktune.io.InputException;
import soaktune.model.TunableField;
import soaktune.rules.RuleFiring;
import soaktune.tuning.DecisionJson;

/**
 * Turns one {@code ITER_SUMMARY_<i>.json} (bound to {@link IterationSummary}, which checks the types) into an
 * {@link IterationRow}: strict about what the report uses (an unknown field name or a summary that disagrees
 * with its file name is an error naming the field), silent about what it does not.
 */
record SummaryReader(String source) {
    /**
     * @param baseSpreadBps the profile's base_spread_bps before runtime overrides (from applied_profile.json),
     *     needed to recover the spread delta of an iteration the tuner did not decide on; null when unknown
     */
    IterationRow row(IterationSummary s, int expectedIteration, Double baseSpreadBps) throws InputException {
        if (s.iteration() != expectedIteration) {
            throw new InputException(source, "iteration", "is " + s.iteration() + " but the file name says "
                    + expectedIteration);
        }
        KpiGateFile gate = s.gate();
        Verdict verdict = gate == null ? Verdict.INCONCLUSIVE : gate.verdict();
        List<String> reasons = gate == null ? List.of() : gate.reasons();
        DecisionJson decision = s.decision();
        Map<TunableField, Double> inEffect;
        Map<TunableField, Double> after = new EnumMap<>(TunableField.class);
        List<String> fired = new ArrayList<>();
        List<String> guardrails = new ArrayList<>();
        List<AdjustmentRow> adjustments = new ArrayList<>();
        Map<String, List<String>> infeasible = new LinkedHashMap<>();
        if (decision != null) {
            infeasible = decision.infeasible().stream().collect(Collectors.groupingBy(DecisionJson.InfeasibleJson::kpi,
                    LinkedHashMap::new, Collectors.mapping(DecisionJson.InfeasibleJson::field, Collectors.toList())));
            // The decision's "before" is exactly what the strategy ran with (already pulled into limits).
            inEffect = overrides(decision.overridesBefore(), "decision.overrides_before");
            after = overrides(decision.overridesAfter(), "decision.overrides_after");
            decision.rulesFired().stream().map(RuleFiring::rule).forEach(fired::add);
            guardrails = guardrails(decision);
            for (int k = 0; k < decision.adjustments().size(); k++) {
                adjustments.add(adjustment(decision.adjustments().get(k), "decision.adjustments[" + k + "]",
                        s.iteration(), s.rules().sha256()));
            }
        } else {
            inEffect = fromApplied(s.applied(), baseSpreadBps);
        }
        return new IterationRow(s.iteration(), s.ts(), gate != null, verdict, reasons, kpis(gate, s.metrics()),
                inEffect, after, s.tuning(), fired, guardrails, adjustments, s.rules().version(), s.rules().sha256(),
                s.rules().dir(), s.inconclusive(), infeasible);
    }

    /** Each charted KPI: value and thresholds from the gate section, the value from "metrics" when ungated. */
    private Map<String, KpiPoint> kpis(KpiGateFile gate, Map<String, Object> metrics) throws InputException {
        Map<String, KpiPoint> out = new LinkedHashMap<>();
        for (ReportKpi kpi : ReportKpi.ALL) {
            KpiGateFile.Metric entry = gate == null ? null : gate.metrics().get(kpi.key());
            Object raw = metrics == null ? null : metrics.get(kpi.key());
            if (raw != null && !(raw instanceof Number)) {
                throw new InputException(source, "metrics." + kpi.key(), "must be a number");
            }
            Double plain = raw == null ? null : ((Number) raw).doubleValue();
            if (entry != null) {
                out.put(kpi.key(), new KpiPoint(entry.value() != null ? entry.value() : plain, entry.verdict(),
                        entry.warn(), entry.fail(), entry.upper()));
            } else if (plain != null) {
                out.put(kpi.key(), new KpiPoint(plain, null, null, null, null));
            }
        }
        return out;
    }

    /** "guard: reason" for each guard raised, "guard trimmed|dropped field (why)" for each proposal held back. */
    private static List<String> guardrails(DecisionJson decision) {
        List<String> out = new ArrayList<>();
        decision.guards().forEach(g -> out.add(g.name() + ": " + g.reason()));
        decision.proposals().forEach(p -> p.actions().stream()
                .filter(a -> a.verdict().equals("trimmed") || a.verdict().equals("dropped"))
                .forEach(a -> out.add(a.guard() + " " + a.verdict() + " " + p.field() + " (" + a.why() + ")")));
        return out;
    }

    private AdjustmentRow adjustment(DecisionJson.AdjustmentJson a, String at, int iteration, String rulesSha)
            throws InputException {
        if (a.iteration() != iteration) {
            throw new InputException(source, at + ".iteration", "is " + a.iteration() + " in the summary of iteration "
                    + iteration);
        }
        if (a.field() == null || a.from() == null || a.to() == null) {
            throw new InputException(source, at, "needs field, from and to (one is null)");
        }
        return new AdjustmentRow(iteration, field(a.field(), at + ".field"), a.from().doubleValue(),
                a.to().doubleValue(), a.reason(), a.rule(), rulesSha);
    }

    /**
     * The tuned values of an iteration without a decision (tuning held or off), from the parameters the
     * strategy ran with: four fields are parameters themselves, the spread delta is the applied spread less
     * the profile's own.
     */
    private static Map<TunableField, Double> fromApplied(Map<String, Double> applied, Double baseSpreadBps) {
        Map<TunableField, Double> out = new EnumMap<>(TunableField.class);
        if (applied == null) {
            return out;
        }
        for (TunableField field : TunableField.values()) {
            if (field == TunableField.BASE_SPREAD_BPS_DELTA) {
                Double spread = applied.get("base_spread_bps");
                if (spread != null && baseSpreadBps != null) {
                    out.put(field, field.normalize(spread - baseSpreadBps));
                }
            } else if (applied.get(field.key()) != null) {
                out.put(field, field.normalize(applied.get(field.key())));
            }
        }
        return out;
    }

    /** A {"field": number} object of tunable fields, as overrides are written. */
    Map<TunableField, Double> overrides(Map<String, Number> values, String path) throws InputException {
        Map<TunableField, Double> out = new EnumMap<>(TunableField.class);
        for (Map.Entry<String, Number> e : values.entrySet()) {
            String at = path + "." + e.getKey();
            TunableField field = field(e.getKey(), at);
            if (e.getValue() == null) {
                throw new InputException(source, at, "is missing");
            }
            out.put(field, e.getValue().doubleValue());
        }
        return out;
    }

    private TunableField field(String key, String path) throws InputException {
        return TunableField.fromKey(key).orElseThrow(() -> new InputException(source, path,
                "unknown tunable field \"" + key + "\" (known: " + String.join(", ", TunableField.keys()) + ")"));
    }
}
