package soaktune.rules.engine;

import org.drools.base.definitions.rule.impl.RuleImpl;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.rule.ConsequenceException;

/**
 * The one line for a rule whose consequence threw: {@code rules/x/triggers.drl: rule "ws_lag_high" failed while
 * running: StringIndexOutOfBoundsException: begin 5, end 3, length 3}. Drools names the rule only in the wrapper
 * it throws ({@link ConsequenceException}); the JDK's message alone tells a quant nothing to open.
 */
final class FailedRule {
    private FailedRule() {
    }

    /** {@code cause} is what the consequence threw, at the bottom of the wrapper's chain. */
    static String message(RuleSource set, ConsequenceException wrapper, Throwable cause) {
        Rule rule = wrapper.getRule();
        String what = cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        return where(set, rule) + "rule \"" + rule.getName() + "\" failed while running: " + what;
    }

    /**
     * The rule's file as messages name it ({@code rules/x/triggers.drl}, {@code builtin:v1/guardrails.drl}), or
     * its package when the compiled rule carries no file. The loader gives each file its snapshot name as its
     * source path ({@link RulesSnapshot#names}), and a cached base keeps it (Drools serialises it).
     */
    private static String where(RuleSource set, Rule rule) {
        String name = rule instanceof RuleImpl impl && impl.getResource() != null
                ? impl.getResource().getSourcePath() : null;
        if (name == null) {
            return "package " + rule.getPackageName() + ": ";
        }
        if (name.startsWith(RuleSource.PREFIX)) {
            return name + ": "; // a built-in base's file, named as such already
        }
        if (set.builtin()) {
            return set.display() + "/" + name + ": ";
        }
        return set.root().resolve(name).normalize() + ": "; // an own file, or a base's as ../v1/guardrails.drl
    }
}
