package soaktune.rules.sandbox;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.AtomicExprDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.BindingDescr;
import org.drools.drl.ast.descr.ConstraintConnectiveDescr;
import org.drools.drl.ast.descr.ExistsDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.ForallDescr;
import org.drools.drl.ast.descr.FromDescr;
import org.drools.drl.ast.descr.FunctionImportDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.OrDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RelationalExprDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.ast.descr.TypeDeclarationDescr;
import org.drools.drl.ast.descr.TypeFieldDescr;
import org.drools.drl.parser.DrlExprParser;
import org.drools.drl.parser.DrlExprParserFactory;
import org.drools.util.ClassTypeResolver;
import org.kie.internal.builder.conf.LanguageLevelOption;
import soaktune.rules.RuleProblem;

/**
 * The source half of the sandbox: walks one parsed rule file (Drools' own DRL parser, then its constraint
 * parser, then {@link ExpressionVerifier} for each operand) and refuses everything outside
 * {@link AllowList}: imports, globals, declarations that shadow classes, rule attributes, and every
 * construct of the conditions. Consequence and function bodies are Java that Drools compiles; their
 * bytecode is checked by {@link BytecodeVerifier}. A file with any problem here is never compiled.
 */
final class ConditionVerifier {
    private final String file;
    private final PackageDescr pkg;
    private final SourcePositions source;
    private final FactTypes types = new FactTypes();
    private final List<RuleProblem> problems = new ArrayList<>();

    private ConditionVerifier(String file, PackageDescr pkg, String text) {
        this.file = file;
        this.pkg = pkg;
        this.source = new SourcePositions(text);
    }

    static List<RuleProblem> verify(String file, PackageDescr pkg, String text) {
        ConditionVerifier v = new ConditionVerifier(file, pkg, text);
        v.packageLevel();
        pkg.getRules().forEach(v::rule);
        return v.problems;
    }

    private void packageLevel() {
        pkg.getAttributes().forEach(a -> attribute(a, "the package"));
        pkg.getImports().forEach(this::typeImport);
        for (FunctionImportDescr i : pkg.getFunctionImports()) {
            String prefix = AllowList.DSL_CLASS + ".";
            String fn = i.getTarget().startsWith(prefix) ? i.getTarget().substring(prefix.length()) : null;
            if (fn == null || !fn.equals("*") && !AllowList.dslFunctions().contains(fn)) {
                errorAt(source.find(i.getTarget(), i.getStartCharacter()), "import function " + i.getTarget() + " is not allowed; rules may import only the DSL"
                        + " functions " + prefix + "{" + String.join(", ", AllowList.dslFunctions()) + "}");
            }
        }
        pkg.getAccumulateImports().forEach(a -> error(a, "import accumulate is not allowed: custom accumulate"
                + " functions are arbitrary Java; use " + String.join(", ", AllowList.ACCUMULATE_FUNCTIONS)));
        pkg.getGlobals().forEach(g -> error(g, "global " + g.getIdentifier() + " is not allowed: rules see only"
                + " the facts of the iteration"));
        pkg.getEntryPointDeclarations().forEach(e -> error(e, "entry points are not allowed"));
        pkg.getWindowDeclarations().forEach(w -> error(w, "window declarations are not allowed"));
        pkg.getEnumDeclarations().forEach(e -> error(e, "declare enum is not allowed: use String constants"));
        pkg.getTypeDeclarations().forEach(this::declaration);
        pkg.getFunctions().stream().filter(f -> f.getDialect() != null && !f.getDialect().equals("java")).forEach(f ->
                error(f, "function " + f.getName() + ": only the java dialect is allowed (its code is verified)"));
    }

    private void typeImport(ImportDescr i) {
        String target = i.getTarget();
        String modelPrefix = AllowList.MODEL_PACKAGE + ".";
        if (target.equals(modelPrefix + "*")) {
            types.importModelWildcard();
            return;
        }
        Optional<Class<?>> model = AllowList.qualifiedModelClass(target);
        if (model.isPresent()) {
            types.importModelClass(model.get());
            return;
        }
        if (target.startsWith("java.lang.") && AllowList.VALUE_TYPES.contains(target.substring("java.lang.".length()))
                || target.equals("java.lang.Math")) {
            return;
        }
        errorAt(source.find(target, i.getStartCharacter()), "import " + target + " is not allowed; rules may import only the"
                + " fact model (" + AllowList.MODEL_PACKAGE + ".*)");
    }

