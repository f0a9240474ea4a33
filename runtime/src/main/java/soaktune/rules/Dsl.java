package soaktune.rules;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.kie.api.runtime.ClassObjectFilter;
import org.drools.core.rule.consequence.KnowledgeHelper;
import soaktune.model.Frozen;
import soaktune.model.GuardFired;
import soaktune.model.Infeasible;
import soaktune.model.IterationContext;
import soaktune.model.KpiMissed;
import soaktune.model.PastMisses;
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
        String reason = facts(drools, Trigger.class).stream().filter(t -> t.rule().equals(rule))
                .reduce((first, last) -> last).map(Trigger::reason).orElse(null);
        if (reason == null) {
            throw new IllegalStateException("rule \"" + rule + "\" calls propose(drools, field, delta) without a "
                    + "reason: call trigger(drools, \"...\") or fallback(drools, \"...\") first, or give the reason "
                    + "as a fourth argument");
        }
        propose(drools, field, delta, reason);
    }

    /** Proposes adding {@code delta} to a tunable field. */
    public static void propose(KnowledgeHelper drools, String field, double delta, String reason) {
        requireTunable(drools, field);
        requireFinite(drools, field, delta, "proposed");
        // Sequence numbers follow firing order; they decide which proposal the guardrails look at first.
        int seq = facts(drools, Proposal.class).size() + 1;
        drools.insert(new Proposal(seq, drools.getRule().getName(), field, delta, reason));
    }

    /** A guardrail holds for the whole iteration; the runner reports it as a SKIP marker. */
    public static void guard(KnowledgeHelper drools, String reason) {
        drools.insert(new GuardFired(drools.getRule().getName(), reason));
    }

    /** Freezes a field for {@code iterations} iterations, this one included (anti-oscillation). */
    public static void freeze(KnowledgeHelper drools, String field, int iterations, String reason) {
        requireTunable(drools, field);
        drools.insert(new Frozen(field, iterations, reason));
    }

    /**
     * This iteration misses the target of {@code kpi} (a name the rules choose, e.g. "ws_lag"): inserts a
     * {@link KpiMissed} whose streak continues the one carried in the tuning memory ({@link PastMisses}).
     * Calling it again for the same KPI in the same decision changes nothing.
     */
    public static void missed(KnowledgeHelper drools, String kpi) {
        requireKpiName(drools, kpi);
        if (facts(drools, KpiMissed.class).stream().anyMatch(m -> m.kpi().equals(kpi))) {
            return;
        }
        int before = facts(drools, PastMisses.class).stream().filter(past -> past.kpi().equals(kpi))
                .reduce((first, last) -> last).map(PastMisses::streak).orElse(0);
        drools.insert(new KpiMissed(kpi, before + 1, drools.getRule().getName()));
    }

    /**
     * {@code kpi} cannot reach its target within the limits by moving {@code fields} (one field, or several
     * separated by commas): records the verdict (one {@link Infeasible} fact per field) and drops every
     * pending proposal for those fields, so the tuner stops pushing them.
     */
    public static void infeasible(KnowledgeHelper drools, String kpi, String fields) {
        requireKpiName(drools, kpi);
        String rule = drools.getRule().getName();
        int iteration = facts(drools, IterationContext.class).stream().reduce((first, last) -> last)
                .map(IterationContext::iteration).orElse(0);
        Set<String> named = new LinkedHashSet<>();
        for (String f : fields.split(",", -1)) {
            String field = f.strip();
            if (TunableField.fromKey(field).isEmpty()) {
                throw new RuleEvaluationException("rule \"" + rule + "\" declared " + kpi + " infeasible for unknown"
                        + " field '" + field + "' (tunable: " + String.join(", ", TunableField.keys()) + ")", null);
            }
            named.add(field);
        }
        Set<String> declared = facts(drools, Infeasible.class).stream().map(i -> i.kpi() + "\u0000" + i.field())
                .collect(Collectors.toSet());
        named.stream().filter(field -> !declared.contains(kpi + "\u0000" + field))
                .forEach(field -> drools.insert(new Infeasible(kpi, field, rule, iteration)));
        // Dropped after the scan (facts copies working memory): updating a fact while iterating it is unsafe.
        facts(drools, Proposal.class).stream().filter(p -> p.isPending() && named.contains(p.getField())).forEach(p ->
                drop(drools, p, kpi + " misses with " + p.getField() + " at its limit: infeasible within limits"));
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

    /** The facts of one type in working memory, copied: the caller may insert or update while it loops. */
    private static <T> List<T> facts(KnowledgeHelper drools, Class<T> type) {
        return drools.getKieRuntime().getObjects(new ClassObjectFilter(type)).stream().map(type::cast).toList();
    }

    private static void requireTunable(KnowledgeHelper drools, String field) {
        if (TunableField.fromKey(field).isEmpty()) {
            throw new RuleEvaluationException("rule \"" + drools.getRule().getName() + "\" proposed a change to"
                    + " unknown field '" + field + "' (tunable: " + String.join(", ", TunableField.keys()) + ")", null);
        }
    }

    /** KPI names end up in markers and JSON keys: short lower-case words, like the gate's tags. */
    private static void requireKpiName(KnowledgeHelper drools, String kpi) {
        if (kpi == null || !kpi.matches("[a-z][a-z0-9_]{0,39}")) {
            throw new RuleEvaluationException("rule \"" + drools.getRule().getName() + "\" named the KPI '" + kpi
                    + "': a KPI name is 1 to 40 characters of a-z, 0-9 and _, starting with a letter", null);
        }
    }

    /** NaN or an infinity would slip through every comparison in the guardrails and the limit clamp. */
    private static void requireFinite(KnowledgeHelper drools, String field, double delta, String verb) {
        if (!Double.isFinite(delta)) {
            throw new RuleEvaluationException("rule \"" + drools.getRule().getName() + "\" " + verb + " a delta of "
                    + delta + " for " + field + ": a delta must be a finite number", null);
        }
    }
}
