package soaktune.report;

import java.io.PrintWriter;

/**
 * Prints the machine-readable marker lines, exactly {@code | name | STATUS | payload |}. Markers are a
 * contract with CI scripts: one line each, on stdout, never interleaved with logs (those go to stderr).
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
        out.println("| " + name + " | " + status + " |");
        out.flush();
    }

    /** A free line under a marker (the seed lists reasons as "  - reason"). */
    public void detail(String text) {
        out.println("  - " + text);
        out.flush();
    }

    public void line(String text) {
        out.println(text);
        out.flush();
    }

    public static String format(String name, String status, String payload) {
        return "| " + name + " | " + status + " | " + payload + " |";
    }
}
