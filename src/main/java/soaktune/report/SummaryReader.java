package soaktune.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import soaktune.gate.Verdict;
import soaktune.io.InputException;
import soaktune.io.Json;
import soaktune.model.TunableField;

/**
 * Reads one {@code ITER_SUMMARY_<i>.json} into an {@link IterationRow}. Strict about what the report uses
 * (a wrong type or an unknown field name is an error naming the field), silent about what it does not.
 */
final class SummaryReader {
    static final String PREFIX = "ITER_SUMMARY_";

    private SummaryReader() {
    }

    /**
     * @param baseSpreadBps the profile's base_spread_bps before runtime overrides (from applied_profile.json),
     *     needed to recover the spread delta of an iteration the tuner did not decide on; null when unknown
     */
    static IterationRow read(Path file, int expectedIteration, Double baseSpreadBps) throws InputException {
        JsonNode root = Json.readFile(file);
        ArtifactFields f = new ArtifactFields(file.toString());
        f.object(root, "");
        int iteration = f.wholeNumber(root.get("iteration"), "iteration");
        if (iteration != expectedIteration) {
            throw new InputException(file.toString(), "iteration", "is " + iteration + " but the file name says "
                    + expectedIteration);
        }
        JsonNode rules = f.object(root.get("rules"), "rules");
        String rulesVersion = f.text(rules.get("version"), "rules.version");
        String rulesSha = f.text(rules.get("sha256"), "rules.sha256");
        String rulesDir = f.optionalText(rules.get("dir"), "rules.dir");

        JsonNode gate = f.optionalObject(root.get("gate"), "gate");
        JsonNode metrics = f.optionalObject(root.get("metrics"), "metrics");
        Verdict verdict = gate == null ? Verdict.INCONCLUSIVE : f.verdict(gate.get("verdict"), "gate.verdict");
        List<String> reasons = gate == null ? List.of() : f.texts(gate.get("reasons"), "gate.reasons");
        Map<String, KpiPoint> kpis = kpis(f, gate, metrics);

        JsonNode decision = f.optionalObject(root.get("decision"), "decision");
        Map<TunableField, Double> inEffect;
        Map<TunableField, Double> after = new EnumMap<>(TunableField.class);
        List<String> fired = new ArrayList<>();
        List<String> guardrails = new ArrayList<>();
        List<AdjustmentRow> adjustments = new ArrayList<>();
        Map<String, List<String>> infeasible = new LinkedHashMap<>();
        if (decision != null) {
            infeasible = infeasible(f, decision);
            // The decision's "before" is exactly what the strategy ran with (already pulled into limits).
            inEffect = f.overrides(decision.get("overrides_before"), "decision.overrides_before");
            after = f.overrides(decision.get("overrides_after"), "decision.overrides_after");
            List<JsonNode> firings = f.array(decision.get("rules_fired"), "decision.rules_fired");
            for (int k = 0; k < firings.size(); k++) {
                String at = "decision.rules_fired[" + k + "]";
                fired.add(f.text(f.object(firings.get(k), at).get("rule"), at + ".rule"));
            }
            guardrails = guardrails(f, decision);
            List<JsonNode> list = f.array(decision.get("adjustments"), "decision.adjustments");
            for (int k = 0; k < list.size(); k++) {
                adjustments.add(adjustment(f, list.get(k), "decision.adjustments[" + k + "]", iteration, rulesSha));
            }
        } else {
            inEffect = fromApplied(f, root.get("applied"), baseSpreadBps);
        }
        return new IterationRow(iteration, f.optionalText(root.get("ts"), "ts"), gate != null, verdict, reasons, kpis,
                inEffect, after, f.optionalText(root.get("tuning"), "tuning"), fired, guardrails, adjustments,
                rulesVersion,
                rulesSha, rulesDir, f.optionalText(root.get("inconclusive"), "inconclusive"), infeasible);
    }

    /** KPI -> fields the rules declared infeasible within limits; empty for summaries written before it existed. */
    private static Map<String, List<String>> infeasible(ArtifactFields f, JsonNode decision) throws InputException {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (decision.get("infeasible") == null) {
            return out;
        }
        List<JsonNode> list = f.array(decision.get("infeasible"), "decision.infeasible");
        for (int k = 0; k < list.size(); k++) {
            String at = "decision.infeasible[" + k + "]";
            JsonNode v = f.object(list.get(k), at);
            out.computeIfAbsent(f.text(v.get("kpi"), at + ".kpi"), x -> new ArrayList<>())
                    .add(f.text(v.get("field"), at + ".field"));
        }
        return out;
    }

