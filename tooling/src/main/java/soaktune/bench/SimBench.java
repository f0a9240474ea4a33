package soaktune.bench;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import soaktune.io.InputException;
import soaktune.sim.MarketSimulator;
import soaktune.sim.ScenarioSpec;
import soaktune.sim.replay.Calibration;
import soaktune.sim.replay.IntensityCalibrator;
import soaktune.sim.replay.MarketData;
import soaktune.sim.replay.ReplayEnd;

/**
 * Simulator speed on one thread: market events (book updates and trades) per second, as the median of
 * repeated timed runs after warm-up. A run of a synthetic scenario is a number of 10-minute iterations; a
 * replay run is the whole capture in one iteration.
 */
public final class SimBench {
    /** One measured line: events per run, and the median, min and max over the timed runs. */
    public record Row(String name, long events, double medianEventsPerSec, double minEventsPerSec,
            double maxEventsPerSec, double medianMs, double medianEventsPerCpuSec, int runs) {
    }

    private static final java.lang.management.ThreadMXBean THREADS =
            java.lang.management.ManagementFactory.getThreadMXBean();

    /** CPU time of this thread; on a shared machine it moves less than wall time when other work competes. */
    private static long cpuNanos() {
        return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
    }

    private SimBench() {
    }

    public static Row synthetic(ScenarioSpec scenario, Map<String, Double> applied, int warmup, int runs,
            int iterationsPerRun) {
        MarketSimulator sim = MarketSimulator.synthetic(scenario, 1, 10, "bench");
        int[] iteration = {1}; // one simulator: every run goes on with the next iterations
        LongSupplier run = () -> {
            long n = 0;
            for (int i = 0; i < iterationsPerRun; i++) {
                n += sim.simulateEvents(iteration[0]++, applied);
            }
            return n;
        };
        return time(scenario.name() + " (" + iterationsPerRun + " x 10 min)", warmup, runs, () -> run);
    }

    public static Row replay(MarketData data, ScenarioSpec scenario, Map<String, Double> applied, int warmup,
            int runs) throws InputException {
        Calibration cal = IntensityCalibrator.fit(data.quotes(), data.trades(), scenario.params().calibrationLagMs(),
                scenario.params().fillA(), scenario.params().fillKPerBps());
        double minutes = data.spanNs() / 60e9;
        String name = String.format(Locale.ROOT, "replay %s (%.2f min, whole capture)", data.quotesFile().getFileName(),
                minutes);
        return time(name, warmup, runs, () -> {
            MarketSimulator sim = MarketSimulator.replay(scenario, data, cal, ReplayEnd.STOP, 1, minutes, "bench");
            return () -> sim.simulateEvents(1, applied);
        });
    }

    /**
     * {@code warmup} untimed runs, then {@code runs} timed ones; {@code next} sets up a run (untimed) and returns
     * it, and the run returns how many events it simulated.
     */
    private static Row time(String name, int warmup, int runs, Supplier<LongSupplier> next) {
        double[] eps = new double[runs];
        double[] cpu = new double[runs];
        double[] ms = new double[runs];
        long events = 0;
        for (int r = -warmup; r < runs; r++) {
            LongSupplier run = next.get();
            long start = System.nanoTime();
            long startCpu = cpuNanos();
            long n = run.getAsLong();
            long nanos = System.nanoTime() - start;
            if (r >= 0) {
                cpu[r] = n / ((cpuNanos() - startCpu) / 1e9);
                eps[r] = n / (nanos / 1e9);
                ms[r] = nanos / 1e6;
                events = n;
            }
        }
        // medians by the project's one percentile definition
        Percentiles e = new Percentiles(eps);
        return new Row(name, events, e.median(), e.min(), e.max(), new Percentiles(ms).median(),
                new Percentiles(cpu).median(), runs);
    }

    public static void print(PrintWriter out, Iterable<Row> rows) {
        out.println("| market | events per run | median events/s (wall) | min | max | median events per CPU-s "
                + "| median ms per run | timed runs |");
        out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        for (Row r : rows) {
            out.println(String.format(Locale.ROOT, "| %s | %,d | %.2f M | %.2f M | %.2f M | %.2f M | %.1f | %d |",
                    r.name(), r.events(), r.medianEventsPerSec() / 1e6, r.minEventsPerSec() / 1e6,
                    r.maxEventsPerSec() / 1e6, r.medianEventsPerCpuSec() / 1e6, r.medianMs(), r.runs()));
        }
        out.flush();
    }
}
