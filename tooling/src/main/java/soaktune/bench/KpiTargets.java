package soaktune.bench;

import java.util.List;
import java.util.stream.Collectors;
import soaktune.gate.GateResult;
import soaktune.gate.KpiThresholds;
import soaktune.gate.Verdict;

/**
 * The KPI targets the tuning benchmark judges a run by: the KPI gate's thresholds beside the rules (a target
 * is met when the gate says OK; a missing metric or too few fills counts as not met).
 */
public record KpiTargets(KpiThresholds thresholds) {
    /** Short names of the KPIs that missed their target ("adverse", "net_bps", ...); empty when all met. */
    public static List<String> failing(GateResult gate) {
        return gate.verdict() == Verdict.OK ? List.of() : gate.reasons().stream().map(KpiTargets::shortName).toList();
    }

    /** Names in the thresholds file's order, for sorting tables. */
    public List<String> names() {
        return thresholds.metrics().stream().map(t -> shortName(t.tag())).toList();
    }

    public String describe() {
        String bounds = thresholds.metrics().stream().map(t -> t.metric().key() + (t.upperBound() ? " <= " : " >= ")
                + (t.warn() != null ? t.warn() : t.fail())).collect(Collectors.joining(", "));
        return bounds + (thresholds.minFills() > 0 ? ", fills >= " + thresholds.minFills() : "")
                + " (" + thresholds.source() + ")";
    }

    private static String shortName(String tag) {
        return tag.startsWith("EDGE:") ? tag.substring(5) : tag;
    }
}
