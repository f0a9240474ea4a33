package soaktune.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import soaktune.model.Adjustment;
import soaktune.model.Clamp;
import soaktune.model.GuardAction;
import soaktune.model.MetricName;
import soaktune.model.Metrics;
import soaktune.model.Overrides;
import soaktune.model.Proposal;
import soaktune.model.TunableField;
import soaktune.rules.RuleSet;
import soaktune.tuning.Decision;

/** JSON-ready views of decisions and metrics, shared by ITER_SUMMARY, applied_profile and the HTTP API. */
public final class DecisionJson {
    private DecisionJson() {
    }

    public static Map<String, Object> decision(Decision d) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("overrides_before", d.before().toJson());
        out.put("overrides_after", d.after().toJson());
        out.put("clamps", d.clamps().stream().map(DecisionJson::clamp).toList());
        out.put("triggers", d.outcome().triggers().stream().map(t -> Map.of("rule", t.rule(), "reason", t.reason(),
                "counts_as_failure", t.failure())).toList());
        out.put("rules_fired", d.outcome().firings().stream().map(f -> Map.of("order", f.order(), "rule", f.rule(),
                "facts", f.facts())).toList());
        out.put("proposals", d.proposals().stream().map(DecisionJson::proposal).toList());
        out.put("guards", d.outcome().guards().stream().map(g -> Map.of("name", g.name(), "reason", g.reason()))
                .toList());
        out.put("frozen", d.outcome().frozen().stream().map(f -> Map.of("field", f.field(), "remaining", f.remaining(),
                "reason", f.reason())).toList());
        out.put("adjustments", d.adjustments().stream().map(DecisionJson::adjustment).toList());
        out.put("limit_stops", d.limitStops());
        out.put("kpis_missed", d.outcome().missed().stream().map(m -> Map.of("kpi", m.kpi(), "streak", m.streak(),
                "rule", m.rule())).toList());
        out.put("infeasible", d.outcome().infeasible().stream().map(i -> Map.of("kpi", i.kpi(), "field", i.field(),
                "rule", i.rule())).toList());
        return out;
    }

    public static Map<String, Object> proposal(Proposal p) {
        TunableField field = TunableField.fromKey(p.getField()).orElse(null);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("seq", p.getSeq());
        out.put("rule", p.getRule());
        out.put("field", p.getField());
        out.put("reason", p.getReason());
        out.put("requested_delta", p.getRequestedDelta());
        out.put("final_delta", field == null ? p.getDelta() : field.normalize(p.getDelta()));
        out.put("status", p.getStatus().name().toLowerCase());
        List<Map<String, Object>> actions = new ArrayList<>();
        for (GuardAction a : p.actions()) {
            Map<String, Object> action = new LinkedHashMap<>();
            action.put("guard", a.guard());
            action.put("verdict", a.verdict().name().toLowerCase());
            action.put("delta_before", a.deltaBefore());
            action.put("delta_after", a.deltaAfter());
            action.put("why", a.why());
            actions.add(action);
        }
        out.put("actions", actions);
        return out;
    }

    public static Map<String, Object> adjustment(Adjustment a) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ts", a.ts());
        out.put("iteration", a.iteration());
        out.put("field", a.field().key());
        out.put("from", Overrides.jsonNumber(a.field(), a.from()));
        out.put("to", Overrides.jsonNumber(a.field(), a.to()));
        out.put("reason", a.reason());
        out.put("rule", a.rule());
        return out;
    }

    public static Map<String, Object> clamp(Clamp c) {
        return Map.of("field", c.field().key(), "from", Overrides.jsonNumber(c.field(), c.from()),
                "to", Overrides.jsonNumber(c.field(), c.to()));
    }

    public static Map<String, Object> metrics(Metrics m) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<MetricName, Double> e : m.values().entrySet()) {
            out.put(e.getKey().key(), e.getValue());
        }
        if (!m.blockedRatios().isEmpty()) {
            out.put("blocked_ratio", m.blockedRatios());
        }
        return out;
    }

    public static Map<String, Object> rules(RuleSet rules) {
        // "dir" is where the set can be found again from anywhere: an absolute path, or builtin:<name>.
        return Map.of("version", rules.version(), "sha256", rules.sha256(), "dir", rules.source().recorded(),
                "source", rules.source().builtin() ? "builtin" : "folder");
    }
}
