package soaktune.tuning;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import soaktune.model.Adjustment;
import soaktune.model.Frozen;
import soaktune.model.GuardFired;
import soaktune.model.Metrics;
import soaktune.model.Overrides;
import soaktune.model.Proposal;
import soaktune.model.TunableField;
import soaktune.rules.RuleFiring;

/**
 * The JSON of one decision, shared by ITER_SUMMARY, applied_profile and the HTTP API: written from a
 * {@link Decision} with {@link #of} and read back (by the report) as the same record. Override values are
 * numbers as {@link Overrides#toJson} makes them (integral fields whole).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record DecisionJson(Map<String, Number> overridesBefore, Map<String, Number> overridesAfter,
        List<ClampJson> clamps, List<TriggerJson> triggers, List<RuleFiring> rulesFired, List<ProposalJson> proposals,
        List<GuardFired> guards, List<Frozen> frozen, List<AdjustmentJson> adjustments, Integer limitStops,
        List<MissedJson> kpisMissed, List<InfeasibleJson> infeasible) {

    public DecisionJson {
        overridesBefore = orEmpty(overridesBefore);
        overridesAfter = orEmpty(overridesAfter);
        clamps = orEmpty(clamps);
        triggers = orEmpty(triggers);
        rulesFired = orEmpty(rulesFired);
        proposals = orEmpty(proposals);
        guards = orEmpty(guards);
        frozen = orEmpty(frozen);
        adjustments = orEmpty(adjustments);
        kpisMissed = orEmpty(kpisMissed);
        infeasible = orEmpty(infeasible);
    }

    public static DecisionJson of(Decision d) {
        return new DecisionJson(numbers(d.before()), numbers(d.after()),
                d.clamps().stream().map(c -> new ClampJson(c.field().key(), number(c.field(), c.from()),
                        number(c.field(), c.to()))).toList(),
                d.outcome().triggers().stream().map(t -> new TriggerJson(t.rule(), t.reason(), t.failure())).toList(),
                d.outcome().firings(), d.proposals().stream().map(ProposalJson::of).toList(), d.outcome().guards(),
                d.outcome().frozen(), d.adjustments().stream().map(a -> AdjustmentJson.of(a, null, null)).toList(),
                d.limitStops(),
                d.outcome().missed().stream().map(m -> new MissedJson(m.kpi(), m.streak(), m.rule())).toList(),
                d.outcome().infeasible().stream().map(i -> new InfeasibleJson(i.kpi(), i.field(), i.rule())).toList());
    }

    /** A KPI the rules marked as missing its target, with how many iterations in a row it has. */
    public record MissedJson(String kpi, int streak, String rule) {
    }

    /** A KPI the rules declared infeasible within limits, with one of the fields at its limit. */
    public record InfeasibleJson(String kpi, String field, String rule) {
    }

    /** A current value pulled into its limits before the rules ran. */
    public record ClampJson(String field, Number from, Number to) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record TriggerJson(String rule, String reason, Boolean countsAsFailure) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ProposalJson(Integer seq, String rule, String field, String reason, Double requestedDelta,
            Double finalDelta, String status, List<ActionJson> actions) {
        public ProposalJson {
            actions = orEmpty(actions);
        }

        static ProposalJson of(Proposal p) {
            TunableField field = TunableField.fromKey(p.getField()).orElse(null);
            return new ProposalJson(p.getSeq(), p.getRule(), p.getField(), p.getReason(), p.getRequestedDelta(),
                    field == null ? p.getDelta() : field.normalize(p.getDelta()), p.getStatus().name().toLowerCase(),
                    p.actions().stream().map(a -> new ActionJson(a.guard(), a.verdict().name().toLowerCase(),
                            a.deltaBefore(), a.deltaAfter(), a.why())).toList());
        }
    }

    /** What one guardrail did to a proposal: verdict accepted, trimmed, dropped or clamped. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ActionJson(String guard, String verdict, Double deltaBefore, Double deltaAfter, String why) {
    }

    /**
     * One applied change. In applied_profile.json's history it also names the rule set that made it; inside a
     * decision those two are null and left out.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record AdjustmentJson(String ts, @JsonProperty(required = true) int iteration,
            @JsonProperty(required = true) String field, @JsonProperty(required = true) Number from,
            @JsonProperty(required = true) Number to, String reason,
            String rule, @JsonInclude(JsonInclude.Include.NON_NULL) String rulesVersion,
            @JsonInclude(JsonInclude.Include.NON_NULL) String rulesSha256) {

        public static AdjustmentJson of(Adjustment a, String rulesVersion, String rulesSha256) {
            return new AdjustmentJson(a.ts(), a.iteration(), a.field().key(), number(a.field(), a.from()),
                    number(a.field(), a.to()), a.reason(), a.rule(), rulesVersion, rulesSha256);
        }
    }

    /** EDGE_REPORT totals as written in ITER_SUMMARY's "metrics": each value, and blocked_ratio when known. */
    public static Map<String, Object> metrics(Metrics m) {
        Map<String, Object> out = new LinkedHashMap<>();
        m.values().forEach((name, value) -> out.put(name.key(), value));
        if (!m.blockedRatios().isEmpty()) {
            out.put("blocked_ratio", m.blockedRatios());
        }
        return out;
    }

    /** Override values by field name, as {@link Overrides#toJson} writes them. */
    public static Map<String, Number> numbers(Overrides overrides) {
        Map<String, Number> out = new LinkedHashMap<>();
        overrides.values().forEach((field, value) -> out.put(field.key(), number(field, value)));
        return out;
    }

    private static Number number(TunableField field, double value) {
        return (Number) Overrides.jsonNumber(field, value);
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static <K, V> Map<K, V> orEmpty(Map<K, V> map) {
        return map == null ? Map.of() : map;
    }
}
