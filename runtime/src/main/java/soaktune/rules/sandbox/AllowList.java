package soaktune.rules.sandbox;

import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.objectweb.asm.Type;
import soaktune.rules.Dsl;

/**
 * Everything rule code may reach, in one place. The sandbox is an allow-list: a name or a call that is not
 * here is refused, whatever it is. {@code docs/rules.md} shows the same table to quants.
 *
 * <ul>
 *   <li>Conditions: property reads of fact-model types, literals, comparisons, {@code && || !}, arithmetic,
 *       and the pure functions in {@link #CONDITION_FUNCTIONS}.</li>
 *   <li>Consequences and DRL functions (checked on the bytecode Drools generates): the {@link Dsl} functions,
 *       the fact model's getters, {@code java.lang.Math}, strings and boxing ({@link #VALUE_METHODS}),
 *       straight-line code only.</li>
 * </ul>
 */
public final class AllowList {
    public static final String MODEL_PACKAGE = "soaktune.model";
    public static final String DSL_CLASS = Dsl.class.getName();

    /** Value types a rule may name without an import (they are java.lang), e.g. {@code Double() from 0.1}. */
    public static final Set<String> VALUE_TYPES = Set.of("String", "Double", "Integer", "Long", "Boolean", "Number",
            "Object");

    /** Pure functions a condition may call: {@code Math.abs(netBps) < 3}. */
    public static final Set<String> CONDITION_FUNCTIONS = Set.of("abs", "min", "max", "signum", "floor", "ceil",
            "round", "sqrt", "log", "exp", "pow", "copySign", "hypot");

    /** Relational operators a condition may use; {@code in (a, b)} is parsed into {@code ==} comparisons. */
    public static final Set<String> CONDITION_OPERATORS = Set.of("==", "!=", "<", ">", "<=", ">=");

    /** Built-in accumulate functions (custom ones are arbitrary Java). */
    public static final Set<String> ACCUMULATE_FUNCTIONS = Set.of("count", "sum", "min", "max", "average",
            "collectList", "collectSet");

    /** Rule attributes a rule may set; their values must be literals. */
    public static final Set<String> RULE_ATTRIBUTES = Set.of("salience", "no-loop", "lock-on-active", "agenda-group",
            "activation-group", "ruleflow-group", "auto-focus", "dialect", "enabled");

    /**
     * Methods of value classes consequences may call, by internal class name. Pure and cheap: nothing that
     * allocates without bound ({@code String.repeat}, {@code String.format}), reflects or reads the clock.
     */
    static final Map<String, Set<String>> VALUE_METHODS = Map.ofEntries(
            Map.entry("java/lang/String", Set.of("valueOf", "equals", "equalsIgnoreCase", "length", "isEmpty",
                    "isBlank", "concat", "startsWith", "endsWith", "contains", "substring", "toLowerCase", "toUpperCase",
                    "trim", "strip", "charAt", "compareTo", "indexOf", "lastIndexOf", "hashCode", "toString")),
            Map.entry("java/lang/StringBuilder", Set.of("<init>", "append", "toString", "length")),
            Map.entry("java/lang/Object", Set.of("<init>", "equals", "hashCode", "toString")),
            Map.entry("java/lang/Number", boxing()),
            Map.entry("java/lang/Double", boxing()), Map.entry("java/lang/Float", boxing()),
            Map.entry("java/lang/Integer", boxing()), Map.entry("java/lang/Long", boxing()),
            Map.entry("java/lang/Short", boxing()), Map.entry("java/lang/Byte", boxing()),
            Map.entry("java/lang/Boolean", boxing()), Map.entry("java/lang/Character", boxing()),
            // Drools wraps an accumulate function's argument in a FieldValue inside the generated rule class.
            Map.entry("org/drools/mvel/field/FieldFactory", Set.of("getInstance", "getFieldValue")));

