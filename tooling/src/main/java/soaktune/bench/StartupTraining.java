package soaktune.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The workload a class-data-sharing archive is recorded from: a one-shot {@code tune} as users run it,
 * once compiling the rules (cache miss) and once from the compiled-rule-base cache (hit), so the archive
 * holds the classes of both paths. Everything it writes goes to a temporary folder, removed afterwards.
 */
public final class StartupTraining {
    /** The sample EDGE_REPORT inside the jar (it fires several rows, so the guardrails run too). */
    public static final String SAMPLE_REPORT = "/bench/edge_report_sample.json";

    private StartupTraining() {
    }

    /**
     * @param cli runs one command line (the real CLI, in this process) with an environment, returns its code
     * @return the exit codes of the two runs
     */
    public static List<Integer> run(Path rules, Function<Map.Entry<Map<String, String>, String[]>, Integer> cli)
            throws IOException {
        Path tmp = Files.createTempDirectory("soaktune-training");
        try {
            Path report = tmp.resolve("EDGE_REPORT.json");
            Files.write(report, sampleReport());
            Map<String, String> env = Map.of("SOAKTUNE_CACHE_DIR", tmp.resolve("cache").toString());
            String[] args = {"tune", "--edge-report", report.toString(), "--rules", rules.toString(),
                    "--out", tmp.resolve("out/runtime_overrides.json").toString(), "--explain"};
            return List.of(cli.apply(Map.entry(env, args)), cli.apply(Map.entry(env, args))); // miss, then hit
        } finally {
            deleteTree(tmp);
        }
    }

    /** The bytes of {@link #SAMPLE_REPORT}. */
    public static byte[] sampleReport() throws IOException {
        try (InputStream in = StartupTraining.class.getResourceAsStream(SAMPLE_REPORT)) {
            return in.readAllBytes();
        }
    }

    static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
