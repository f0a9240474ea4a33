package soaktune.regression;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
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
        for (Map.Entry<TunableField, Double> v : e.values().entrySet()) {
            TunableField f = v.getKey();
            double expected = f.normalize(v.getValue());
            double actual = d.after().get(f).orElseThrow();
            if (expected != actual) {
                out.add("field " + f.key() + " expected " + f.format(expected) + " got " + f.format(actual));
            }
        }
        e.reasons().ifPresent(expected -> {
            Set<String> actual = new LinkedHashSet<>();
            d.adjustments().forEach(a -> actual.add(a.reason()));
            if (!new TreeSet<>(expected).equals(new TreeSet<>(actual))) {
                out.add("reasons expected " + sorted(expected) + " got " + sorted(actual));
            }
        });
        e.multiFailGuard().ifPresent(expected -> {
            boolean actual = d.outcome().guardFired(MULTI_FAIL_GUARD);
            if (expected != actual) {
                out.add(MULTI_FAIL_GUARD + " expected " + expected + " got " + actual);
            }
        });
        Set<String> fired = new LinkedHashSet<>();
        for (RuleFiring f : d.outcome().firings()) {
            fired.add(f.rule());
        }
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
        e.dropped().ifPresent(x -> compareFields(out, "dropped", x, fieldsWith(d, GuardAction.Verdict.DROPPED)));
        e.trimmed().ifPresent(x -> compareFields(out, "trimmed", x, fieldsWith(d, GuardAction.Verdict.TRIMMED)));
        e.clamped().ifPresent(x -> compareFields(out, "clamped", x, fieldsWith(d, GuardAction.Verdict.CLAMPED)));
        e.adjustments().ifPresent(expected -> {
            if (expected != d.adjustments().size()) {
                out.add("adjustments expected " + expected + " got " + d.adjustments().size());
            }
        });
        return out;
    }

    private static void compareFields(List<String> out, String what, Set<String> expected, Set<String> actual) {
        if (!new TreeSet<>(expected).equals(new TreeSet<>(actual))) {
            out.add(what + " expected " + sorted(expected) + " got " + sorted(actual));
        }
    }

    /** Fields with at least one proposal that a guardrail (or the limit clamp) treated this way. */
    private static Set<String> fieldsWith(Decision d, GuardAction.Verdict verdict) {
        Set<String> out = new TreeSet<>();
        for (Proposal p : d.proposals()) {
            if (p.actions().stream().anyMatch(a -> a.verdict() == verdict)) {
                out.add(p.getField());
            }
        }
        return out;
    }

    private static String sorted(Set<String> s) {
        return new TreeSet<>(s).toString();
    }
}
