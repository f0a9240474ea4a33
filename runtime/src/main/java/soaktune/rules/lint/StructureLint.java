package soaktune.rules.lint;

import soaktune.rules.RuleProblem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.ExistsDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.FunctionDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.ast.descr.TypeDeclarationDescr;

/**
 * Finds what is legal but almost surely wrong, from the parsed rules (Drools' own descriptors) and their
 * tokens: a rule that can never fire, two rules with the same conditions, a proposal for a field without
 * limits, a constraint that MVEL silently misreads. One error too: a rule set without trigger rules, which
 * could never tune anything.
 */
final class StructureLint {
    /** A rule file the DRL parser read without errors. */
    record ParsedFile(String file, List<DrlToken> tokens, PackageDescr pkg) {
    }

    /**
     * Fact types that are ever in working memory: the metrics the tuner inserts, and what the DSL functions
     * insert. A pattern on any other type (not from a {@code from} source) can never match. Add a type here
     * when the tuner starts inserting it (e.g. as an extra fact).
     */
    static final Set<String> INSERTED_FACTS = Set.of("Metrics", "Trigger", "Proposal", "GuardFired", "FieldMove", "Frozen",
            "IterationContext", "FieldState", "PastMisses", "KpiMissed", "Infeasible");

    private final Set<String> limitFields;
    private final List<RuleProblem> problems = new ArrayList<>();
    private final Map<String, String> firstRuleWithConditions = new HashMap<>();
    private int triggerRules;
    /** Rules that call accept(...), with where; judged once every rule's salience is known. */
    private final List<Acceptor> acceptors = new ArrayList<>();
    private final List<Integer> otherSaliences = new ArrayList<>();

    private record Acceptor(String file, String rule, int salience, DrlToken at) {
    }

    /** The one file whose rules may accept proposals: the guardrails settle every proposal there. */
    static final String GUARDRAILS_FILE = "guardrails.drl";

    private StructureLint(Set<String> limitFields) {
        this.limitFields = limitFields;
    }

    static List<RuleProblem> check(List<ParsedFile> files, Set<String> limitFields) {
        StructureLint lint = new StructureLint(limitFields);
        files.forEach(lint::file);
        lint.acceptors();
        if (!files.isEmpty() && lint.triggerRules == 0) {
            lint.problems.add(RuleProblem.error(files.get(0).file(), 0, 0, "no trigger rules: no rule calls"
                    + " trigger(drools, ...) or fallback(drools, ...), so this rule set can never tune anything"));
        }
        return List.copyOf(lint.problems);
    }

    private void file(ParsedFile f) {
        Set<String> functions = Stream.concat(f.pkg().getFunctions().stream().map(FunctionDescr::getName),
                f.pkg().getFunctionImports().stream().map(i -> i.getTarget().replaceFirst(".*\\.", "")))
                .collect(Collectors.toSet());
        Set<String> declared = f.pkg().getTypeDeclarations().stream().map(TypeDeclarationDescr::getTypeName)
                .collect(Collectors.toSet());
        for (RuleDescr rule : f.pkg().getRules().stream().filter(r -> !r.isQuery()).toList()) {
            RuleTokens rt = RuleTokens.of(f.tokens(), rule);
            conditions(f.file(), rule, rt, functions);
            consequence(f.file(), rule, rt);
            patterns(f.file(), rule, rule.getLhs(), declared);
        }
    }

    private void conditions(String file, RuleDescr rule, RuleTokens rt, Set<String> functions) {
        String key = rt.normalisedConditions();
        String where = file + ":" + rule.getLine();
        String earlier = firstRuleWithConditions.putIfAbsent(key, "\"" + rule.getName() + "\" (" + where + ")");
        if (earlier != null) {
            warn(file, rule.getLine(), rule.getColumn() + 1, "rule \"" + rule.getName() + "\" has the same"
                    + " conditions as rule " + earlier + ": a copied row that was not edited?");
        }
        List<DrlToken> lhs = rt.conditions();
        for (int i = 0; i < lhs.size(); i++) {
            DrlToken t = lhs.get(i);
            boolean member = i > 0 && (lhs.get(i - 1).isSymbol(".") || lhs.get(i - 1).isSymbol("!."));
            boolean call = i + 1 < lhs.size() && lhs.get(i + 1).isSymbol("(");
            if (t.isIdentifier() && functions.contains(t.text()) && !member && !call) {
                warn(file, t.line(), t.column(), "constraint reads '" + t.text() + "', which is also a function"
                        + " name in this file: MVEL calls the function instead of reading the property, so the"
                        + " constraint silently never matches; rename the property");
            }
        }
    }

