package soaktune.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Times a one-shot {@code tune} as a whole process, cold, in several set-ups side by side: plain, with the
 * compiled-rule-base cache, with an application class-data-sharing archive, with the C1 compiler only,
 * combinations, and through the {@code bin/soaktune} launcher (which uses all three). Runs are interleaved
 * (one of each set-up per round, in rotating order) so a machine that gets busier or quieter during the
 * benchmark affects every set-up alike.
 */
public record StartupBench(Path jar, Path rules, Optional<Path> launcher, PrintWriter out) {
    /** One way of starting {@code tune}: the command before its arguments (java and options, or a launcher). */
    record Setup(String name, List<String> command, Map<String, String> env) {
    }

    /** The timings of one set-up: wall time and child CPU time per run, in ms. */
    public record Result(String name, Percentiles wallMs, Percentiles cpuMs) {
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
            exec(javaJar(jar, List.of("-XX:ArchiveClassesAtExit=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off"),
                    "cds-training", "--rules", rules.toString()), Map.of(), tmp.resolve("training.err"));
            List<Setup> setups = setups(tmp, archive);
            List<String> tuneArgs = List.of("tune", "--edge-report", report.toString(), "--rules", rules.toString(),
                    "--out", tmp.resolve("out/runtime_overrides.json").toString());
            Map<Setup, List<Double>> wall = new HashMap<>();
            Map<Setup, List<Double>> cpu = new HashMap<>();
            for (int round = 0; round < warmup + rounds; round++) {
                for (int k = 0; k < setups.size(); k++) {
                    Setup s = setups.get((k + round) % setups.size());
                    long cpuBefore = MachineInfo.childCpuMillis().orElse(-1L);
                    long start = System.nanoTime();
                    exec(Stream.concat(s.command().stream(), tuneArgs.stream()).toList(), s.env(),
                            tmp.resolve("run.err"));
                    double ms = (System.nanoTime() - start) / 1e6;
                    long cpuAfter = MachineInfo.childCpuMillis().orElse(-1L);
                    if (round >= warmup) {
                        wall.computeIfAbsent(s, x -> new ArrayList<>()).add(ms);
                        if (cpuBefore >= 0 && cpuAfter >= 0) {
                            cpu.computeIfAbsent(s, x -> new ArrayList<>()).add((double) (cpuAfter - cpuBefore));
                        }
                    }
                }
            }
            return setups.stream().map(s -> new Result(s.name(), percentiles(wall.get(s)),
                    percentiles(cpu.getOrDefault(s, List.of())))).toList();
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
                jar("plain", List.of(), noCache),
                jar("C1", c1, noCache),
                jar("rule-cache", List.of(), cache),
                jar("rule-cache+C1", c1, cache),
                jar("cds", cds, noCache),
                jar("rule-cache+cds", cds, cache),
                jar("rule-cache+cds+C1", Stream.concat(cds.stream(), c1.stream()).toList(), cache)));
        launcher.ifPresent(l -> setups.add(new Setup("bin/soaktune", List.of(l.toString()), Map.of(
                "SOAKTUNE_CACHE_DIR", tmp.resolve("launcher-cache").toString(), "SOAKTUNE_JAR", jar.toString()))));
        return setups;
    }

    /** {@code java OPTIONS -jar soaktune.jar}. */
    private Setup jar(String name, List<String> jvmOptions, Map<String, String> env) {
        return new Setup(name, javaJar(jar, jvmOptions), env);
    }

    private static void exec(List<String> cmd, Map<String, String> env, Path err) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(err.toFile());
        pb.environment().keySet().removeAll(List.of("SOAKTUNE_NO_CACHE", "SOAKTUNE_CACHE_DIR", "JAVA_TOOL_OPTIONS"));
        pb.environment().putAll(env);
        int code = pb.start().waitFor();
        if (code != 0) {
            throw new IOException("'" + String.join(" ", cmd) + "' exited " + code + ": " + Files.readString(err).trim());
        }
    }

    /** {@code java OPTIONS -jar JAR ARGS}, with this JVM's java: how a bench starts the jar. */
    static List<String> javaJar(Path jar, List<String> jvmOptions, String... args) {
        return Stream.of(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()), jvmOptions,
                List.of("-jar", jar.toString()), List.of(args)).flatMap(List::stream).toList();
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
