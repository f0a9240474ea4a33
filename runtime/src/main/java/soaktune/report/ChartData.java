package soaktune.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import soaktune.model.Overrides;
import soaktune.model.Range;
import soaktune.model.TunableField;

/**
 * The data the page draws, as JSON-ready records (written with sorted snake_case keys): the page's script turns
 * it into ECharts options and tables. Everything that needs judgement (which values were in effect when, where
 * a rule changed a field) is decided here, in tested Java; the script only maps it onto the charting library.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ChartData(Summary summary, List<Kpi> kpis, List<Param> params, List<Iteration> iterations,
        List<Change> adjustments) {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Summary(String status, int planned, int completed, int firstIteration, int lastIteration,
            String finalVerdict, String finalReason, Map<String, Integer> verdictCounts, String profile, String source,
            String rulesVersion, String rulesSha, String thresholds, String limitsFile, int adjustmentCount,
            Map<String, Object> finalOverrides, List<String> notes, String generatedAt, String version) {
    }

    /** One KPI chart: [iteration, value, verdict] points and the WARN/FAIL thresholds in force per iteration. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Kpi(String key, String label, String unit, boolean higherIsWorse, List<List<Object>> values,
            List<List<Object>> warn, List<List<Object>> fail) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Param(String key, boolean integral, Double min, Double max, List<List<Object>> steps, List<Change> changes) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Iteration(int iteration, String ts, String verdict, boolean hasReport, List<String> reasons, String tuning,
            List<String> rulesFired, List<String> guardrails, int adjustments, String rules, String note) {
    }

    /** An adjustment; {@code x}, where a parameter's chart marks it, only in that chart's changes. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Change(int iteration, String field, Object from, Object to, String reason, String rule, String rulesSha,
            @JsonInclude(JsonInclude.Include.NON_NULL) Double x) {
        static Change of(AdjustmentRow a, Double x) {
            return new Change(a.iteration(), a.field().key(), Overrides.jsonNumber(a.field(), a.from()),
                    Overrides.jsonNumber(a.field(), a.to()), a.reason(), a.rule(), a.rulesShaShort(), x);
        }
    }

    /**
     * The artifacts folder's path is left out on purpose: the same soak gives a byte-identical page wherever
     * it ran, like every other artifact.
     */
    public static ChartData of(SoakReport report, String generatedAt, String version) {
        return new ChartData(summary(report, generatedAt, version),
                ReportKpi.ALL.stream().map(k -> kpi(report, k)).toList(),
                Arrays.stream(TunableField.values()).map(f -> param(report, f)).toList(),
                report.rows().stream().map(ChartData::iteration).toList(),
                report.adjustments().stream().map(a -> Change.of(a, null)).toList());
    }

    private static Summary summary(SoakReport r, String generatedAt, String version) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        r.verdictCounts().forEach((v, n) -> counts.put(v.name(), n));
        IterationRow last = r.lastRow();
        return new Summary(r.status(), r.plannedIterations(), r.rows().size(), r.rows().get(0).iteration(),
                last.iteration(), r.finalVerdict().name(), r.finalReason(), counts, r.profile(), r.source(),
                last.rulesVersion(), ArtifactsReader.shortSha(last.rulesSha256()), r.thresholdsSource(), r.limitsFile(),
                r.adjustments().size(), new Overrides(r.finalOverrides()).toJson(), r.notes(), generatedAt, version);
    }

    private static Kpi kpi(SoakReport report, ReportKpi kpi) {
        List<List<Object>> values = new ArrayList<>();
        List<List<Object>> warn = new ArrayList<>();
        List<List<Object>> fail = new ArrayList<>();
        Boolean upper = null;
        for (IterationRow row : report.rows()) {
            KpiPoint p = row.kpis().get(kpi.key());
            values.add(Arrays.asList(row.iteration(), p == null ? null : p.value(),
                    p == null || p.verdict() == null ? null : p.verdict().name()));
            warn.add(Arrays.asList(row.iteration(), p == null ? null : p.warn()));
            fail.add(Arrays.asList(row.iteration(), p == null ? null : p.fail()));
            if (p != null && p.upperBound() != null) {
                upper = p.upperBound();
            }
        }
        return new Kpi(kpi.key(), kpi.label(), kpi.unit(), upper != null ? upper : kpi.higherIsWorse(), values, warn,
                fail);
    }

    /**
     * One tuned field: a step line of the value in effect (iteration i spans x = i - 0.5 .. i + 0.5, so a
     * change decided after iteration i shows as a jump at i + 0.5), the limits, and a marker at each jump
     * naming the rule that made it.
     */
    private static Param param(SoakReport report, TunableField field) {
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
        List<Change> changes = report.adjustments().stream().filter(a -> a.field() == field)
                .map(a -> Change.of(a, a.iteration() + 0.5)).toList();
        Range range = report.limits().map(l -> l.of(field)).orElse(null);
        return new Param(field.key(), field.integral(), range == null ? null : range.min(),
                range == null ? null : range.max(), steps, changes);
    }

    private static Iteration iteration(IterationRow row) {
        return new Iteration(row.iteration(), row.ts(), row.verdict().name(), row.hasReport(), row.reasons(),
                row.tuning(), row.rulesFired(), row.guardrails(), row.adjustments().size(),
                row.rulesVersion() + " " + ArtifactsReader.shortSha(row.rulesSha256()), row.note());
    }
}
