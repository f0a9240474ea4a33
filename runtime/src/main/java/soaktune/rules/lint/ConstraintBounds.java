package soaktune.rules.lint;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The numeric range each property of one pattern is held to by its simple comparisons
 * ({@code cancelRatio > 0.9}, {@code 0.1 > cancelRatio}, {@code > 0.5 && < 0.9}), to spot a pattern no fact
 * can match. Anything it does not understand (an {@code ||}, a call, a variable) is ignored: a missed
 * contradiction is fine, a false alarm is not.
 */
final class ConstraintBounds {
    private static final String NUM = "(-?\\d+(?:\\.\\d*)?(?:[eE][+-]?\\d+)?)[dDfFlL]?";
    private static final Pattern PROPERTY_FIRST = Pattern.compile("^\\s*([A-Za-z_][\\w]*)?\\s*(<=|>=|<|>|==)\\s*" + NUM + "\\s*$");
    private static final Pattern NUMBER_FIRST = Pattern.compile("^\\s*" + NUM + "\\s*(<=|>=|<|>|==)\\s*([A-Za-z_][\\w]*)\\s*$");

    /** One bound; {@code text} is the constraint as written, for the message. */
    private record Bound(double value, boolean inclusive, String text) {
    }

    private static final class Range {
        Bound low;
        Bound high;
    }

    private final Map<String, Range> ranges = new LinkedHashMap<>();
    private String lastProperty;

    /** Adds one constraint expression of the pattern (the parts between its commas). */
    void add(String expression) {
        lastProperty = null;
        if (hasTopLevel(expression, "||")) {
            return;
        }
        for (String atom : splitTopLevel(expression, "&&")) {
            addAtom(atom.trim());
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

    private void addAtom(String atom) {
        Matcher m = PROPERTY_FIRST.matcher(atom);
        String property;
        String op;
        double value;
        boolean implicit = false;
        if (m.matches()) {
            implicit = m.group(1) == null;
            property = m.group(1) != null ? m.group(1) : lastProperty; // "> 0.5 && < 0.9" repeats the property
            op = m.group(2);
            value = Double.parseDouble(m.group(3));
        } else {
            m = NUMBER_FIRST.matcher(atom);
            if (!m.matches()) {
                lastProperty = null;
                return;
            }
            property = m.group(3);
            op = flip(m.group(2));
            value = Double.parseDouble(m.group(1));
        }
        if (property == null) {
            return;
        }
        lastProperty = property;
        String text = implicit ? property + " " + atom : atom;
        Range r = ranges.computeIfAbsent(property, k -> new Range());
        switch (op) {
            case ">" -> r.low = tighter(r.low, new Bound(value, false, text), 1);
            case ">=" -> r.low = tighter(r.low, new Bound(value, true, text), 1);
            case "<" -> r.high = tighter(r.high, new Bound(value, false, text), -1);
            case "<=" -> r.high = tighter(r.high, new Bound(value, true, text), -1);
            default -> {
                r.low = tighter(r.low, new Bound(value, true, text), 1);
                r.high = tighter(r.high, new Bound(value, true, text), -1);
            }
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

    private static boolean hasTopLevel(String s, String op) {
        return splitTopLevel(s, op).size() > 1;
    }

    /** Splits on {@code op} outside parentheses and string literals. */
    static java.util.List<String> splitTopLevel(String s, String op) {
        java.util.List<String> parts = new java.util.ArrayList<>();
        int depth = 0;
        int start = 0;
        char quote = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '(' || c == '[') {
                depth++;
            } else if (c == ')' || c == ']') {
                depth--;
            } else if (depth == 0 && s.startsWith(op, i)) {
                parts.add(s.substring(start, i));
                start = i + op.length();
                i += op.length() - 1;
            }
        }
        parts.add(s.substring(start));
        return parts;
    }
}
