package soaktune.rules.lint;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.drools.drl.ast.descr.AtomicExprDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ConnectiveType;
import org.drools.drl.ast.descr.ConstraintConnectiveDescr;
import org.drools.drl.ast.descr.RelationalExprDescr;
import org.drools.drl.parser.DrlExprParser;
import org.drools.drl.parser.DrlExprParserFactory;
import org.kie.internal.builder.conf.LanguageLevelOption;

/**
 * The numeric range each property of one pattern is held to by its simple comparisons
 * ({@code cancelRatio > 0.9}, {@code 0.1 > cancelRatio}, {@code > 0.5 && < 0.9}), to spot a pattern no fact
 * can match. Drools' constraint parser splits the conjunctions and fills in an abbreviated left operand.
 * Anything it does not understand (an {@code ||}, a call, a variable) is ignored: a missed contradiction is
 * fine, a false alarm is not.
 */
final class ConstraintBounds {
    /** One bound; {@code text} is the comparison, for the message. */
    private record Bound(double value, boolean inclusive, String text) {
    }

    private static final class Range {
        Bound low;
        Bound high;
    }

    private static final Set<String> BOUNDING = Set.of("<", "<=", ">", ">=", "==");

    private final Map<String, Range> ranges = new LinkedHashMap<>();

    /** Adds one constraint expression of the pattern (the parts between its commas). */
    void add(String expression) {
        DrlExprParser parser = DrlExprParserFactory.getDrlExprParser(LanguageLevelOption.DRL6);
        ConstraintConnectiveDescr tree = parser.parse(expression);
        if (!parser.hasErrors() && tree != null) {
            conjunction(tree);
        }
    }

    /** The first pair of bounds that cannot both hold, as "a and b", if any. */
    Optional<String> contradiction() {
        for (Range r : ranges.values()) {
            if (r.low != null && r.high != null) {
                boolean empty = r.low.value > r.high.value
                        || (r.low.value == r.high.value && !(r.low.inclusive && r.high.inclusive));
                if (empty) {
                    return Optional.of(r.low.text + " and " + r.high.text);
                }
            }
        }
        return Optional.empty();
    }

    /** Only comparisons joined by {@code &&} all have to hold; under an {@code ||} none of them does. */
    private void conjunction(ConstraintConnectiveDescr and) {
        if (and.getConnective() != ConnectiveType.AND || and.isNegated()) {
            return;
        }
        for (BaseDescr d : and.getDescrs()) {
            if (d instanceof ConstraintConnectiveDescr nested) {
                conjunction(nested);
            } else if (d instanceof RelationalExprDescr r && !r.isNegated()
                    && r.getLeft() instanceof AtomicExprDescr left && r.getRight() instanceof AtomicExprDescr right) {
                String text = left.getExpression() + " " + r.getOperator() + " " + right.getExpression();
                if (right.isLiteral()) {
                    comparison(left.getExpression(), r.getOperator(), right.getExpression(), text);
                } else if (left.isLiteral()) {
                    comparison(right.getExpression(), flip(r.getOperator()), left.getExpression(), text);
                }
            }
        }
    }

    private void comparison(String property, String op, String literal, String text) {
        if (!BOUNDING.contains(op) || !property.matches("[A-Za-z_]\\w*")
                || !literal.matches("-?\\d+(\\.\\d*)?([eE][+-]?\\d+)?[dDfFlL]?")) {
            return;
        }
        // >=, <= and == include the value; == bounds both sides.
        Bound bound = new Bound(Double.parseDouble(literal.replaceFirst("[lL]$", "")), op.length() == 2, text);
        Range r = ranges.computeIfAbsent(property, k -> new Range());
        if (!op.startsWith("<")) {
            r.low = tighter(r.low, bound, 1);
        }
        if (!op.startsWith(">")) {
            r.high = tighter(r.high, bound, -1);
        }
    }

    /** The tighter of two bounds on one side: {@code side} is +1 for lower bounds, -1 for upper ones. */
    private static Bound tighter(Bound a, Bound b, int side) {
        if (a == null) {
            return b;
        }
        return side * b.value > side * a.value || (b.value == a.value && !b.inclusive) ? b : a;
    }

    private static String flip(String op) {
        return switch (op) {
            case "<" -> ">";
            case "<=" -> ">=";
            case ">" -> "<";
            case ">=" -> "<=";
            default -> op;
        };
    }
}
