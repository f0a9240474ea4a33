package soaktune.tuning;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import soaktune.model.Adjustment;
import soaktune.model.Limits;
import soaktune.model.Metrics;
import soaktune.model.Overrides;
import soaktune.model.Profile;
import soaktune.model.Proposal;
import soaktune.model.Range;
import soaktune.model.TunableField;
import soaktune.rules.engine.RuleEngine;
import soaktune.rules.RuleEvaluationException;
import soaktune.rules.RuleOutcome;
import soaktune.rules.engine.RuleSet;

/**
 * Makes one decision: current values (override, else profile) clamped into limits, the rules over the
 * metrics, then each accepted proposal applied in order with the limit clamp as the last line of defence.
 * No threshold and no guardrail lives here: those are in the rule set.
 */
public record Tuner(RuleSet ruleSet) {
    /** {@code extraFacts} are handed to the rules beside the metrics (e.g. history for anti-oscillation). */
    public Decision decide(Metrics metrics, Overrides current, Profile profile, int iteration, String ts,
            List<?> extraFacts) {
        Limits limits = ruleSet.limits();
        CurrentValues resolved = CurrentValues.resolve(current, profile, limits);
        Overrides before = resolved.values();
        Map<TunableField, Double> values = new EnumMap<>(before.values());

        List<Object> facts = new ArrayList<>(List.of(metrics));
        facts.addAll(extraFacts);
        RuleOutcome outcome = RuleEngine.evaluate(ruleSet, facts);

        List<Adjustment> adjustments = new ArrayList<>();
        int limitStops = 0;
        for (Proposal p : outcome.proposals()) {
            if (!p.isAccepted()) {
                continue;
            }
            TunableField field = TunableField.fromKey(p.getField()).orElseThrow();
            double from = values.get(field);
            double raw = from + p.getDelta();
            if (!Double.isFinite(raw)) {
                // Dsl refuses non-finite deltas; this is the last line of defence (e.g. a sum that overflows).
                throw new RuleEvaluationException("rule \"" + p.getRule() + "\" would move " + field.key() + " from "
                        + field.format(from) + " by " + p.getDelta() + " to " + raw + ": not a finite number", null);
            }
            double wanted = field.normalize(raw);
            double to = limits.clamp(field, wanted);
            if (to != wanted) {
                Range r = limits.of(field);
                p.recordClamp(to - from, "limit [" + field.format(r.min()) + ", " + field.format(r.max()) + "]");
                limitStops++;
            }
            if (to != from) {
                adjustments.add(new Adjustment(ts, iteration, field, from, to, p.getReason(), p.getRule()));
                values.put(field, to);
            }
        }
        return new Decision(before, new Overrides(values), resolved.clamps(), List.copyOf(adjustments), outcome,
                limitStops);
    }
}