    /** {@code declare Name ... end}: a new plain-data type; never a name that already means a class. */
    private void declaration(TypeDeclarationDescr d) {
        String name = d.getTypeName();
        Optional<String> existing = existingClass(name);
        if (existing.isPresent()) {
            error(d, "declare " + name + " is not allowed: " + existing.get() + " already exists and a declaration"
                    + " would hand rules that class; declare a new name");
            return;
        }
        if (!d.getSuperTypes().isEmpty() && !d.getSuperTypes().stream().allMatch(s -> types.isDeclared(s.getName()))) {
            error(d, "declare " + name + " extends " + d.getSuperTypes().get(0).getName() + ": a declared type may"
                    + " extend only another declared type");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (TypeFieldDescr f : d.getFields().values()) {
            String type = f.getPattern() == null ? "Object" : f.getPattern().getObjectType();
            if (!types.isAllowedFieldType(type)) {
                error(f, "field " + f.getFieldName() + " : " + type + " is not allowed: declared fields may be"
                        + " numbers, booleans, strings or facts");
            }
            if (f.getInitExpr() != null && !f.getInitExpr().strip().matches("-?[0-9.eE+-]+|\"[^\"\\\\]*\"|true|false")) {
                error(f, "field " + f.getFieldName() + ": a default value must be a literal");
            }
            fields.put(f.getFieldName(), type);
        }
        types.declare(name, fields);
    }

    /** The class a name would resolve to in this package, if any: Drools' own resolver, as the compiler uses it. */
    private Optional<String> existingClass(String name) {
        Set<String> imports = new HashSet<>(Set.of(pkg.getName() + ".*", AllowList.MODEL_PACKAGE + ".*"));
        pkg.getImports().forEach(i -> imports.add(i.getTarget()));
        try {
            return Optional.of(new ClassTypeResolver(imports, ConditionVerifier.class.getClassLoader(), pkg.getName())
                    .resolveType(name).getName()); // java.lang.* is implied; nothing is initialised
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.empty();
        }
    }

    private void attribute(AttributeDescr a, String where) {
        String name = a.getName();
        String value = a.getValue() == null ? "" : a.getValue().strip();
        if (!AllowList.RULE_ATTRIBUTES.contains(name)) {
            error(a, "the attribute '" + name + "' of " + where + " is not allowed; allowed: "
                    + String.join(", ", new java.util.TreeSet<>(AllowList.RULE_ATTRIBUTES)));
        } else if (name.equals("salience") && !value.matches("-?[0-9]+")) {
            error(a, "salience must be a whole number, not an expression (" + value + ")");
        } else if (name.equals("enabled") && !value.matches("true|false")) {
            error(a, "enabled must be true or false, not an expression");
        } else if (name.equals("dialect") && !value.replace("\"", "").equals("java")) {
            error(a, "dialect " + value + " is not allowed: consequences must be java, whose bytecode is verified"
                    + " before any rule runs");
        }
    }

    private void rule(RuleDescr rule) {
        rule.getAttributes().values().forEach(a -> attribute(a, "rule \"" + rule.getName() + "\""));
        if (!rule.getNamedConsequences().isEmpty()) {
            error(rule, "named consequences (then[...]) are not allowed in rule \"" + rule.getName() + "\"");
        }
        Map<String, FactType> bindings = new HashMap<>();
        if (rule.getLhs() != null) {
            element(rule.getLhs(), bindings);
        }
    }

    private void element(BaseDescr d, Map<String, FactType> bindings) {
        if (d instanceof AndDescr || d instanceof OrDescr || d instanceof NotDescr || d instanceof ExistsDescr
                || d instanceof ForallDescr) {
            for (BaseDescr child : ((org.drools.drl.ast.descr.ConditionalElementDescr) d).getDescrs()) {
                element(child, bindings);
            }
        } else if (d instanceof PatternDescr p) {
            pattern(p, bindings);
        } else {
            String kind = d.getClass().getSimpleName().replace("Descr", "");
            error(d, (kind.equals("Eval") ? "eval(...) is not allowed: it runs arbitrary code in a condition; write"
                    + " a constraint on a fact instead, e.g. Metrics( cancelRatio > 0.55 )"
                    : "the condition element '" + kind + "' is not allowed")
                    + "; conditions are patterns on facts, combined with and, or, not, exists, forall, accumulate");
        }
    }

    private void pattern(PatternDescr p, Map<String, FactType> bindings) {
        FactType type = patternSource(p, bindings);
        if (p.getIdentifier() != null) {
            bindings.put(p.getIdentifier().startsWith("$") ? p.getIdentifier() : "$" + p.getIdentifier(), type);
            bindings.put(p.getIdentifier(), type);
        }
        for (BaseDescr c : p.getDescrs()) {
            if (c instanceof ExprConstraintDescr e) {
                constraint(e.getExpression(), type, bindings, e.getStartCharacter(), problem -> error(e, problem));
            } else {
                error(c, "this kind of constraint is not allowed: " + c.getText());
            }
        }
    }

    /** The pattern's type, after checking where its facts come from. */
    private FactType patternSource(PatternDescr p, Map<String, FactType> bindings) {
        Object origin = p.getSource();
        if (origin instanceof AccumulateDescr acc) {
            accumulate(acc, bindings);
            return FactType.UNKNOWN;
        }
        Optional<FactType> type = types.resolve(p.getObjectType());
        if (type.isEmpty()) {
            error(p, "'" + p.getObjectType() + "' is not a fact type: import it from " + AllowList.MODEL_PACKAGE
                    + " or declare it; patterns may match facts and " + String.join(", ",
                            new java.util.TreeSet<>(AllowList.VALUE_TYPES)));
            return FactType.UNKNOWN;
        }
        if (origin instanceof FromDescr from) {
            String expr = from.getDataSource() == null ? "" : from.getDataSource().toString();
            if (from.getDataSource() instanceof org.drools.drl.ast.descr.MVELExprDescr mvel) {
                expr = mvel.getExpression();
            }
            operand(expr, null, bindings, source.find(expr, p.getStartCharacter()));
        } else if (origin != null) {
            error(p, "'from " + origin.getClass().getSimpleName().replace("Descr", "") + "' is not allowed; facts"
                    + " come from the iteration (or 'from' a literal or bound value)");
        }
        return type.get();
    }

    private void accumulate(AccumulateDescr acc, Map<String, FactType> bindings) {
        if (!acc.isExternalFunction() && (acc.getInitCode() != null || acc.getActionCode() != null
                || acc.getResultCode() != null)) {
            error(acc, "accumulate with init/action/result code is not allowed (it is arbitrary Java); use "
                    + String.join(", ", AllowList.ACCUMULATE_FUNCTIONS));
            return;
        }
        if (acc.getInput() != null) {
            element(acc.getInput(), bindings);
        }
        for (AccumulateDescr.AccumulateFunctionCallDescr f : acc.getFunctions()) {
            if (!AllowList.ACCUMULATE_FUNCTIONS.contains(f.getFunction())) {
                error(acc, "accumulate function " + f.getFunction() + " is not allowed; use "
                        + String.join(", ", AllowList.ACCUMULATE_FUNCTIONS));
            }
            for (String param : f.getParams()) {
                operand(param, null, bindings, source.find(param, acc.getStartCharacter()));
            }
            if (f.getBind() != null) {
                bindings.put(f.getBind(), f.getFunction().startsWith("collect") ? FactType.UNKNOWN : FactType.NUMBER);
            }
        }
    }

    /**
     * Problems in one constraint as Drools compiled it (read back from a cache entry), on a pattern of the
     * given type; bound variables are of unknown type, so only their values can be used.
     */
    static List<RuleProblem> verifyCompiledConstraint(String expression, FactType pattern) {
        ConditionVerifier v = new ConditionVerifier("cache entry", new PackageDescr(), expression);
        v.constraint(expression, pattern, new HashMap<>(), 0, problem -> v.errorAt(0, problem));
        return v.problems;
    }

    /** Problems in one expression a compiled {@code from} reads. */
    static List<RuleProblem> verifyCompiledOperand(String expression) {
        ConditionVerifier v = new ConditionVerifier("cache entry", new PackageDescr(), expression);
        v.operand(expression, null, new HashMap<>(), 0);
        return v.problems;
    }

    /** One constraint at offset {@code at}; {@code unreadable} reports one Drools cannot parse. */
    private void constraint(String expression, FactType pattern, Map<String, FactType> bindings, int at,
            Consumer<String> unreadable) {
        DrlExprParser parser = DrlExprParserFactory.getDrlExprParser(LanguageLevelOption.DRL6);
        ConstraintConnectiveDescr tree = parser.parse(expression);
        if (parser.hasErrors() || tree == null) {
            unreadable.accept("cannot read the constraint '" + expression + "'");
            return;
        }
        connective(tree, pattern, bindings, at);
    }

    private void connective(BaseDescr d, FactType pattern, Map<String, FactType> bindings, int at) {
        if (d instanceof ConstraintConnectiveDescr cc) {
            for (BaseDescr child : cc.getDescrs()) {
                connective(child, pattern, bindings, at);
            }
        } else if (d instanceof RelationalExprDescr r) {
            if (!AllowList.CONDITION_OPERATORS.contains(r.getOperator())) {
                errorAt(at, "the operator '" + r.getOperator() + "' is not allowed; conditions compare with "
                        + String.join(" ", new java.util.TreeSet<>(AllowList.CONDITION_OPERATORS)));
            }
            connective(r.getLeft(), pattern, bindings, at);
            connective(r.getRight(), pattern, bindings, at);
        } else if (d instanceof BindingDescr b) {
            FactType type = operand(b.getExpression(), pattern, bindings, source.find(b.getExpression(), at));
            bindings.put(b.getVariable(), type);
        } else if (d instanceof AtomicExprDescr a) {
            operand(a.getExpression(), pattern, bindings, source.find(a.getExpression(), at));
        } else {
            errorAt(at, "this constraint is not allowed: " + d.getText());
        }
    }

    private FactType operand(String text, FactType pattern, Map<String, FactType> bindings, int at) {
        return ExpressionVerifier.verify(text, new ExpressionVerifier.Context(pattern, bindings, at,
                located -> errorAt(located.offset(), located.message())));
    }

    private void error(BaseDescr d, String message) {
        if (d.getStartCharacter() >= 0) {
            errorAt(d.getStartCharacter(), message);
        } else {
            problems.add(RuleProblem.error(file, Math.max(d.getLine(), 0), Math.max(d.getColumn() + 1, 0), message));
        }
    }

    private void errorAt(int offset, String message) {
        int at = Math.max(offset, 0);
        problems.add(RuleProblem.error(file, source.line(at), source.column(at), message));
    }
}