    /** Static constants consequences may read ({@code Double.NaN}, {@code Boolean.TRUE}, {@code Math.PI}). */
    static final Set<String> VALUE_CONSTANT_OWNERS = Set.of("java/lang/Double", "java/lang/Float", "java/lang/Integer",
            "java/lang/Long", "java/lang/Boolean", "java/lang/Math");

    /** Types consequences may cast to or test with instanceof (besides the fact model). */
    static final Set<String> CAST_TYPES = Set.of("java/lang/Object", "java/lang/String", "java/lang/Number",
            "java/lang/Double", "java/lang/Float", "java/lang/Integer", "java/lang/Long", "java/lang/Short",
            "java/lang/Byte", "java/lang/Boolean", "java/lang/Character",
            "org/drools/core/rule/consequence/KnowledgeHelper");

    private static final Set<String> DSL_METHODS = Arrays.stream(Dsl.class.getDeclaredMethods())
            .filter(m -> Modifier.isPublic(m.getModifiers()) && Modifier.isStatic(m.getModifiers()))
            .map(m -> m.getName() + Type.getMethodDescriptor(m))
            .collect(Collectors.toUnmodifiableSet());

    private AllowList() {
    }

    private static Set<String> boxing() {
        return Set.of("valueOf", "doubleValue", "floatValue", "intValue", "longValue", "shortValue", "byteValue",
                "booleanValue", "charValue", "isNaN", "isInfinite", "isFinite", "compare", "compareTo", "equals",
                "hashCode", "toString", "parseDouble", "parseInt", "parseLong", "sum", "min", "max");
    }

    /** The DSL function names, for messages and import checks. */
    public static Set<String> dslFunctions() {
        return DSL_METHODS.stream().map(m -> m.substring(0, m.indexOf('('))).collect(Collectors.toCollection(TreeSet::new));
    }

    static boolean isDslMethod(String name, String descriptor) {
        return DSL_METHODS.contains(name + descriptor);
    }

    /** A class of the fact model, loaded without initialising it (only our own package is ever looked up). */
    public static Optional<Class<?>> modelClass(String simpleName) {
        if (!simpleName.matches("[A-Z][A-Za-z0-9_]*")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Class.forName(MODEL_PACKAGE + "." + simpleName, false, AllowList.class.getClassLoader()));
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.empty();
        }
    }

    /** A class of the fact model by its qualified name ({@code soaktune.model.Metrics}); empty for any other. */
    public static Optional<Class<?>> qualifiedModelClass(String name) {
        String prefix = MODEL_PACKAGE + ".";
        return name.startsWith(prefix) ? modelClass(name.substring(prefix.length())) : Optional.empty();
    }

    static boolean isModelInternalName(String internalName) {
        String prefix = MODEL_PACKAGE.replace('.', '/') + "/";
        return internalName.startsWith(prefix) && internalName.indexOf('/', prefix.length()) < 0
                && modelClass(internalName.substring(prefix.length()).replace('$', '.')).isPresent();
    }

    /**
     * A getter of the fact model: public, not static, no parameters, returns a value. Mutators (Proposal's
     * accept, trim, drop) take parameters and are reachable only through the DSL, which records who called.
     */
    static boolean isModelGetter(String owner, String name, String descriptor) {
        if (!isModelInternalName(owner) || name.startsWith("<") || !descriptor.startsWith("()")
                || descriptor.endsWith(")V")) {
            return false;
        }
        try {
            Class<?> type = Class.forName(owner.replace('/', '.'), false, AllowList.class.getClassLoader());
            return Arrays.stream(type.getMethods()).anyMatch(m -> m.getName().equals(name)
                    && Type.getMethodDescriptor(m).equals(descriptor)
                    && (!Modifier.isStatic(m.getModifiers()) && m.getDeclaringClass() != Object.class
                            || Set.of("equals", "hashCode", "toString").contains(name)));
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** {@code java.lang.Math} and {@code StrictMath}: every static method but the random generator. */
    static boolean isMathMethod(String owner, String name) {
        return (owner.equals("java/lang/Math") || owner.equals("java/lang/StrictMath")) && !name.equals("random");
    }
}
