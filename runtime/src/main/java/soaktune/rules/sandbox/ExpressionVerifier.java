package soaktune.rules.sandbox;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.Position;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.CharLiteralExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.DoubleLiteralExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LongLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import java.beans.Introspector;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Checks one operand of a condition ({@code cancelRatio}, {@code $now - 1}, {@code Math.abs($d)}) on its
 * syntax tree: literals, property reads of facts, bound variables, arithmetic, comparisons, logic and the
 * pure functions of {@link AllowList#CONDITION_FUNCTIONS}. Anything else is refused where it stands.
 *
 * @param context where the operand stands and what it can see
 * @param text    the operand as written, which node positions are counted in
 */
record ExpressionVerifier(Context context, String text) {
    private static final JavaParser PARSER = new JavaParser(new ParserConfiguration()
            .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17)
            // Unicode escapes are decoded first, so an escaped name is checked as the name it spells.
            .setPreprocessUnicodeEscapes(true));

    /** The literal kinds a condition may write, by their exact node class (a text block is none of them). */
    private static final Map<Class<? extends Expression>, FactType> LITERALS = Map.of(IntegerLiteralExpr.class,
            FactType.NUMBER, LongLiteralExpr.class, FactType.NUMBER, DoubleLiteralExpr.class, FactType.NUMBER,
            StringLiteralExpr.class, FactType.STRING, CharLiteralExpr.class, FactType.STRING,
            BooleanLiteralExpr.class, FactType.BOOLEAN, NullLiteralExpr.class, FactType.UNKNOWN);

    /** How a refusal names a kind of expression (by its node class without "Expr"); any other is quoted. */
    private static final Map<String, String> REFUSED_KINDS = Map.ofEntries(Map.entry("Class", "a class literal"),
            Map.entry("Cast", "a cast"), Map.entry("ObjectCreation", "creating an object"),
            Map.entry("ArrayCreation", "an array"), Map.entry("ArrayInitializer", "an array"),
            Map.entry("ArrayAccess", "indexing"), Map.entry("Lambda", "a lambda"), Map.entry("MethodReference", "a lambda"),
            Map.entry("Assign", "an assignment"), Map.entry("InstanceOf", "instanceof"), Map.entry("Super", "super"));

    /** Where an operand stands and what it can see. */
    record Context(FactType pattern, Map<String, FactType> bindings, int offset, Consumer<Located> problems) {
    }

    /** A problem at an offset of the rule file. */
    record Located(int offset, String message) {
    }

    /** The operand's type; problems go to the context. */
    static FactType verify(String text, Context context) {
        ParseResult<Expression> parsed = PARSER.parseExpression(text);
        if (!parsed.isSuccessful() || parsed.getResult().isEmpty()) {
            context.problems().accept(new Located(context.offset(), "cannot read '" + text.strip()
                    + "' as a condition: conditions may use properties, literals, comparisons, && || !, arithmetic"
                    + " and Math." + String.join("/", new java.util.TreeSet<>(AllowList.CONDITION_FUNCTIONS))));
            return FactType.UNKNOWN;
        }
        return new ExpressionVerifier(context, text).type(parsed.getResult().get());
    }

    private FactType type(Expression e) {
        FactType literal = LITERALS.get(e.getClass());
        if (literal != null) {
            return literal;
        }
        if (e instanceof EnclosedExpr enclosed) {
            return type(enclosed.getInner());
        }
        if (e instanceof NameExpr name) {
            return name(name);
        }
        if (e instanceof ThisExpr) {
            return context.pattern() == null ? refuse(e, "'this' means nothing here") : context.pattern();
        }
        if (e instanceof FieldAccessExpr access) {
            return property(type(access.getScope()), access.getNameAsString(), access);
        }
        if (e instanceof MethodCallExpr call) {
            return call(call);
        }
        if (e instanceof UnaryExpr unary) {
            return unary(unary);
        }
        if (e instanceof BinaryExpr binary) {
            FactType left = type(binary.getLeft());
            FactType right = type(binary.getRight());
            return switch (binary.getOperator()) {
                case PLUS -> left == FactType.STRING || right == FactType.STRING ? FactType.STRING : FactType.NUMBER;
                case MINUS, MULTIPLY, DIVIDE, REMAINDER -> FactType.NUMBER;
                case AND, OR, EQUALS, NOT_EQUALS, LESS, GREATER, LESS_EQUALS, GREATER_EQUALS -> FactType.BOOLEAN;
                default -> refuse(binary, "the operator " + binary.getOperator().asString()
                        + " is not allowed in a condition");
            };
        }
        if (e instanceof ConditionalExpr conditional) {
            type(conditional.getCondition());
            FactType then = type(conditional.getThenExpr());
            type(conditional.getElseExpr());
            return then;
        }
        return refuse(e, describe(e) + " is not allowed in a condition: conditions may use properties of facts,"
                + " bound $variables, literals, comparisons, && || !, arithmetic and Math functions");
    }

    private FactType name(NameExpr name) {
        String id = name.getNameAsString();
        if (id.startsWith("$")) {
            return context.bindings().getOrDefault(id, FactType.UNKNOWN);
        }
        if (context.pattern() != null) {
            return property(context.pattern(), id, name);
        }
        return refuse(name, "'" + id + "' is not a bound $variable (only literals and bound variables can be read"
                + " here)");
    }

    private FactType property(FactType owner, String property, Node at) {
        if (!owner.isFact()) {
            return refuse(at, "'" + property + "' cannot be read from " + owner.name() + ": conditions may read"
                    + " properties of facts only (the fact model in " + AllowList.MODEL_PACKAGE + " and declared types)");
        }
        if (owner.declaredFields() != null) {
            String fieldType = owner.declaredFields().get(property);
            return fieldType == null ? refuse(at, owner.name() + " declares no field '" + property + "'")
                    : FactTypes.valueType(fieldType);
        }
        return owner.propertyClass(property).map(FactType::of)
                .orElseGet(() -> refuse(at, owner.name() + " has no property '" + property + "'"
                        + PropertyNames.suggestion(owner.javaClass(), property).map(s -> "; did you mean '" + s + "'?")
                                .orElse("")));
    }

    private FactType call(MethodCallExpr call) {
        String name = call.getNameAsString();
        boolean math = call.getScope().filter(s -> s instanceof NameExpr n && n.getNameAsString().equals("Math"))
                .isPresent();
        if (math && AllowList.CONDITION_FUNCTIONS.contains(name)) {
            call.getArguments().forEach(this::type);
            return FactType.NUMBER;
        }
        // A getter spelled as a call, e.g. $p.getDelta(): the same property read.
        if (call.getScope().isPresent() && call.getArguments().isEmpty() && !math) {
            FactType owner = type(call.getScope().get());
            if (owner.isFact() && owner.javaClass() != null && name.matches("(get|is).+")) {
                return owner.propertyClass(name).map(FactType::of).orElseGet(() -> property(owner,
                        Introspector.decapitalize(name.replaceFirst("^(get|is)", "")), call));
            }
            return refuse(call, "calling " + name + "() is not allowed in a condition");
        }
        return refuse(call, "calling " + (math ? "Math." : "") + name + "() is not allowed in a condition: the"
                + " functions allowed are Math." + String.join(", Math.",
                        new java.util.TreeSet<>(AllowList.CONDITION_FUNCTIONS)));
    }

    private FactType unary(UnaryExpr unary) {
        type(unary.getExpression());
        return switch (unary.getOperator()) {
            case MINUS, PLUS -> FactType.NUMBER;
            case LOGICAL_COMPLEMENT -> FactType.BOOLEAN;
            default -> refuse(unary, "the operator " + unary.getOperator().asString()
                    + " is not allowed in a condition (conditions change nothing)");
        };
    }

    private static String describe(Expression e) {
        return REFUSED_KINDS.getOrDefault(e.getClass().getSimpleName().replace("Expr", ""), "'" + e + "'");
    }

    private FactType refuse(Node at, String message) {
        context.problems().accept(new Located(offsetOf(at), message));
        return FactType.UNKNOWN;
    }

    /** The node's offset in the rule file: the operand's offset plus the node's place inside it. */
    private int offsetOf(Node node) {
        Position begin = node.getBegin().orElse(null);
        if (begin == null) {
            return context.offset();
        }
        int lineStart = new SourcePositions(text).lineStart(begin.line);
        return context.offset() + Math.min(text.length(), lineStart + begin.column - 1);
    }
}
