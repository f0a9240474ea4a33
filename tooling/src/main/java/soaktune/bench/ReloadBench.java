package soaktune.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ClassLoadingMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import soaktune.io.AtomicFiles;
import soaktune.io.InputException;
import soaktune.io.ProfileLoader;
import soaktune.model.Overrides;
import soaktune.model.Profile;
import soaktune.rules.engine.HotRules;
import soaktune.rules.engine.RuleSetLoader;
import soaktune.rules.RulesException;
import soaktune.tuning.Tuner;
import soaktune.tuning.TuningMemory;
import soaktune.tuning.TuningStep;

/**
 * Hot reloads in one JVM, as a long {@code run} or {@code serve} does them: a copy of the rules folder is
 * edited (a comment line changes, so every reload compiles), {@link HotRules} notices and swaps the rule
 * set, and one decision runs on the new rules. Heap after a full GC, metaspace and class counts are
 * sampled along the way: a leak (old rule bases or their generated classes kept alive) would grow them.
 */
public record ReloadBench(Path rules, PrintWriter out) {
    /** Memory at a point of the run, after a full GC. */
    public record Sample(int reloads, long heapUsedKb, long metaspaceKb, int classesLoaded, long classesUnloaded) {
    }

    public record Result(List<Sample> samples, Percentiles reloadMs, int failures) {
    }

    /**
     * @param reloads     how many reloads to make
     * @param sampleEvery sample memory after every this many reloads (and before the first)
     */
    public Result run(int reloads, int sampleEvery) throws IOException, InputException, RulesException {
        Path tmp = Files.createTempDirectory("soaktune-bench-reload");
        try {
            Path copy = tmp.resolve(rules.getFileName().toString().replace("/", ""));
            copyTree(rules, copy);
            Path edited = firstDrl(copy);
            String original = Files.readString(edited);
            HotRules hot = HotRules.watching(RuleSetLoader.load(copy));
            Profile profile = ProfileLoader.load("S1", "bench");
            List<Sample> samples = new ArrayList<>();
            samples.add(sample(0));
            print(samples.get(0));
            double[] ms = new double[reloads];
            int failures = 0;
            for (int i = 1; i <= reloads; i++) {
                AtomicFiles.writeString(edited, original + "\n// reload " + i + "\n");
                long start = System.nanoTime();
                Optional<HotRules.Reload> reload = hot.refresh();
                ms[i - 1] = (System.nanoTime() - start) / 1e6;
                if (reload.isEmpty() || !reload.get().ok()) {
                    failures++;
                    out.println("reload " + i + " failed: " + reload.map(r -> r.problems().toString()).orElse("not seen"));
                    continue;
                }
                new TuningStep(DecisionBenchmark.metrics("multi_fail"), Overrides.empty(), profile, TuningMemory.empty(), 1,
                        0).take(new Tuner(hot.current()), "2025-10-12T14:00:00Z");
                if (i % sampleEvery == 0 || i == reloads) {
                    Sample s = sample(i);
                    samples.add(s);
                    print(s);
                }
            }
            return new Result(samples, new Percentiles(ms), failures);
        } finally {
            StartupTraining.deleteTree(tmp);
        }
    }

    private void print(Sample s) {
        out.printf(Locale.ROOT, "%8d reloads: heap %7d kB, metaspace %7d kB, classes loaded %6d, unloaded %6d%n",
                s.reloads(), s.heapUsedKb(), s.metaspaceKb(), s.classesLoaded(), s.classesUnloaded());
        out.flush();
    }

    /** Full GC (twice, so objects freed by finalisation-like cleanups go too), then what is still in use. */
    static Sample sample(int reloads) {
        System.gc();
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1024;
        long meta = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getName().equals("Metaspace"))
                .mapToLong(p -> p.getUsage().getUsed() / 1024).sum();
        ClassLoadingMXBean classes = ManagementFactory.getClassLoadingMXBean();
        return new Sample(reloads, heap, meta, classes.getLoadedClassCount(), classes.getUnloadedClassCount());
    }

    private static Path firstDrl(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".drl")).sorted().findFirst()
                    .orElseThrow(() -> new IOException("no .drl file in " + dir));
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    /**
     * Growth from the first sample taken after reloading (not the one before: the first reload loads classes that
     * every later one reuses) to the last; "n/a" when only one sample was taken after reloading.
     */
    public static void summary(PrintWriter out, Result r) {
        List<Sample> s = r.samples();
        Sample first = s.get(Math.min(1, s.size() - 1));
        Sample last = s.get(s.size() - 1);
        out.printf(Locale.ROOT, "reloads %d, failures %d, reload time median %.1f ms (p90 %.1f, max %.1f)%n",
                r.reloadMs().count(), r.failures(), r.reloadMs().median(), r.reloadMs().at(0.9), r.reloadMs().max());
        String growth = first == last ? "n/a (one sample after reloads)" : String.format(Locale.ROOT,
                "%d kB after %d reloads -> %d kB after %d (%+d kB); metaspace %+d kB", first.heapUsedKb(),
                first.reloads(), last.heapUsedKb(), last.reloads(), last.heapUsedKb() - first.heapUsedKb(),
                last.metaspaceKb() - first.metaspaceKb());
        out.printf(Locale.ROOT, "heap after GC: %s; classes unloaded %d%n", growth, last.classesUnloaded());
        out.flush();
    }
}