    /** Each charted KPI: value and thresholds from the gate section, the value from "metrics" when ungated. */
    private static Map<String, KpiPoint> kpis(ArtifactFields f, JsonNode gate, JsonNode metrics) throws InputException {
        Map<String, KpiPoint> out = new LinkedHashMap<>();
        JsonNode gated = gate == null ? null : f.optionalObject(gate.get("metrics"), "gate.metrics");
        for (ReportKpi kpi : ReportKpi.values()) {
            String at = "gate.metrics." + kpi.key();
            JsonNode entry = gated == null ? null : f.optionalObject(gated.get(kpi.key()), at);
            Double plain = metrics == null ? null : f.optionalNumber(metrics.get(kpi.key()), "metrics." + kpi.key());
            if (entry == null) {
                if (plain != null) {
                    out.put(kpi.key(), new KpiPoint(plain, null, null, null, null));
                }
                continue;
            }
            boolean upper = entry.has("warn_above") || entry.has("fail_above");
            String dir = upper ? "above" : "below";
            Double value = f.optionalNumber(entry.get("value"), at + ".value");
            out.put(kpi.key(), new KpiPoint(value != null ? value : plain, f.verdict(entry.get("verdict"), at + ".verdict"),
                    f.optionalNumber(entry.get("warn_" + dir), at + ".warn_" + dir),
                    f.optionalNumber(entry.get("fail_" + dir), at + ".fail_" + dir), upper));
        }
        return out;
    }

    /** "guard: reason" for each guard raised, "guard trimmed|dropped field (why)" for each proposal held back. */
    private static List<String> guardrails(ArtifactFields f, JsonNode decision) throws InputException {
        List<String> out = new ArrayList<>();
        List<JsonNode> guards = f.array(decision.get("guards"), "decision.guards");
        for (int k = 0; k < guards.size(); k++) {
            String at = "decision.guards[" + k + "]";
            f.object(guards.get(k), at);
            out.add(f.text(guards.get(k).get("name"), at + ".name") + ": "
                    + f.text(guards.get(k).get("reason"), at + ".reason"));
        }
        List<JsonNode> proposals = f.array(decision.get("proposals"), "decision.proposals");
        for (int k = 0; k < proposals.size(); k++) {
            String at = "decision.proposals[" + k + "]";
            String field = f.text(f.object(proposals.get(k), at).get("field"), at + ".field");
            List<JsonNode> actions = f.array(proposals.get(k).get("actions"), at + ".actions");
            for (int a = 0; a < actions.size(); a++) {
                String aat = at + ".actions[" + a + "]";
                String verdict = f.text(f.object(actions.get(a), aat).get("verdict"), aat + ".verdict");
                if (verdict.equals("trimmed") || verdict.equals("dropped")) {
                    out.add(f.text(actions.get(a).get("guard"), aat + ".guard") + " " + verdict + " " + field + " ("
                            + f.text(actions.get(a).get("why"), aat + ".why") + ")");
                }
            }
        }
        return out;
    }

    private static AdjustmentRow adjustment(ArtifactFields f, JsonNode node, String at, int iteration, String rulesSha)
            throws InputException {
        f.object(node, at);
        int recorded = f.wholeNumber(node.get("iteration"), at + ".iteration");
        if (recorded != iteration) {
            throw new InputException(f.source(), at + ".iteration", "is " + recorded + " in the summary of iteration "
                    + iteration);
        }
        return new AdjustmentRow(iteration, f.field(node.get("field"), at + ".field"),
                f.number(node.get("from"), at + ".from"), f.number(node.get("to"), at + ".to"),
                f.text(node.get("reason"), at + ".reason"), f.text(node.get("rule"), at + ".rule"), rulesSha);
    }

    /**
     * The tuned values of an iteration without a decision (tuning held or off), from the parameters the
     * strategy ran with: four fields are parameters themselves, the spread delta is the applied spread less
     * the profile's own.
     */
    private static Map<TunableField, Double> fromApplied(ArtifactFields f, JsonNode appliedNode, Double baseSpreadBps)
            throws InputException {
        Map<TunableField, Double> out = new EnumMap<>(TunableField.class);
        JsonNode applied = f.optionalObject(appliedNode, "applied");
        if (applied == null) {
            return out;
        }
        for (TunableField field : TunableField.values()) {
            if (field == TunableField.BASE_SPREAD_BPS_DELTA) {
                Double spread = f.optionalNumber(applied.get("base_spread_bps"), "applied.base_spread_bps");
                if (spread != null && baseSpreadBps != null) {
                    out.put(field, field.normalize(spread - baseSpreadBps));
                }
            } else {
                Double v = f.optionalNumber(applied.get(field.key()), "applied." + field.key());
                if (v != null) {
                    out.put(field, field.normalize(v));
                }
            }
        }
        return out;
    }
}
