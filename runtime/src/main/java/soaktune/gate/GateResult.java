package soaktune.gate;

import java.util.List;

/** The gate's verdict on one report, with the reason tags and each metric's own verdict. */
public record GateResult(Verdict verdict, List<String> reasons, List<MetricResult> metrics, Double fills,
        int minFills) {

    /** One KPI: its value (null when the report lacks it) and verdict. */
    public record MetricResult(KpiThreshold threshold, Double value, Verdict verdict) {
    }

    public GateResult {
        reasons = List.copyOf(reasons);
        metrics = List.copyOf(metrics);
    }

    /** The marker payload: THRESHOLDS=APPLIED when OK, else the reason tags. */
    public String markerPayload() {
        return verdict == Verdict.OK ? "THRESHOLDS=APPLIED" : "REASONS=" + String.join(",", reasons);
    }
}
