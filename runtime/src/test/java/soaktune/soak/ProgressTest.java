package soaktune.soak;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import soaktune.artifacts.IterationSummary;
import soaktune.artifacts.KpiGateFile;
import soaktune.gate.Verdict;

/** Progress lines: content, ETA arithmetic, terminal redraw, and throttling off a terminal (fake clock). */
final class ProgressTest {
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final StringWriter err = new StringWriter();

    private Progress progress(boolean terminal) {
        return new Progress(new PrintWriter(err, true), terminal, now::get);
    }

    private static IterationSummary summary(double netBps, String verdict) {
        KpiGateFile gate = new KpiGateFile(Verdict.valueOf(verdict), null, null, null, 0, null, null, null, null);
        return summary(Map.of("net_bps", netBps), gate);
    }

    private static IterationSummary summary(Map<String, Object> metrics, KpiGateFile gate) {
        return new IterationSummary(1, 1, null, null, null, null, null, metrics, gate, null, null, "held", null);
    }

    private void advance(Duration d) {
        now.addAndGet(d.toNanos());
    }

    @Test
    void plain_oneLinePerIterationOfAShortSoak_withElapsedAndEta() {
        Progress p = progress(false);
        advance(Duration.ofSeconds(30));
        p.iterationDone(1, 4, summary(2.3456, "FAIL"));
        advance(Duration.ofSeconds(30));
        p.iterationDone(2, 4, summary(null, null)); // no report came

        // 60 s for 2 iterations: 30 s each, 2 to go -> ETA 60 s.
        assertThat(err.toString()).isEqualTo(
                "[progress] iteration 1/4 (25%)  elapsed 0:00:30  ETA 0:01:30  net_bps 2.35  FAIL\n"
                        + "[progress] iteration 2/4 (50%)  elapsed 0:01:00  ETA 0:01:00  net_bps n/a  no report\n");
    }

    @Test
    void plain_longSoak_printsAtMostEveryTenSeconds_plusTheFirstAndLast() {
        Progress p = progress(false);
        for (int i = 1; i <= 100; i++) {
            advance(Duration.ofSeconds(1));
            p.iterationDone(i, 100, summary(3.0, "OK"));
        }
        // 1 s per iteration: iteration 1, then every 10 s (11, 21, ..., 91), then 100.
        assertThat(err.toString().lines()).hasSize(1 + 9 + 1);
        assertThat(err.toString().lines().toList().get(1)).startsWith("[progress] iteration 11/100 ");
        assertThat(err.toString()).endsWith("iteration 100/100 (100%)  elapsed 0:01:40  ETA 0:00:00  net_bps 3.00  OK\n");
    }

    @Test
    void terminal_redrawsOneLineInPlace_everyIteration() {
        Progress p = progress(true);
        for (int i = 1; i <= 30; i++) {
            advance(Duration.ofMillis(100));
            p.iterationDone(i, 30, summary(3.0, "WARN"));
        }
        String out = err.toString();
        assertThat(out).doesNotContain("\n");
        assertThat(out.split("\r\u001b\\[2K", -1)).hasSize(31); // 30 draws, each clearing the line first
        assertThat(out).endsWith("[progress] iteration 30/30 (100%)  elapsed 0:00:03  ETA 0:00:00  net_bps 3.00  WARN");
    }

    @Test
    void terminal_markersPassThroughUnchanged_andTheStatusLineStaysBelowThem() {
        Progress p = progress(true);
        StringWriter rawOut = new StringWriter();
        PrintWriter out = p.stdout(new PrintWriter(rawOut, true));
        out.println("| kpi_gate | OK | THRESHOLDS=APPLIED |");
        p.iterationDone(1, 2, summary(3.0, "OK"));
        out.println("");
        out.print("[ITER 2/2] Start");
        out.flush(); // a partial line: the status must not be drawn after it
        out.println("ing iteration");
        p.close();

        assertThat(rawOut.toString()).isEqualTo("| kpi_gate | OK | THRESHOLDS=APPLIED |\n\n[ITER 2/2] Starting iteration\n");
        String status = "[progress] iteration 1/2 (50%)  elapsed 0:00:00  ETA 0:00:00  net_bps 3.00  OK";
        // drawn; lifted for the blank line; redrawn; lifted for the partial line; redrawn after it ended; closed.
        assertThat(err.toString()).isEqualTo(Progress.CLEAR_LINE + status + Progress.CLEAR_LINE + Progress.CLEAR_LINE
                + status + Progress.CLEAR_LINE + Progress.CLEAR_LINE + status + "\n");
    }

    @Test
    void plain_stdoutIsNotWrapped() {
        PrintWriter out = new PrintWriter(new StringWriter());
        assertThat(progress(false).stdout(out)).isSameAs(out);
    }

    @Test
    void resumedSoak_etaCountsOnlyTheIterationsTimedHere() {
        Progress p = progress(false);
        advance(Duration.ofMinutes(10));
        p.iterationDone(5, 10, summary(3.0, "OK")); // resumed at 5: one iteration in 10 min, 5 to go
        assertThat(err.toString()).contains("elapsed 0:10:00  ETA 0:50:00");
    }

    @Test
    void onTerminal_neverUnderCi() {
        assertThat(Progress.onTerminal(Map.of("CI", "true"))).isFalse();
    }
}
