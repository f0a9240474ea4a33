package soaktune.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Drives a {@code serve} process with {@link HttpLoad} at a fixed rate and reports decision latency over
 * loopback HTTP; when it started the server itself, also the server's heap after a full GC over time and
 * its peak resident memory. Heap is sampled between load segments (a forced GC would otherwise stall
 * requests in flight and show up as latency the server does not have).
 */
public record ServeBench(PrintWriter out) {
    /** Heap in use right after a full GC, and resident memory, at a moment of the run. */
    public record HeapSample(double atSeconds, long decisions, Optional<Long> heapAfterGcKb, Optional<Long> rssKb) {
    }

    /** {@code serverCpuUsPerRequest}: the server's CPU time (all its threads, GC and JIT included) per request. */
    public record Result(HttpLoad.Result load, List<HeapSample> heap, Optional<Long> peakRssKb,
            Optional<Double> serverCpuUsPerRequest) {
    }

    private static final Pattern READY = Pattern.compile("\\| serve_ready \\| OK \\| URL=(\\S+) \\|");
    private static final Pattern HEAP_USED = Pattern.compile("total \\d+K, used (\\d+)K");

    /** The request every benchmark sends: the sample EDGE_REPORT (several rows fire), overrides, profile. */
    public static byte[] sampleBody() throws IOException {
        String report = new String(StartupTraining.sampleReport(), StandardCharsets.UTF_8).trim();
        return ("{\"edge_report\": " + report + ", \"overrides\": {\"min_interval_ms\": 80, "
                + "\"replace_rate_per_min\": 270}, \"profile\": \"S1\"}").getBytes(StandardCharsets.UTF_8);
    }

    /** A {@code serve} child process on a free port, and its URL once its rules are loaded. */
    public record Server(Process process, URI uri) implements AutoCloseable {
        public static Server start(Path jar, Path rules, List<String> jvmOptions, int threads, Path log)
                throws IOException {
            List<String> cmd = StartupBench.javaJar(jar, jvmOptions, "serve", "--port", "0",
                    "--rules", rules.toString(), "--threads", Integer.toString(threads));
            Process p = new ProcessBuilder(cmd).redirectError(log.toFile()).start();
            BufferedReader lines = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = lines.readLine()) != null) {
                Matcher m = READY.matcher(line);
                if (m.find()) {
                    Thread drain = new Thread(() -> {
                        try {
                            lines.transferTo(Writer.nullWriter()); // reload markers: not needed here
                        } catch (IOException e) {
                            // the server is gone
                        }
                    }, "serve-stdout");
                    drain.setDaemon(true);
                    drain.start();
                    return new Server(p, URI.create(m.group(1)));
                }
            }
            p.destroyForcibly();
            throw new IOException("serve exited before it was ready: " + Files.readString(log).trim());
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy(); // SIGTERM: a clean stop
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    /**
     * @param segments load segments of {@code segmentSeconds} each; after each, a heap sample (if {@code pid})
     */
    public Result run(URI tune, Optional<Long> pid, int rate, double warmupSeconds, int segments, double segmentSeconds,
            int connections) throws IOException, InterruptedException {
        HttpLoad load = new HttpLoad(tune, sampleBody());
        if (warmupSeconds > 0) {
            HttpLoad.Result warm = load.run(rate, warmupSeconds, connections);
            out.printf(Locale.ROOT, "warm-up: %d requests, %d errors%n", warm.sent(), warm.errors());
            out.flush();
        }
        List<HeapSample> heap = new ArrayList<>();
        pid.ifPresent(p -> heap.add(sample(p, 0, 0)));
        List<HttpLoad.Result> parts = new ArrayList<>();
        long cpuMs = 0;
        for (int s = 1; s <= segments; s++) {
            Optional<Long> cpuBefore = pid.flatMap(MachineInfo::processCpuMillis);
            HttpLoad.Result part = load.run(rate, segmentSeconds, connections);
            Optional<Long> cpuAfter = pid.flatMap(MachineInfo::processCpuMillis);
            if (cpuBefore.isPresent() && cpuAfter.isPresent()) {
                cpuMs += cpuAfter.get() - cpuBefore.get();
            }
            parts.add(part);
            long sent = parts.stream().mapToLong(HttpLoad.Result::sent).sum();
            out.printf(Locale.ROOT, "segment %d/%d: %d requests at %.0f/s, %d errors, p50 %.0f us, p99 %.0f us%n", s,
                    segments, part.sent(), part.rate(), part.errors(), part.fromDue().median() / 1e3,
                    part.fromDue().at(0.99) / 1e3);
            out.flush();
            if (pid.isPresent()) {
                heap.add(sample(pid.get(), s * segmentSeconds, sent));
            }
        }
        Optional<Long> peak = pid.flatMap(p -> MachineInfo.procStatusKb(p, "VmHWM"));
        HttpLoad.Result all = combine(parts);
        Optional<Double> cpuPerRequest = pid.isPresent() && all.sent() > 0
                ? Optional.of(cpuMs * 1000.0 / all.sent()) : Optional.empty();
        return new Result(all, heap, peak, cpuPerRequest);
    }

