package soaktune.rules.engine;

import soaktune.rules.RuleEvaluationException;
import soaktune.rules.RuleFiring;
import soaktune.rules.RuleOutcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.ClassObjectFilter;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.ConsequenceException;
import soaktune.model.Frozen;
import soaktune.model.GuardFired;
import soaktune.model.Infeasible;
import soaktune.model.KpiMissed;
import soaktune.model.MetricName;
import soaktune.model.MissingMetricException;
import soaktune.model.Proposal;
import soaktune.model.Trigger;

/**
 * Runs a rule set over one iteration's facts: a clean session per decision (reset and reused, see
 * {@link RuleSessions}: no state can leak between iterations), an agenda listener that records each firing
 * with the facts it matched, a cap on firings so a rule that loops fails loudly instead of hanging a soak,
 * and a time budget per decision ({@link DecisionBudget}) as the last guard.
 */
public final class RuleEngine {
    /** Far above anything a sane rule set needs (the v1 set fires about 15 rules at most). */
    static final int MAX_FIRINGS = 10_000;

    private RuleEngine() {
    }

    public static RuleOutcome evaluate(RuleSet ruleSet, List<?> facts) {
        return evaluate(ruleSet, facts, DecisionBudget.current());
    }

    /**
     * As {@link #evaluate(RuleSet, List)} with an explicit time budget: past it the engine is halted after
     * the firing that crossed it and the decision fails with {@link DecisionTimeoutException}.
     */
    public static RuleOutcome evaluate(RuleSet ruleSet, List<?> facts, Duration budget) {
        KieSession session = ruleSet.sessions().take();
        List<RuleFiring> firings = new ArrayList<>();
        Map<String, Set<MetricName>> memo = FactText.memo(ruleSet.kieBase());
        long deadline = System.nanoTime() + budget.toNanos();
        String[] running = {"(matching facts)"};
        boolean[] timedOut = {false};
        session.addEventListener(new DefaultAgendaEventListener() {
            @Override
            public void beforeMatchFired(BeforeMatchFiredEvent event) {
                running[0] = event.getMatch().getRule().getName();
            }

            @Override
            public void afterMatchFired(AfterMatchFiredEvent event) {
                List<String> matched = FactText.describe(event.getMatch(), memo);
                firings.add(new RuleFiring(firings.size() + 1, event.getMatch().getRule().getName(), matched));
                // Checked after every firing (a clock read): consequences are straight-line code (the sandbox
                // checks it), so the time goes in firings and in the joins between them, never inside one.
                if (System.nanoTime() - deadline > 0) {
                    timedOut[0] = true;
                    event.getKieRuntime().halt();
                }
            }
        });
        try {
            facts.forEach(session::insert);
            int fired = session.fireAllRules(MAX_FIRINGS);
            if (timedOut[0]) {
                throw new DecisionTimeoutException("the decision ran past its time budget of " + budget.toMillis()
                        + " ms (" + DecisionBudget.ENV + ") while rule \"" + running[0] + "\" was running, after "
                        + fired + " firings; the rules probably re-trigger themselves or join too many facts");
            }
            if (fired >= MAX_FIRINGS) {
                throw new RuleEvaluationException("rules fired " + fired + " times without settling; a rule"
                        + " probably re-triggers itself (last: " + firings.get(firings.size() - 1).rule() + ")", null);
            }
            return new RuleOutcome(
                    objects(session, Trigger.class, Comparator.comparingInt(t -> firingIndex(firings, t.rule()))),
                    objects(session, Proposal.class, Comparator.comparingInt(Proposal::getSeq)),
                    objects(session, GuardFired.class, Comparator.comparingInt(g -> firingIndex(firings, g.name()))),
                    objects(session, Frozen.class, Comparator.comparing(Frozen::field)),
                    List.copyOf(firings),
                    objects(session, KpiMissed.class, Comparator.comparing(KpiMissed::kpi)),
                    objects(session, Infeasible.class, Comparator.comparing(Infeasible::kpi)
                            .thenComparing(Infeasible::field)));
        } catch (RuntimeException e) {
            throw translate(e, ruleSet.source());
        } finally {
            ruleSet.sessions().giveBack(session);
        }
    }

    /** The facts of one type in the session, in {@code order}. */
    private static <T> List<T> objects(KieSession session, Class<T> type, Comparator<? super T> order) {
        return session.getObjects(new ClassObjectFilter(type)).stream().map(type::cast).sorted(order).toList();
    }

    private static int firingIndex(List<RuleFiring> firings, String rule) {
        return firings.stream().filter(f -> f.rule().equals(rule)).mapToInt(RuleFiring::order).findFirst()
                .orElse(Integer.MAX_VALUE);
    }

    /**
     * Drools wraps what a rule threw; dig out the cause the user can act on. Our own failures name their rule
     * already; anything else a consequence threw is named by rule and file ({@link FailedRule}).
     */
    private static RuntimeException translate(RuntimeException e, RuleSource set) {
        Throwable root = e;
        ConsequenceException consequence = null;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MissingMetricException missing) {
                return missing;
            }
            if (t instanceof RuleEvaluationException evaluation) {
                return evaluation;
            }
            if (t instanceof IllegalStateException) {
                return new RuleEvaluationException(t.getMessage(), e);
            }
            if (consequence == null && t instanceof ConsequenceException c) {
                consequence = c;
            }
            root = t;
        }
        if (consequence != null && root != consequence) {
            return new RuleEvaluationException(FailedRule.message(set, consequence, root), e);
        }
        return new RuleEvaluationException("rules failed while running: "
                + (root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage()), e);
    }
}
