package soaktune.rules;

import org.kie.api.runtime.ClassObjectFilter;
import org.drools.core.rule.consequence.KnowledgeHelper;
import soaktune.model.Frozen;
import soaktune.model.GuardFired;
import soaktune.model.Proposal;
import soaktune.model.TunableField;
import soaktune.model.Trigger;

/**
 * The small vocabulary DRL rules use ({@code import function soaktune.rules.Dsl.*}), so that a rule's
 * consequence reads like a row of the trigger table. Every function records the calling rule's name.
 */
public final class Dsl {
    private Dsl() {
    }

    /** This row of the trigger table fired and counts as a failure (towards the multi-fail guard). */
    public static void trigger(KnowledgeHelper drools, String reason) {
        drools.insert(new Trigger(drools.getRule().getName(), reason, true));
    }

    /** A fallback row fired (fires only when no failure row did; not counted as a failure). */
    public static void fallback(KnowledgeHelper drools, String reason) {
        drools.insert(new Trigger(drools.getRule().getName(), reason, false));
    }

    /**
     * Proposes adding {@code delta} to a tunable field, for the reason this rule gave {@code trigger} or
     * {@code fallback} just before: the row's tag is written once, next to its condition.
     */
    public static void propose(KnowledgeHelper drools, String field, double delta) {
        String rule = drools.getRule().getName();
        String reason = null;
        for (Object o : drools.getKieRuntime().getObjects(new ClassObjectFilter(Trigger.class))) {
            if (o instanceof Trigger t && t.rule().equals(rule)) {
                reason = t.reason();
            }
        }
        if (reason == null) {
            throw new IllegalStateException("rule \"" + rule + "\" calls propose(drools, field, delta) without a "
                    + "reason: call trigger(drools, \"...\") or fallback(drools, \"...\") first, or give the reason "
                    + "as a fourth argument");
        }
        propose(drools, field, delta, reason);
    }

    /** Proposes adding {@code delta} to a tunable field. */
    public static void propose(KnowledgeHelper drools, String field, double delta, String reason) {
        if (TunableField.fromKey(field).isEmpty()) {
            throw new UnknownFieldException(drools.getRule().getName(), field);
        }
        requireFinite(drools, field, delta, "proposed");
        // Sequence numbers follow firing order; they decide which proposal the guardrails look at first.
        int seq = drools.getKieRuntime().getObjects(new ClassObjectFilter(Proposal.class)).size() + 1;
        drools.insert(new Proposal(seq, drools.getRule().getName(), field, delta, reason));
    }

    /** A guardrail holds for the whole iteration; the runner reports it as a SKIP marker. */
    public static void guard(KnowledgeHelper drools, String reason) {
        drools.insert(new GuardFired(drools.getRule().getName(), reason));
    }

    /** Freezes a field for {@code iterations} iterations, this one included (anti-oscillation). */
    public static void freeze(KnowledgeHelper drools, String field, int iterations, String reason) {
        if (TunableField.fromKey(field).isEmpty()) {
            throw new UnknownFieldException(drools.getRule().getName(), field);
        }
        drools.insert(new Frozen(field, iterations, reason));
    }

    public static void accept(KnowledgeHelper drools, Proposal p, String why) {
        p.accept(drools.getRule().getName(), why);
        drools.update(p);
    }

    public static void trim(KnowledgeHelper drools, Proposal p, double newDelta, String why) {
        requireFinite(drools, p.getField(), newDelta, "trimmed to");
        p.trim(drools.getRule().getName(), newDelta, why);
        drools.update(p);
    }

    public static void drop(KnowledgeHelper drools, Proposal p, String why) {
        p.drop(drools.getRule().getName(), why);
        drools.update(p);
    }

    /** NaN or an infinity would slip through every comparison in the guardrails and the limit clamp. */
    private static void requireFinite(KnowledgeHelper drools, String field, double delta, String verb) {
        if (!Double.isFinite(delta)) {
            throw new RuleEvaluationException("rule \"" + drools.getRule().getName() + "\" " + verb + " a delta of "
                    + delta + " for " + field + ": a delta must be a finite number", null);
        }
    }

    /** Thrown when a rule proposes a change to a field that is not one of the five tunable ones. */
    public static final class UnknownFieldException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UnknownFieldException(String rule, String field) {
            super("rule \"" + rule + "\" proposed a change to unknown field '" + field + "' (tunable: "
                    + String.join(", ", TunableField.keys()) + ")");
        }
    }
}
