package soaktune.tuning;

import java.io.PrintWriter;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prints the machine-readable marker lines, exactly {@code | name | STATUS | payload |}. Markers are a
 * contract with CI scripts: one line each, on stdout, never interleaved with logs (those go to stderr).
 *
 * <p>Every line this class prints goes through {@link #escape}: values come from rule files, override keys
 * and profile names, and a newline in one of them must not forge a marker line of its own.
 */
public record Markers(PrintWriter out) {
    /** A backslash, and every control or line-separating character. */
    private static final Pattern UNSAFE = Pattern.compile("[\\\\\\x00-\\x1f\\x7f\\x85\\u2028\\u2029]");
    private static final Pattern UNSAFE_IN_CELL = Pattern.compile("[|\\\\\\x00-\\x1f\\x7f\\x85\\u2028\\u2029]");
    /** Every control or line-separating character: what would break a line a person reads (no backslash). */
    private static final Pattern LINE_BREAKING = Pattern.compile("[\\x00-\\x1f\\x7f\\x85\\u2028\\u2029]");
    /** The characters with a short escape; any other unsafe one becomes a Unicode escape. */
    private static final Map<String, String> NAMED = Map.of("\\", "\\\\", "\n", "\\n", "\r", "\\r", "\t", "\\t",
            "|", "\\|");

    public void emit(String name, String status, String payload) {
        out.println(format(name, status, payload));
        out.flush();
    }

    public void emit(String name, String status) {
        out.println("| " + escapeCell(name) + " | " + escapeCell(status) + " |");
        out.flush();
    }

    /** A free line under a marker (the seed lists reasons as "  - reason"). */
    public void detail(String text) {
        out.println("  - " + escape(text));
        out.flush();
    }

    public void line(String text) {
        out.println(escape(text));
        out.flush();
    }

    public static String format(String name, String status, String payload) {
        return "| " + escapeCell(name) + " | " + escapeCell(status) + " | " + escapeCell(payload) + " |";
    }

    /**
     * One line, always: a backslash becomes {@code \\}, newline, carriage return and tab become {@code \n},
     * {@code \r}, {@code \t}, and any other control or line-separating character becomes {@code \}{@code uXXXX}.
     * Text without such characters comes back unchanged.
     */
    public static String escape(String text) {
        return escape(text, false);
    }

    /** {@link #escape} plus {@code |} as {@code \|}, so a value cannot close its cell of the marker either. */
    static String escapeCell(String text) {
        return escape(text, true);
    }

    /**
     * One line for people (an error on stderr): as {@link #escape}, but a backslash stays as it is, since
     * nothing parses the line back. A file name with a newline in it cannot split the error in two.
     */
    public static String oneLine(String text) {
        return escape(text, LINE_BREAKING);
    }

    private static String escape(String text, boolean pipe) {
        return escape(text, pipe ? UNSAFE_IN_CELL : UNSAFE);
    }

    private static String escape(String text, Pattern unsafe) {
        if (text == null) {
            return "null";
        }
        return unsafe.matcher(text).replaceAll(m -> Matcher.quoteReplacement(
                NAMED.getOrDefault(m.group(), String.format("\\u%04x", (int) m.group().charAt(0)))));
    }
}
