package soaktune.gate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import soaktune.model.MetricName;
import soaktune.model.Metrics;

/**
 * Judges a report against the KPI thresholds. Missing data is never read as healthy: a missing metric or
 * too few fills makes the verdict INCONCLUSIVE (a clear FAIL elsewhere still reports FAIL, since that much
 * is known for certain; too few fills overrides everything, since then no figure can be trusted).
 */
public final class KpiGate {
    private KpiGate() {
    }

    public static GateResult judge(Metrics metrics, KpiThresholds thresholds) {
        List<GateResult.MetricResult> results = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        Verdict worst = Verdict.OK;
        for (KpiThreshold t : thresholds.metrics()) {
            Optional<Double> value = metrics.find(t.metric());
            if (value.isEmpty()) {
                results.add(new GateResult.MetricResult(t, null, Verdict.INCONCLUSIVE));
                missing.add(t.tag() + ":missing");
                continue;
            }
            Verdict v = t.judge(value.get());
            results.add(new GateResult.MetricResult(t, value.get(), v));
            if (v != Verdict.OK) {
                reasons.add(t.tag());
            }
            worst = v.compareTo(worst) > 0 ? v : worst;
        }
        Double fills = metrics.find(MetricName.FILLS).orElse(null);
        if (thresholds.minFills() > 0 && (fills == null || fills < thresholds.minFills())) {
            missing.add(0, fills == null ? "EDGE:fills:missing" : "EDGE:fills<" + thresholds.minFills());
            return new GateResult(Verdict.INCONCLUSIVE, missing, results, fills, thresholds.minFills());
        }
        if (!missing.isEmpty() && worst != Verdict.FAIL) {
            // The missing metrics decide the verdict and come first; a WARN seen on the others is still said.
            missing.addAll(reasons);
            return new GateResult(Verdict.INCONCLUSIVE, missing, results, fills, thresholds.minFills());
        }
        reasons.addAll(missing);
        return new GateResult(worst, reasons, results, fills, thresholds.minFills());
    }
}