    /** The DSL calls of a consequence: {@code name(...)}, or {@code Dsl.name(...)}, but no other method call. */
    private void consequence(String file, RuleDescr rule, RuleTokens rt) {
        List<DrlToken> rhs = rt.consequence();
        boolean triggers = false;
        Acceptor accepts = null;
        for (int i = 0; i + 1 < rhs.size(); i++) {
            DrlToken t = rhs.get(i);
            boolean member = i > 0 && rhs.get(i - 1).isSymbol(".") && !(i >= 2 && rhs.get(i - 2).text().equals("Dsl"));
            if (!t.isIdentifier() || !rhs.get(i + 1).isSymbol("(") || member) {
                continue;
            }
            if (t.text().equals("trigger") || t.text().equals("fallback")) {
                triggers = true;
            } else if (t.text().equals("accept") && accepts == null) {
                accepts = new Acceptor(file, rule.getName(), salience(rule), t);
            } else if (t.text().equals("propose")) {
                argument(rhs, i + 1, 1).filter(a -> a.kind() == DrlToken.Kind.STRING)
                        .ifPresent(a -> unknownField(file, "propose", a, a.text()));
            } else if (t.text().equals("infeasible")) {
                // infeasible(drools, kpi, "field,field"): each named field must be a tuned one, as for propose.
                argument(rhs, i + 1, 2).filter(a -> a.kind() == DrlToken.Kind.STRING).ifPresent(a -> {
                    for (String field : a.text().split(",", -1)) {
                        unknownField(file, "infeasible", a, field.strip());
                    }
                });
            }
        }
        if (triggers) {
            triggerRules++;
        }
        if (accepts != null) {
            acceptors.add(accepts);
        } else {
            otherSaliences.add(salience(rule));
        }
    }

    /** An error, not a warning: the rule would stop the soak the first time it fires. */
    private void unknownField(String file, String call, DrlToken at, String field) {
        if (!limitFields.contains(field)) {
            problems.add(RuleProblem.error(file, at.line(), at.column(), call + "(...) names field \"" + field
                    + "\", which has no entry in limits.json (fields: " + String.join(", ", new TreeSet<>(limitFields))
                    + "); the rule would fail when it fires"));
        }
    }

    private static int salience(RuleDescr rule) {
        String s = rule.getSalience();
        try {
            return s == null ? 0 : Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE; // a computed salience: it may be anything, so it is never "the lowest"
        }
    }

    /**
     * Accepting settles a proposal: every guardrail after it is skipped. So only a rule in guardrails.drl
     * whose salience is below every other rule's (it runs when all guardrails have had their say) may accept.
     */
    private void acceptors() {
        int lowestOther = otherSaliences.stream().mapToInt(Integer::intValue).min().orElse(Integer.MAX_VALUE);
        for (Acceptor a : acceptors) {
            boolean inGuardrails = a.file().equals(GUARDRAILS_FILE) || a.file().endsWith("/" + GUARDRAILS_FILE);
            if (!inGuardrails || a.salience() >= lowestOther) {
                warn(a.file(), a.at().line(), a.at().column(), "rule \"" + a.rule() + "\" accepts proposals"
                        + (inGuardrails ? " at salience " + a.salience() + ", not below every other rule's ("
                        + lowestOther + ")" : " outside " + GUARDRAILS_FILE) + ": a proposal it accepts skips every"
                        + " guardrail after it; only the guardrails' own accept rule, in " + GUARDRAILS_FILE
                        + " at the lowest salience, may accept");
            }
        }
    }

    /** The first token of argument {@code index} (0-based) of the call whose '(' is at {@code open}. */
    private static Optional<DrlToken> argument(List<DrlToken> tokens, int open, int index) {
        int depth = 0;
        int commas = 0;
        for (int i = open; i < tokens.size(); i++) {
            DrlToken t = tokens.get(i);
            if (t.isSymbol("(")) {
                depth++;
            } else if (t.isSymbol(")")) {
                if (--depth == 0) {
                    return Optional.empty();
                }
            } else if (depth == 1 && t.isSymbol(",") && ++commas == index) {
                return i + 1 < tokens.size() ? Optional.of(tokens.get(i + 1)) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** Walks the conditions that must match for the rule to fire. */
    private void patterns(String file, RuleDescr rule, BaseDescr d, Set<String> declared) {
        if (d instanceof PatternDescr p) {
            pattern(file, rule, p, declared);
        } else if (d instanceof AndDescr || d instanceof ExistsDescr) {
            for (BaseDescr child : ((ConditionalElementDescr) d).getDescrs()) {
                patterns(file, rule, child, declared);
            }
        }
        // not, or, forall: a pattern there need not match for the rule to fire
    }

    private void pattern(String file, RuleDescr rule, PatternDescr p, Set<String> declared) {
        String type = p.getObjectType() == null ? "" : p.getObjectType().substring(p.getObjectType().lastIndexOf('.') + 1);
        if (p.getSource() == null && !INSERTED_FACTS.contains(type) && !declared.contains(type)) {
            warn(file, p.getLine(), p.getColumn() + 1, "rule \"" + rule.getName() + "\" can never fire: nothing"
                    + " inserts " + type + " facts (in working memory: " + String.join(", ",
                    new TreeSet<>(INSERTED_FACTS)) + ")");
        }
        ConstraintBounds bounds = new ConstraintBounds();
        p.getConstraint().getDescrs().stream().filter(ExprConstraintDescr.class::isInstance)
                .forEach(c -> bounds.add(((ExprConstraintDescr) c).getExpression()));
        bounds.contradiction().ifPresent(why -> warn(file, p.getLine(), p.getColumn() + 1, "rule \""
                + rule.getName() + "\" can never fire: " + why + " cannot both hold"));
    }

    private void warn(String file, int line, int column, String message) {
        problems.add(RuleProblem.warning(file, Math.max(line, 0), Math.max(column, 0), message));
    }
}
