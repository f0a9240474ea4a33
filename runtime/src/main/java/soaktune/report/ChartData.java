package soaktune.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import soaktune.gate.Verdict;
import soaktune.model.Overrides;
import soaktune.model.Range;
import soaktune.model.TunableField;

/**
 * The data the page draws, as a JSON-ready map: the page's script turns it into ECharts options and tables.
 * Everything that needs judgement (which values were in effect when, where a rule changed a field) is
 * decided here, in tested Java; the script only maps it onto the charting library.
 */
public final class ChartData {
    private ChartData() {
    }

    /**
     * The artifacts folder's path is left out on purpose: the same soak gives a byte-identical page wherever
     * it ran, like every other artifact.
     */
    public static Map<String, Object> of(SoakReport report, String generatedAt, String version) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("summary", summary(report, generatedAt, version));
        out.put("kpis", ReportKpi.ALL.stream().map(k -> kpi(report, k)).toList());
        out.put("params", Arrays.stream(TunableField.values()).map(f -> param(report, f)).toList());
        out.put("iterations", report.rows().stream().map(ChartData::iteration).toList());
        out.put("adjustments", report.adjustments().stream().map(ChartData::adjustment).toList());
        return out;
    }

    private static Map<String, Object> summary(SoakReport r, String generatedAt, String version) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("status", r.status());
        s.put("planned", r.plannedIterations());
        s.put("completed", r.rows().size());
        s.put("first_iteration", r.rows().get(0).iteration());
        s.put("last_iteration", r.lastRow().iteration());
        s.put("final_verdict", r.finalVerdict().name());
        s.put("final_reason", r.finalReason());
        Map<String, Integer> counts = new LinkedHashMap<>();
        r.verdictCounts().forEach((v, n) -> counts.put(v.name(), n));
        s.put("verdict_counts", counts);
        s.put("profile", r.profile());
        s.put("source", r.source());
        s.put("rules_version", r.lastRow().rulesVersion());
        s.put("rules_sha", ArtifactsReader.shortSha(r.lastRow().rulesSha256()));
        s.put("thresholds", r.thresholdsSource());
        s.put("limits_file", r.limitsFile());
        s.put("adjustment_count", r.adjustments().size());
        s.put("final_overrides", new Overrides(r.finalOverrides()).toJson());
        s.put("notes", r.notes());
        s.put("generated_at", generatedAt);
        s.put("version", version);
        return s;
    }

    /** One KPI chart: [iteration, value, verdict] points and the WARN/FAIL thresholds in force per iteration. */
    private static Map<String, Object> kpi(SoakReport report, ReportKpi kpi) {
        List<List<Object>> values = new ArrayList<>();
        List<List<Object>> warn = new ArrayList<>();
        List<List<Object>> fail = new ArrayList<>();
        Boolean upper = null;
        for (IterationRow row : report.rows()) {
            KpiPoint p = row.kpis().get(kpi.key());
            Verdict verdict = p == null || p.verdict() == null ? null : p.verdict();
            values.add(Arrays.asList(row.iteration(), p == null ? null : p.value(),
                    verdict == null ? null : verdict.name()));
            warn.add(Arrays.asList(row.iteration(), p == null ? null : p.warn()));
            fail.add(Arrays.asList(row.iteration(), p == null ? null : p.fail()));
            if (p != null && p.upperBound() != null) {
                upper = p.upperBound();
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("key", kpi.key());
        out.put("label", kpi.label());
        out.put("unit", kpi.unit());
        out.put("higher_is_worse", upper != null ? upper : kpi.higherIsWorse());
        out.put("values", values);
        out.put("warn", warn);
        out.put("fail", fail);
        return out;
    }

    /**
     * One tuned field: a step line of the value in effect (iteration i spans x = i - 0.5 .. i + 0.5, so a
     * change decided after iteration i shows as a jump at i + 0.5), the limits, and a marker at each jump
     * naming the rule that made it.
     */
    private static Map<String, Object> param(SoakReport report, TunableField field) {
        List<List<Object>> steps = new ArrayList<>();
        for (IterationRow row : report.rows()) {
            Double v = row.inEffect().get(field);
            steps.add(Arrays.asList(row.iteration() - 0.5, v));
            steps.add(Arrays.asList(row.iteration() + 0.5, v));
        }
        IterationRow last = report.lastRow();
        Double finalValue = last.after().get(field);
        if (finalValue != null && !finalValue.equals(last.inEffect().get(field))) {
            steps.add(Arrays.asList(last.iteration() + 0.5, finalValue)); // the last decision, never run
        }
        List<Map<String, Object>> changes = new ArrayList<>();
        for (AdjustmentRow a : report.adjustments()) {
            if (a.field() == field) {
                Map<String, Object> c = adjustment(a);
                c.put("x", a.iteration() + 0.5);
                changes.add(c);
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("key", field.key());
        out.put("integral", field.integral());
        Range range = report.limits().map(l -> l.of(field)).orElse(null);
        out.put("min", range == null ? null : range.min());
        out.put("max", range == null ? null : range.max());
        out.put("steps", steps);
        out.put("changes", changes);
        return out;
    }

    private static Map<String, Object> iteration(IterationRow row) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("iteration", row.iteration());
        out.put("ts", row.ts());
        out.put("verdict", row.verdict().name());
        out.put("has_report", row.hasReport());
        out.put("reasons", row.reasons());
        out.put("tuning", row.tuning());
        out.put("rules_fired", row.rulesFired());
        out.put("guardrails", row.guardrails());
        out.put("adjustments", row.adjustments().size());
        out.put("rules", row.rulesVersion() + " " + ArtifactsReader.shortSha(row.rulesSha256()));
        out.put("note", row.note());
        return out;
    }

    private static Map<String, Object> adjustment(AdjustmentRow a) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("iteration", a.iteration());
        out.put("field", a.field().key());
        out.put("from", Overrides.jsonNumber(a.field(), a.from()));
        out.put("to", Overrides.jsonNumber(a.field(), a.to()));
        out.put("reason", a.reason());
        out.put("rule", a.rule());
        out.put("rules_sha", a.rulesShaShort());
        return out;
    }
}
