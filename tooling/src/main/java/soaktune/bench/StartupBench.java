package soaktune.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Times a one-shot {@code tune} as a whole process, cold, in several set-ups side by side: plain, with the
 * compiled-rule-base cache, with an application class-data-sharing archive, with the C1 compiler only,
 * combinations, and through the {@code bin/soaktune} launcher (which uses all three). Runs are interleaved
 * (one of each set-up per round, in rotating order) so a machine that gets busier or quieter during the
 * benchmark affects every set-up alike.
 */
public final class StartupBench {
    /** One way of starting {@code tune}: extra JVM options and environment, or a launcher script. */
    record Setup(String name, List<String> jvmOptions, Map<String, String> env, Optional<Path> launcher) {
    }

    /** The timings of one set-up: wall time and child CPU time per run, in ms. */
    public record Result(String name, Percentiles wallMs, Percentiles cpuMs) {
    }

    private final Path jar;
    private final Path rules;
    private final Optional<Path> launcher;
    private final PrintWriter out;

    public StartupBench(Path jar, Path rules, Optional<Path> launcher, PrintWriter out) {
        this.jar = jar;
        this.rules = rules;
        this.launcher = launcher;
        this.out = out;
    }

    /**
     * @param rounds runs of each set-up that count
     * @param warmup runs of each set-up first, not counted (they also prime the caches)
     */
    public List<Result> run(int rounds, int warmup) throws IOException, InterruptedException {
        Path tmp = Files.createTempDirectory("soaktune-bench-startup");
        try {
            Path report = tmp.resolve("EDGE_REPORT.json");
            Files.write(report, StartupTraining.sampleReport());
            Path archive = tmp.resolve("soaktune.jsa");
            out.println("recording the class-data-sharing archive (training run) ...");
            out.flush();
            exec(List.of(java(), "-XX:ArchiveClassesAtExit=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off",
                    "-jar", jar.toString(), "cds-training", "--rules", rules.toString()), Map.of(), tmp.resolve("training.err"));
            List<Setup> setups = setups(tmp, archive);
            List<String> tuneArgs = List.of("tune", "--edge-report", report.toString(), "--rules", rules.toString(),
                    "--out", tmp.resolve("out/runtime_overrides.json").toString());
            Map<String, List<Double>> wall = new LinkedHashMap<>();
            Map<String, List<Double>> cpu = new HashMap<>();
            setups.forEach(s -> {
                wall.put(s.name(), new ArrayList<>());
                cpu.put(s.name(), new ArrayList<>());
            });
            for (int round = 0; round < warmup + rounds; round++) {
                for (int k = 0; k < setups.size(); k++) {
                    Setup s = setups.get((k + round) % setups.size());
                    long cpuBefore = MachineInfo.childCpuMillis().orElse(-1L);
                    long start = System.nanoTime();
                    exec(command(s, tuneArgs), s.env(), tmp.resolve("run.err"));
                    double ms = (System.nanoTime() - start) / 1e6;
                    long cpuAfter = MachineInfo.childCpuMillis().orElse(-1L);
                    if (round >= warmup) {
                        wall.get(s.name()).add(ms);
                        if (cpuBefore >= 0 && cpuAfter >= 0) {
                            cpu.get(s.name()).add((double) (cpuAfter - cpuBefore));
                        }
                    }
                }
            }
            List<Result> results = new ArrayList<>();
            for (Setup s : setups) {
                results.add(new Result(s.name(), percentiles(wall.get(s.name())), percentiles(cpu.get(s.name()))));
            }
            return results;
        } finally {
            StartupTraining.deleteTree(tmp);
        }
    }

    private List<Setup> setups(Path tmp, Path archive) {
        Map<String, String> noCache = Map.of("SOAKTUNE_NO_CACHE", "1");
        Map<String, String> cache = Map.of("SOAKTUNE_CACHE_DIR", tmp.resolve("cache").toString());
        List<String> cds = List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
        List<String> c1 = List.of("-XX:TieredStopAtLevel=1");
        List<Setup> setups = new ArrayList<>(List.of(
                new Setup("plain", List.of(), noCache, Optional.empty()),
                new Setup("C1", c1, noCache, Optional.empty()),
                new Setup("rule-cache", List.of(), cache, Optional.empty()),
                new Setup("rule-cache+C1", c1, cache, Optional.empty()),
                new Setup("cds", cds, noCache, Optional.empty()),
                new Setup("rule-cache+cds", cds, cache, Optional.empty()),
                new Setup("rule-cache+cds+C1", plus(cds, "-XX:TieredStopAtLevel=1"), cache, Optional.empty())));
        launcher.ifPresent(l -> setups.add(new Setup("bin/soaktune", List.of(),
                Map.of("SOAKTUNE_CACHE_DIR", tmp.resolve("launcher-cache").toString(), "SOAKTUNE_JAR", jar.toString()),
                Optional.of(l))));
        return setups;
    }

    private static List<String> plus(List<String> options, String... more) {
        List<String> out = new ArrayList<>(options);
        out.addAll(List.of(more));
        return out;
    }

    private List<String> command(Setup s, List<String> args) {
        List<String> cmd = new ArrayList<>();
        if (s.launcher().isPresent()) {
            cmd.add(s.launcher().get().toString());
        } else {
            cmd.add(java());
            cmd.addAll(s.jvmOptions());
            cmd.add("-jar");
            cmd.add(jar.toString());
        }
        cmd.addAll(args);
        return cmd;
    }

    private static void exec(List<String> cmd, Map<String, String> env, Path err) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(err.toFile());
        pb.environment().remove("SOAKTUNE_NO_CACHE");
        pb.environment().remove("SOAKTUNE_CACHE_DIR");
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        pb.environment().putAll(env);
        int code = pb.start().waitFor();
        if (code != 0) {
            throw new IOException("'" + String.join(" ", cmd) + "' exited " + code + ": " + Files.readString(err).trim());
        }
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static Percentiles percentiles(List<Double> values) {
        return new Percentiles(values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** The table: medians and spread per set-up, and each median as a ratio to the plain one. */
    public static void print(PrintWriter out, List<Result> results) {
        double plain = results.get(0).wallMs().median();
        out.printf(Locale.ROOT, "%-20s %6s %10s %10s %10s %12s %10s%n", "setup", "runs", "median_ms", "p10_ms", "p90_ms",
                "cpu_med_ms", "vs_plain");
        for (Result r : results) {
            out.printf(Locale.ROOT, "%-20s %6d %10.0f %10.0f %10.0f %12.0f %9.2fx%n", r.name(), r.wallMs().count(),
                    r.wallMs().median(), r.wallMs().at(0.10), r.wallMs().at(0.90), r.cpuMs().median(),
                    r.wallMs().median() / plain);
        }
        out.flush();
    }
}
