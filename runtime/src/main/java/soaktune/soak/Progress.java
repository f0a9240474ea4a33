package soaktune.soak;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import soaktune.artifacts.IterationSummary;
import java.util.function.LongSupplier;

/**
 * Live progress of a soak, on stderr only: stdout carries the markers, which CI parses. On a terminal one
 * status line stays at the bottom of the screen: it is lifted off before stdout writes and redrawn with
 * {@code \r} after each full line, so markers scroll above it unbroken. Elsewhere (CI, pipes, log files) it
 * prints plain lines, each iteration for short soaks and at most every {@link #PLAIN_INTERVAL} for long ones.
 */
public final class Progress implements AutoCloseable {
    /** A soak this short prints every iteration even off a terminal. */
    static final int SHORT_SOAK = 20;
    static final Duration PLAIN_INTERVAL = Duration.ofSeconds(10);
    static final String CLEAR_LINE = "\r\u001b[2K";

    private final PrintWriter err;
    private final boolean terminal;
    private final LongSupplier nanos;
    private final long start;
    private long lastPrinted = Long.MIN_VALUE;
    private int firstIteration = -1;
    private String status; // terminal: the line to keep at the bottom
    private boolean shown;

    Progress(PrintWriter err, boolean terminal, LongSupplier nanos) {
        this.err = err;
        this.terminal = terminal;
        this.nanos = nanos;
        this.start = nanos.getAsLong();
    }

    /** @param terminal true when a person watches: see {@link #onTerminal} */
    public static Progress to(PrintWriter err, boolean terminal) {
        return new Progress(err, terminal, System::nanoTime);
    }

    /** A console, and not CI: {@code System.console() != null} and {@code CI} is not "true". */
    public static boolean onTerminal(Map<String, String> env) {
        return System.console() != null && !"true".equalsIgnoreCase(env.getOrDefault("CI", "").trim());
    }

    /** The stdout to print markers through: on a terminal it keeps the status line clear of them. */
    public PrintWriter stdout(PrintWriter out) {
        return terminal ? new PrintWriter(new AroundStatus(out), true) : out;
    }

    /** Called once per finished iteration with its ITER_SUMMARY content (net_bps and verdict are read from it). */
    public synchronized void iterationDone(int iteration, int iterations, IterationSummary summary) {
        long now = nanos.getAsLong();
        if (firstIteration < 0) {
            firstIteration = iteration; // a resumed soak: the ETA counts only iterations timed in this process
        }
        boolean due = terminal || iterations <= SHORT_SOAK || iteration == iterations || iteration == firstIteration
                || now - lastPrinted >= PLAIN_INTERVAL.toNanos();
        if (!due) {
            return;
        }
        lastPrinted = now;
        String line = line(iteration, iterations, Duration.ofNanos(now - start), netBps(summary), verdict(summary));
        if (terminal) {
            status = line;
            show();
        } else {
            err.println(line);
            err.flush();
        }
    }

    /** Ends the status line so that what follows (the shell prompt, an error) starts on a line of its own. */
    @Override
    public synchronized void close() {
        if (shown) {
            err.println();
            err.flush();
            shown = false;
            status = null;
        }
    }

    String line(int iteration, int iterations, Duration elapsed, Double netBps, String verdict) {
        int done = iteration - firstIteration + 1;
        Duration eta = elapsed.multipliedBy(iterations - iteration).dividedBy(done);
        return String.format(Locale.ROOT, "[progress] iteration %d/%d (%d%%)  elapsed %s  ETA %s  net_bps %s  %s",
                iteration, iterations, iteration * 100 / iterations, clock(elapsed), clock(eta),
                netBps == null ? "n/a" : String.format(Locale.ROOT, "%.2f", netBps), verdict);
    }

    static String clock(Duration d) {
        long s = d.toSeconds();
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }

    private void show() {
        err.print(CLEAR_LINE + status);
        err.flush();
        shown = true;
    }

    private void hide() {
        if (shown) {
            err.print(CLEAR_LINE);
            err.flush();
            shown = false;
        }
    }

    private static Double netBps(IterationSummary summary) {
        return summary.metrics() != null && summary.metrics().get("net_bps") instanceof Number n ? n.doubleValue()
                : null;
    }

    private static String verdict(IterationSummary summary) {
        return summary.gate() == null ? "no report" : summary.gate().verdict().name();
    }

    /** stdout on a terminal: passes every character through unchanged, moving the status line out of the way. */
    private final class AroundStatus extends Writer {
        private final Writer out;
        private boolean atLineStart = true;

        AroundStatus(Writer out) {
            this.out = out;
        }

        @Override
        public void write(char[] buf, int off, int len) throws IOException {
            synchronized (Progress.this) {
                hide();
                out.write(buf, off, len);
                if (len > 0) {
                    atLineStart = buf[off + len - 1] == '\n';
                }
            }
        }

        @Override
        public void flush() throws IOException {
            synchronized (Progress.this) {
                out.flush();
                if (status != null && !shown && atLineStart) {
                    show();
                }
            }
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
