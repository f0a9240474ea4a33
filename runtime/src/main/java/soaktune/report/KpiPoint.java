package soaktune.report;

import soaktune.gate.Verdict;

/**
 * One KPI in one iteration: its value (null when the report lacked it) and the gate's judgement with the
 * thresholds in force in that iteration. {@code upperBound} is true when higher is worse (latency, adverse
 * selection), false when lower is worse (net edge, maker share), null when no gate judged the metric.
 */
public record KpiPoint(Double value, Verdict verdict, Double warn, Double fail, Boolean upperBound) {
}
