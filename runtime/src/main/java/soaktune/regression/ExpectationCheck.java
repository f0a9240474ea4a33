package soaktune.regression;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import soaktune.model.Adjustment;
import soaktune.model.GuardAction;
import soaktune.model.Proposal;
import soaktune.model.TunableField;
import soaktune.rules.RuleFiring;
import soaktune.tuning.Decision;

/** Compares one decision with its expectation; each difference reads "what expected X got Y". */
final class ExpectationCheck {
    static final String MULTI_FAIL_GUARD = "multi_fail_guard";

    private ExpectationCheck() {
    }

    static List<String> compare(Expectation e, Decision d, Set<String> knownRules) {
        List<String> out = new ArrayList<>();
        for (TunableField f : TunableField.values()) { // in field order, whatever the file's
            if (e.values().containsKey(f.key())) {
                double expected = f.normalize(e.values().get(f.key()));
                double actual = d.after().get(f).orElseThrow();
                if (expected != actual) {
                    out.add("field " + f.key() + " expected " + f.format(expected) + " got " + f.format(actual));
                }
            }
        }
        compareFields(out, "reasons", e.reasons(), d.adjustments().stream().map(Adjustment::reason)
                .collect(Collectors.toSet()));
        boolean guard = d.outcome().guardFired(MULTI_FAIL_GUARD);
        if (e.multiFailGuard() != null && e.multiFailGuard() != guard) {
            out.add(MULTI_FAIL_GUARD + " expected " + e.multiFailGuard() + " got " + guard);
        }
        Set<String> fired = d.outcome().firings().stream().map(RuleFiring::rule).collect(Collectors.toSet());
        for (String rule : e.fired()) {
            if (!knownRules.contains(rule)) {
                out.add("fired: no rule named '" + rule + "' in this rule set");
            } else if (!fired.contains(rule)) {
                out.add("fired expected " + rule + " got " + sorted(fired));
            }
        }
        for (String rule : e.notFired()) {
            if (!knownRules.contains(rule)) {
                out.add("not_fired: no rule named '" + rule + "' in this rule set");
            } else if (fired.contains(rule)) {
                out.add("not_fired expected " + rule + " not to fire, but it did");
            }
        }
        compareFields(out, "dropped", e.dropped(), fieldsWith(d, GuardAction.Verdict.DROPPED));
        compareFields(out, "trimmed", e.trimmed(), fieldsWith(d, GuardAction.Verdict.TRIMMED));
        compareFields(out, "clamped", e.clamped(), fieldsWith(d, GuardAction.Verdict.CLAMPED));
        if (e.adjustments() != null && e.adjustments() != d.adjustments().size()) {
            out.add("adjustments expected " + e.adjustments() + " got " + d.adjustments().size());
        }
        return out;
    }

    /** Names compared as sets; nothing to compare when the file does not say ({@code expected} null). */
    private static void compareFields(List<String> out, String what, Collection<String> expected, Set<String> actual) {
        if (expected != null && !new TreeSet<>(expected).equals(new TreeSet<>(actual))) {
            out.add(what + " expected " + sorted(expected) + " got " + sorted(actual));
        }
    }

    /** Fields with at least one proposal that a guardrail (or the limit clamp) treated this way. */
    private static Set<String> fieldsWith(Decision d, GuardAction.Verdict verdict) {
        return d.proposals().stream().filter(p -> p.actions().stream().anyMatch(a -> a.verdict() == verdict))
                .map(Proposal::getField).collect(Collectors.toSet());
    }

    private static String sorted(Collection<String> s) {
        return new TreeSet<>(s).toString();
    }
}
