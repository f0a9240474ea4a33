package soaktune.rules.sandbox;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.base.rule.Accumulate;
import org.drools.base.rule.From;
import org.drools.base.rule.GroupElement;
import org.drools.base.rule.Pattern;
import org.drools.base.rule.RuleConditionElement;
import org.drools.base.rule.constraint.Constraint;
import org.drools.mvel.MVELConstraint;
import org.drools.mvel.dataproviders.MVELDataProvider;
import org.drools.mvel.expr.MVELCompilationUnit;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

/**
 * The conditions of compiled packages read back from the rule-base cache. Their constraints are MVEL text
 * that runs when facts are matched, not bytecode, so a forged entry could carry code there that the
 * folder's text never had: each constraint and {@code from} expression is put through the same checks as the
 * source, and any condition element the source check would not have let through makes the entry unusable.
 */
final class CompiledConditions {
    private CompiledConditions() {
    }

    static List<String> verify(Collection<KiePackage> packages) {
        List<String> problems = new ArrayList<>();
        for (KiePackage p : packages) {
            for (Rule r : p.getRules()) {
                if (r instanceof RuleImpl rule) {
                    element(rule.getLhs(), problems, rule.getName());
                } else {
                    problems.add("unexpected rule type " + r.getClass().getName());
                }
            }
        }
        return problems;
    }

    private static void element(RuleConditionElement e, List<String> problems, String rule) {
        if (e instanceof GroupElement g) {
            g.getChildren().forEach(c -> element(c, problems, rule));
        } else if (e instanceof Pattern p) {
            pattern(p, problems, rule);
        } else if (e instanceof Accumulate a) {
            // Accumulate functions' arguments are Java, compiled into the generated classes (bytecode check).
            a.getNestedElements().forEach(c -> element(c, problems, rule));
        } else if (e instanceof From f) {
            from(f, problems, rule);
        } else {
            problems.add(rule + ": condition element " + e.getClass().getSimpleName() + " is not allowed");
        }
    }

    private static void pattern(Pattern p, List<String> problems, String rule) {
        // A fact-model class; anything else (values, declared types) is typed as unknown, so read-only.
        FactType type = AllowList.qualifiedModelClass(p.getObjectType().getClassName()).map(FactType::of)
                .orElse(FactType.UNKNOWN);
        for (Constraint c : p.getConstraints()) {
            if (c instanceof MVELConstraint mvel) {
                ConditionVerifier.verifyCompiledConstraint(mvel.getExpression(), type)
                        .forEach(problem -> problems.add(rule + ": " + problem.message()));
            } else {
                problems.add(rule + ": constraint type " + c.getClass().getSimpleName() + " is not allowed");
            }
        }
        if (p.getSource() != null) {
            element(p.getSource(), problems, rule);
        }
    }

    private static void from(From f, List<String> problems, String rule) {
        Optional<String> expression = f.getDataProvider() instanceof MVELDataProvider mvel ? expression(mvel)
                : Optional.empty();
        if (expression.isEmpty()) {
            problems.add(rule + ": 'from' of " + f.getDataProvider().getClass().getSimpleName() + " is not allowed");
            return;
        }
        ConditionVerifier.verifyCompiledOperand(expression.get()).forEach(p -> problems.add(rule + ": " + p.message()));
    }

    /** MVELDataProvider keeps its expression in a private compilation unit and offers no getter for it. */
    private static Optional<String> expression(MVELDataProvider provider) {
        try {
            Field unit = MVELDataProvider.class.getDeclaredField("unit");
            unit.setAccessible(true);
            return Optional.ofNullable(((MVELCompilationUnit) unit.get(provider)).getExpression());
        } catch (ReflectiveOperationException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
