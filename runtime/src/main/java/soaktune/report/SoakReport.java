package soaktune.report;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import soaktune.gate.Verdict;
import soaktune.model.Infeasible;
import soaktune.model.Limits;
import soaktune.model.TunableField;

/**
 * A soak as the report shows it, read from its artifacts folder: the iterations in order, the final
 * overrides, the limits of the tuned fields (absent when the rule set could not be read, with a note saying
 * why) and notes for anything the reader skipped. {@code status} is soak_state.json's ("complete",
 * "interrupted", ...) or "unknown" without one.
 */
public record SoakReport(Path artifacts, String status, int plannedIterations, String profile, String source,
        List<IterationRow> rows, Map<TunableField, Double> finalOverrides, Optional<Limits> limits,
        String limitsFile, String thresholdsSource, List<String> notes) {

    public SoakReport {
        rows = List.copyOf(rows);
        finalOverrides = TunableField.copyOf(finalOverrides);
        notes = List.copyOf(notes);
    }

    /** A KPI's worst value over the soak, the iteration it came from, and how often the gate objected to it. */
    /** Verdicts by severity (INCONCLUSIVE is less than WARN: nothing is known to be wrong). */
    private static final List<Verdict> BEST_FIRST = List.of(Verdict.OK, Verdict.INCONCLUSIVE, Verdict.WARN,
            Verdict.FAIL);

    public record WorstKpi(ReportKpi kpi, double value, int iteration, Verdict verdict, Double warn, Double fail,
            boolean higherIsWorse, int warnCount, int failCount) {
    }

    public List<AdjustmentRow> adjustments() {
        return rows.stream().flatMap(r -> r.adjustments().stream()).toList();
    }

    public IterationRow lastRow() {
        return rows.get(rows.size() - 1);
    }

    /**
     * The soak's verdict, by the rule the soak runner uses: that of the last iteration which had a report
     * (the state tuning led to), INCONCLUSIVE when none had; FAIL when that iteration's decision declared a
     * KPI infeasible within limits.
     */
    public Verdict finalVerdict() {
        return lastReported().map(r -> r.infeasible().isEmpty() ? r.verdict() : Verdict.FAIL)
                .orElse(Verdict.INCONCLUSIVE);
    }

    /**
     * Why the final verdict is FAIL although the gate may have said less: "infeasible_within_limits: ws_lag
     * (min_interval_ms)", one KPI after the other; null when the rules declared nothing infeasible.
     */
    public String finalReason() {
        return lastReported().filter(r -> !r.infeasible().isEmpty())
                .map(r -> Infeasible.VERDICT_REASON + ": " + r.infeasible().entrySet().stream()
                        .map(e -> e.getKey() + " (" + String.join(", ", e.getValue()) + ")")
                        .collect(Collectors.joining("; "))).orElse(null);
    }

    private Optional<IterationRow> lastReported() {
        return rows.stream().filter(IterationRow::hasReport).reduce((a, b) -> b);
    }

    /** How many iterations ended with each verdict, in the order OK, WARN, FAIL, INCONCLUSIVE. */
    public Map<Verdict, Integer> verdictCounts() {
        Map<Verdict, Integer> counts = new LinkedHashMap<>();
        Arrays.stream(Verdict.values()).forEach(v -> counts.put(v, 0));
        rows.forEach(r -> counts.merge(r.verdict(), 1, Integer::sum));
        return counts;
    }

    /** Each KPI's worst value, FAIL before WARN before OK, then in page order; KPIs never measured are left out. */
    public List<WorstKpi> worstKpis() {
        return ReportKpi.ALL.stream().flatMap(kpi -> worst(kpi).stream())
                .sorted(Comparator.comparingInt((WorstKpi w) -> BEST_FIRST.indexOf(w.verdict())).reversed()
                        .thenComparing(w -> ReportKpi.ALL.indexOf(w.kpi())))
                .toList();
    }

    private Optional<WorstKpi> worst(ReportKpi kpi) {
        IterationRow worstRow = null;
        KpiPoint worstPoint = null;
        int warns = 0;
        int fails = 0;
        for (IterationRow r : rows) {
            KpiPoint p = r.kpis().get(kpi.key());
            if (p == null || p.value() == null) {
                continue;
            }
            warns += p.verdict() == Verdict.WARN ? 1 : 0;
            fails += p.verdict() == Verdict.FAIL ? 1 : 0;
            if (worstPoint == null || (higherIsWorse(kpi, p) ? p.value() > worstPoint.value()
                    : p.value() < worstPoint.value())) {
                worstRow = r;
                worstPoint = p;
            }
        }
        if (worstPoint == null) {
            return Optional.empty();
        }
        return Optional.of(new WorstKpi(kpi, worstPoint.value(), worstRow.iteration(),
                worstPoint.verdict() == null ? Verdict.INCONCLUSIVE : worstPoint.verdict(), worstPoint.warn(),
                worstPoint.fail(), higherIsWorse(kpi, worstPoint), warns, fails));
    }

    /** The gate's thresholds say which way is bad; without a gate, the KPI's own direction. */
    private static boolean higherIsWorse(ReportKpi kpi, KpiPoint p) {
        return p.upperBound() != null ? p.upperBound() : kpi.higherIsWorse();
    }
}
