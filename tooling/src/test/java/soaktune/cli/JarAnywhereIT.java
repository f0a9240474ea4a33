package soaktune.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import soaktune.io.Json;

/**
 * The built jar, copied to a folder outside the project with no rules folder, used as a new user would:
 * every command works from the rule sets the jar carries. Runs after {@code package} ({@code mvn verify}).
 */
final class JarAnywhereIT {
    private static final Pattern ADDRESS = Pattern.compile("\\| serve_ready \\| OK \\| URL=(http://127\\.0\\.0\\.1:\\d+)/");

    @TempDir
    static Path tmp;

    static Path jar;

    @BeforeAll
    static void copyJar() throws IOException {
        Path built = Path.of("target", "soaktune.jar");
        assertThat(built).as("run with mvn verify: this test needs the packaged jar").isRegularFile();
        jar = Files.copy(built, tmp.resolve("soaktune.jar"));
        assertThat(tmp.toAbsolutePath().startsWith(Path.of("").toAbsolutePath())).isFalse();
        assertThat(tmp.resolve("rules")).doesNotExist();
    }

    @Test
    void everyCommandWorksWithTheBuiltInRules() throws Exception {
        Result run = java("run", "--iterations", "3", "--mock", "--auto-tune");
        assertThat(run.code()).as(run.output()).isZero();
        assertThat(run.output()).contains("| rules_load | OK | VERSION=v1 SOURCE=builtin SHA=");
        Path soak = tmp.resolve("artifacts/soak");
        for (String f : List.of("runtime_overrides.json", "applied_profile.json", "ITER_SUMMARY_3.json",
                "KPI_GATE.json", "soak_state.json", "report.html", "report.md")) {
            assertThat(soak.resolve(f)).as(f).isRegularFile();
        }
        var rules = Json.readFile(soak.resolve("ITER_SUMMARY_3.json")).get("rules");
        assertThat(rules.get("dir").asText()).isEqualTo("builtin:v1");
        assertThat(rules.get("sha256").asText()).hasSize(64);
        assertThat(Json.readFile(soak.resolve("applied_profile.json")).get("rules").get("source").asText())
                .isEqualTo("builtin");

        Result again = java("run", "--iterations", "3", "--mock", "--auto-tune");
        assertThat(again.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(again.output()).contains("holds a previous soak").contains("--resume").contains("--fresh");

        Result tune = java("tune", "--edge-report", "artifacts/soak/EDGE_REPORT.json", "--out", "tuned.json");
        assertThat(tune.code()).as(tune.output()).isZero();
        assertThat(tmp.resolve("tuned.json")).isRegularFile();

        Result gate = java("kpi-gate", "--edge-report", "artifacts/soak/EDGE_REPORT_1.json", "--out", "KPI_GATE.json");
        assertThat(gate.output()).contains("| kpi_gate | ");
        assertThat(gate.code()).as(gate.output()).isIn(ExitCodes.OK, ExitCodes.FAILED);
        assertThat(Json.readFile(tmp.resolve("KPI_GATE.json")).get("thresholds").asText())
                .isEqualTo("builtin:v1/kpi_thresholds.json");

        Result check = java("rules", "check", "v2");
        assertThat(check.code()).as(check.output()).isZero();
        assertThat(check.output()).contains("builtin:v2: 0 errors");

        Result report = java("report", "--out", "again.html");
        assertThat(report.code()).as(report.output()).isZero();
        String html = Files.readString(tmp.resolve("again.html"));
        assertThat(html).contains("builtin:v1/limits.json").doesNotContain("no limit bands");

        Result init = java("init");
        assertThat(init.code()).as(init.output()).isZero();
        assertThat(tmp.resolve("rules/v1/triggers.drl")).isRegularFile();
        assertThat(tmp.resolve("rules/v1/tests")).isDirectory();
        assertThat(tmp.resolve("rules/v1/README.md")).isRegularFile();
        assertThat(java("init").code()).as("init never overwrites").isEqualTo(ExitCodes.INVALID_INPUT);

        // A copy of v2 (base: v1) with no v1 folder beside it composes with the built-in v1, wherever it is.
        Result initV2 = java("init", "--from", "v2", "lone/v2");
        assertThat(initV2.code()).as(initV2.output()).isZero();
        assertThat(tmp.resolve("lone/v2/ruleset.yaml")).isRegularFile();
        Result testV2 = java("rules", "test", "lone/v2");
        assertThat(testV2.code()).as(testV2.output()).isZero();
        assertThat(testV2.output()).contains("SKIP builtin:v1/tests/").contains("PASS after the table slowed quoting, lag and cancels far under target give back 20 ms");

        Result own = java("run", "--iterations", "3", "--mock", "--auto-tune", "--rules", "./rules/v1",
                "--artifacts", "own");
        assertThat(own.code()).as(own.output()).isZero();
        String folder = tmp.resolve("rules/v1").toRealPath().toString();
        assertThat(own.output()).contains("| rules_load | OK | VERSION=v1 SOURCE=folder DIR=");
        assertThat(Json.readFile(tmp.resolve("own/ITER_SUMMARY_3.json")).get("rules").get("dir").asText())
                .isIn(folder, tmp.resolve("rules/v1").toAbsolutePath().normalize().toString());
        // The copy is the built-in set, byte for byte: the same sha256.
        assertThat(Json.readFile(tmp.resolve("own/ITER_SUMMARY_3.json")).get("rules").get("sha256"))
                .isEqualTo(rules.get("sha256"));
    }

    @Test
    void serveAnswersOneRequestWithTheBuiltInRules() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("serve-here"));
        Process p = start(empty, "serve", "--port", "0");
        try {
            List<String> lines = new ArrayList<>();
            String base = null;
            var reader = p.inputReader(StandardCharsets.UTF_8);
            long deadline = System.currentTimeMillis() + 60_000;
            while (base == null && System.currentTimeMillis() < deadline) {
                String line = reader.readLine();
                if (line == null) {
                    break;
                }
                lines.add(line);
                Matcher m = ADDRESS.matcher(line);
                if (m.find()) {
                    base = m.group(1);
                }
            }
            assertThat(base).as(String.join("\n", lines)).isNotNull();
            assertThat(lines).anyMatch(l -> l.startsWith("| rules_load | OK | VERSION=v1 SOURCE=builtin SHA="));
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            String body = "{\"edge_report\": " + TestFiles.healthyReport() + "}";
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + "/v1/tune"))
                    .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            assertThat(Json.mapper().readTree(r.body()).get("rules").get("version").asText()).isEqualTo("v1");
        } finally {
            p.destroy(); // SIGTERM: serve stops cleanly with 143
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(p.exitValue()).isEqualTo(ExitCodes.TERMINATED);
    }

    private record Result(int code, String output) {
    }

    private static Result java(String... args) throws Exception {
        Process p = start(tmp, args);
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as(out).isTrue();
        return new Result(p.exitValue(), out);
    }

    private static Process start(Path dir, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("MM_FREEZE_UTC_ISO", "2025-10-12T14:00:00Z");
        pb.environment().put("SOAKTUNE_NO_CACHE", "1");
        pb.environment().remove("MM_RUNTIME_OVERRIDES_JSON");
        return pb.start();
    }
}
