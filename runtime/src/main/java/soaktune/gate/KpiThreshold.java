package soaktune.gate;

import soaktune.model.MetricName;

/**
 * The bounds of one KPI. "Above" metrics (latency, adverse selection) warn and fail when they rise past a
 * bound; "below" metrics (net edge, maker share) when they drop under one. Either bound may be absent.
 */
public record KpiThreshold(MetricName metric, String tag, boolean upperBound, Double warn, Double fail) {

    /** OK, WARN or FAIL for a value; comparisons are strict, like the trigger table's. */
    public Verdict judge(double value) {
        if (fail != null && (upperBound ? value > fail : value < fail)) {
            return Verdict.FAIL;
        }
        if (warn != null && (upperBound ? value > warn : value < warn)) {
            return Verdict.WARN;
        }
        return Verdict.OK;
    }
}
