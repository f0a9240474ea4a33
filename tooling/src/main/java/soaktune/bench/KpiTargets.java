package soaktune.bench;

import java.util.ArrayList;
import java.util.List;
import soaktune.gate.GateResult;
import soaktune.gate.KpiThreshold;
import soaktune.gate.KpiThresholds;
import soaktune.gate.Verdict;

/**
 * The KPI targets the tuning benchmark judges a run by: the KPI gate's thresholds beside the rules (a target
 * is met when the gate says OK; a missing metric or too few fills counts as not met).
 */
public record KpiTargets(KpiThresholds thresholds) {
    /** Short names of the KPIs that missed their target ("adverse", "net_bps", ...); empty when all met. */
    public static List<String> failing(GateResult gate) {
        List<String> out = new ArrayList<>();
        if (gate.verdict() == Verdict.OK) {
            return out;
        }
        for (String reason : gate.reasons()) {
            out.add(reason.startsWith("EDGE:") ? reason.substring(5) : reason);
        }
        return out;
    }

    /** Names in the thresholds file's order, for sorting tables. */
    public List<String> names() {
        return thresholds.metrics().stream().map(t -> t.tag().startsWith("EDGE:") ? t.tag().substring(5) : t.tag())
                .toList();
    }

    public String describe() {
        List<String> parts = new ArrayList<>();
        for (KpiThreshold t : thresholds.metrics()) {
            Double bound = t.warn() != null ? t.warn() : t.fail();
            parts.add(t.metric().key() + (t.upperBound() ? " <= " : " >= ") + bound);
        }
        return String.join(", ", parts) + (thresholds.minFills() > 0 ? ", fills >= " + thresholds.minFills() : "")
                + " (" + thresholds.source() + ")";
    }
}