    private static HttpLoad.Result combine(List<HttpLoad.Result> parts) {
        String firstError = parts.stream().map(HttpLoad.Result::firstError).filter(Objects::nonNull).findFirst()
                .orElse(null);
        return new HttpLoad.Result(parts.stream().mapToLong(HttpLoad.Result::sent).sum(),
                parts.stream().mapToLong(HttpLoad.Result::ok).sum(),
                parts.stream().mapToLong(HttpLoad.Result::errors).sum(),
                parts.stream().mapToDouble(HttpLoad.Result::seconds).sum(),
                Percentiles.merge(parts.stream().map(HttpLoad.Result::fromDue).toList()),
                Percentiles.merge(parts.stream().map(HttpLoad.Result::fromSend).toList()), firstError);
    }

    /** Full GC in the server (jcmd GC.run), then its heap in use (GC.heap_info) and resident memory. */
    private static HeapSample sample(long pid, double at, long decisions) {
        Optional<Long> heap = Optional.empty();
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        if (Files.isExecutable(jcmd)) {
            try {
                run(jcmd.toString(), Long.toString(pid), "GC.run");
                Matcher m = HEAP_USED.matcher(run(jcmd.toString(), Long.toString(pid), "GC.heap_info"));
                if (m.find()) {
                    heap = Optional.of(Long.parseLong(m.group(1)));
                }
            } catch (IOException e) {
                // no heap figure for this sample
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return new HeapSample(at, decisions, heap, MachineInfo.procStatusKb(pid, "VmRSS"));
    }

    private static String run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(30, TimeUnit.SECONDS);
        return text;
    }

    public static void print(PrintWriter out, Result r) {
        HttpLoad.Result l = r.load();
        out.printf(Locale.ROOT, "requests %d, ok %d, errors %d, achieved %.0f req/s over %.1f s%n", l.sent(), l.ok(),
                l.errors(), l.rate(), l.seconds());
        if (l.firstError() != null) {
            out.println("first error: " + l.firstError());
        }
        // each column as wide as its longest label or header, so every figure sits under its header
        out.printf(Locale.ROOT, "%-29s %9s %9s %9s %9s %9s%n", "latency (us)", "p50", "p90", "p99", "p99.9", "max");
        row(out, "from scheduled send (CO-safe)", l.fromDue());
        row(out, "from actual send", l.fromSend());
        if (!r.heap().isEmpty()) {
            out.printf(Locale.ROOT, "%-10s %12s %21s %12s%n", "at_s", "decisions", "heap_after_full_gc_kb", "rss_kb");
            for (HeapSample h : r.heap()) {
                out.printf(Locale.ROOT, "%-10.0f %12d %21s %12s%n", h.atSeconds(), h.decisions(),
                        h.heapAfterGcKb().map(String::valueOf).orElse("n/a"), h.rssKb().map(String::valueOf).orElse("n/a"));
            }
        }
        r.serverCpuUsPerRequest().ifPresent(us -> out.printf(Locale.ROOT,
                "server CPU per request (all threads, GC and JIT included): %.0f us%n", us));
        r.peakRssKb().ifPresent(kb -> out.println("server peak RSS (VmHWM): " + kb + " kB"));
        out.flush();
    }

    private static void row(PrintWriter out, String name, Percentiles p) {
        out.printf(Locale.ROOT, "%-29s %9.0f %9.0f %9.0f %9.0f %9.0f%n", name, p.median() / 1e3, p.at(0.90) / 1e3,
                p.at(0.99) / 1e3, p.at(0.999) / 1e3, p.max() / 1e3);
    }
}
