package soaktune.tuning;

import java.io.PrintWriter;

/**
 * Prints the machine-readable marker lines, exactly {@code | name | STATUS | payload |}. Markers are a
 * contract with CI scripts: one line each, on stdout, never interleaved with logs (those go to stderr).
 *
 * <p>Every line this class prints goes through {@link #escape}: values come from rule files, override keys
 * and profile names, and a newline in one of them must not forge a marker line of its own.
 */
public final class Markers {
    private final PrintWriter out;

    public Markers(PrintWriter out) {
        this.out = out;
    }

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

    private static String escape(String text, boolean pipe) {
        if (text == null) {
            return "null";
        }
        StringBuilder sb = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement = replacement(c, pipe);
            if (replacement != null && sb == null) {
                sb = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (sb != null) {
                if (replacement != null) {
                    sb.append(replacement);
                } else {
                    sb.append(c);
                }
            }
        }
        return sb == null ? text : sb.toString();
    }

    private static String replacement(char c, boolean pipe) {
        switch (c) {
            case '\\':
                return "\\\\";
            case '\n':
                return "\\n";
            case '\r':
                return "\\r";
            case '\t':
                return "\\t";
            case '|':
                return pipe ? "\\|" : null;
            default:
                boolean breaking = c < 0x20 || c == 0x7F || c == 0x85 || c == 0x2028 || c == 0x2029;
                return breaking ? String.format("\\u%04x", (int) c) : null;
        }
    }
}
