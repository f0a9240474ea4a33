package soaktune.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.ClassObjectFilter;
import org.kie.api.runtime.KieSession;
import soaktune.model.Frozen;
import soaktune.model.GuardFired;
import soaktune.model.MetricName;
import soaktune.model.MissingMetricException;
import soaktune.model.Proposal;
import soaktune.model.Trigger;

/**
 * Runs a rule set over one iteration's facts: a clean session per decision (reset and reused, see
 * {@link RuleSessions}: no state can leak between iterations), an agenda listener that records each firing
 * with the facts it matched, and a cap on firings so a rule that loops fails loudly instead of hanging a soak.
 */
public final class RuleEngine {
    /** Far above anything a sane rule set needs (the v1 set fires about 15 rules at most). */
    static final int MAX_FIRINGS = 10_000;

    private RuleEngine() {
    }

    public static RuleOutcome evaluate(RuleSet ruleSet, List<?> facts) {
        KieSession session = ruleSet.sessions().take();
        List<RuleFiring> firings = new ArrayList<>();
        Map<String, Set<MetricName>> memo = FactText.memo(ruleSet.kieBase());
        session.addEventListener(new DefaultAgendaEventListener() {
            @Override
            public void afterMatchFired(AfterMatchFiredEvent event) {
                List<String> matched = FactText.describe(event.getMatch(), memo);
                firings.add(new RuleFiring(firings.size() + 1, event.getMatch().getRule().getName(), matched));
            }
        });
        try {
            facts.forEach(session::insert);
            int fired = session.fireAllRules(MAX_FIRINGS);
            if (fired >= MAX_FIRINGS) {
                throw new RuleEvaluationException("rules fired " + fired + " times without settling; a rule"
                        + " probably re-triggers itself (last: " + firings.get(firings.size() - 1).rule() + ")", null);
            }
            List<Proposal> proposals = new ArrayList<>(objects(session, Proposal.class));
            proposals.sort(Comparator.comparingInt(Proposal::getSeq));
            List<Trigger> triggers = new ArrayList<>(objects(session, Trigger.class));
            triggers.sort(Comparator.comparingInt(t -> firingIndex(firings, t.rule())));
            List<GuardFired> guards = new ArrayList<>(objects(session, GuardFired.class));
            guards.sort(Comparator.comparingInt(g -> firingIndex(firings, g.name())));
            List<Frozen> frozen = new ArrayList<>(objects(session, Frozen.class));
            frozen.sort(Comparator.comparing(Frozen::field));
            return new RuleOutcome(List.copyOf(triggers), List.copyOf(proposals), List.copyOf(guards),
                    List.copyOf(frozen), List.copyOf(firings));
        } catch (RuntimeException e) {
            throw translate(e);
        } finally {
            ruleSet.sessions().giveBack(session);
        }
    }

    private static <T> List<T> objects(KieSession session, Class<T> type) {
        List<T> out = new ArrayList<>();
        for (Object o : session.getObjects(new ClassObjectFilter(type))) {
            out.add(type.cast(o));
        }
        return out;
    }

    private static int firingIndex(List<RuleFiring> firings, String rule) {
        for (RuleFiring f : firings) {
            if (f.rule().equals(rule)) {
                return f.order();
            }
        }
        return Integer.MAX_VALUE;
    }

    /** Drools wraps what a rule threw; dig out the cause the user can act on. */
    private static RuntimeException translate(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MissingMetricException missing) {
                return missing;
            }
            if (t instanceof RuleEvaluationException evaluation) {
                return evaluation;
            }
            if (t instanceof Dsl.UnknownFieldException || t instanceof IllegalStateException) {
                return new RuleEvaluationException(t.getMessage(), e);
            }
        }
        return new RuleEvaluationException("rules failed while running: " + rootMessage(e), e);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
