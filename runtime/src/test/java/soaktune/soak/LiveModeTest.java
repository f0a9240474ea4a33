package soaktune.soak;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import soaktune.cli.CliRun;
import soaktune.cli.ExitCodes;
import soaktune.cli.TestFiles;
import soaktune.io.Json;

/** Live mode against real sources: a writer process dropping files, and an HTTP server on 127.0.0.1. */
final class LiveModeTest {
    @TempDir
    Path tmp;

    private static Map<String, String> env(String... kv) {
        Map<String, String> env = new HashMap<>(Map.of("MM_FREEZE_UTC_ISO", "2025-10-12T14:00:00Z"));
        for (int i = 0; i < kv.length; i += 2) {
            env.put(kv[i], kv[i + 1]);
        }
        return env;
    }

    private static String report(double cancelRatio, int seq) {
        return TestFiles.edgeReport("fills", "400").replace("\"cancel_ratio\": 0.4", "\"cancel_ratio\": " + cancelRatio)
                .replace("\"version\": \"t\"", "\"version\": \"t" + seq + "\"");
    }

    @Test
    void fileSourceTunesFromReportsAWriterProcessDrops() throws Exception {
        Path drop = Files.createDirectories(tmp.resolve("drop"));
        // The writer writes each report in two halves (a reader may see a truncated file), and the next one only
        // once the soak has taken this one (its EDGE_REPORT_<i>.json exists): paced by the reader, not by a clock,
        // so a slow start on a loaded machine cannot make it skip a report.
        StringBuilder script = new StringBuilder("set -e\n");
        for (int i = 1; i <= 3; i++) {
            String text = report(0.7, i);
            int half = text.length() / 2;
            if (i > 1) {
                script.append("until [ -f ../soak/EDGE_REPORT_").append(i - 1).append(".json ]; do sleep 0.05; done\n");
            }
            script.append("printf '%s' '").append(text, 0, half).append("' > EDGE_REPORT.json\nsleep 0.2\n")
                    .append("printf '%s' '").append(text.substring(half)).append("' >> EDGE_REPORT.json\n");
        }
        Process writer = new ProcessBuilder("bash", "-c", script.toString()).directory(drop.toFile()).start();
        try {
            Path out = tmp.resolve("soak");
            CliRun r = CliRun.run(env("MM_ALLOW_MISSING_SECRETS", "1"), "run", "--source", "file:" + drop,
                    "--iterations", "3", "--auto-tune", "--report-timeout", "10", "--poll-ms", "50",
                    "--artifacts", out.toString());
            assertThat(r.code()).as(r.out() + r.err()).isZero();
            assertThat(r.out()).contains("| safe_mode | ON |").contains("[MINI-SOAK COMPLETE] 3 iterations");
            // cancel_ratio 0.7 in every report: +20 ms per iteration, built on the previous decision
            assertThat(Json.readFile(out.resolve("runtime_overrides.json")).get("min_interval_ms").asInt()).isEqualTo(120);
            assertThat(Json.readFile(out.resolve("EDGE_REPORT_3.json")).at("/runtime/version").asText()).isEqualTo("t3");
        } finally {
            writer.destroyForcibly();
        }
    }

    @Test
    void missingReportsAreInconclusiveAndStopTheRunAfterK() {
        Path drop = tmp.resolve("empty");
        CliRun r = CliRun.run(env("MM_ALLOW_MISSING_SECRETS", "1"), "run", "--source", "file:" + drop,
                "--iterations", "10", "--auto-tune", "--report-timeout", "0.2", "--poll-ms", "20",
                "--max-inconclusive", "2", "--artifacts", tmp.resolve("soak").toString());
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.INCONCLUSIVE);
        assertThat(r.out()).contains("| soak_iter_tune | SKIP | REASON=inconclusive:no_new_report |")
                .contains("| soak_stop | INCONCLUSIVE | REASON=2_iterations_without_a_report |")
                .doesNotContain("[ITER 3/");
        assertThat(Files.exists(tmp.resolve("soak/runtime_overrides.json"))).isFalse();
    }

    @Test
    void httpSourceTakesNewReportsAndCallsAnUnchangedOneStale() throws Exception {
        AtomicInteger served = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/edge", exchange -> {
            int n = served.incrementAndGet();
            // New content for the first two requests, then the same report forever: the third iteration is stale.
            byte[] body = report(0.7, Math.min(n, 2)).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream os = exchange.getResponseBody()) {
                os.write(body);
            }
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/edge";
            Path out = tmp.resolve("soak");
            // 1.5 s: the first request of a fresh HTTP client can take most of a second on a loaded 2-core runner
            CliRun r = CliRun.run(env("MM_API_KEY", "k", "MM_API_SECRET", "s"), "run", "--source", url,
                    "--iterations", "4", "--auto-tune", "--report-timeout", "1.5", "--poll-ms", "20",
                    "--max-inconclusive", "2", "--artifacts", out.toString());
            assertThat(r.code()).as(r.out() + r.err()).isEqualTo(ExitCodes.INCONCLUSIVE);
            assertThat(r.out()).contains("| secrets | OK | SOURCE=env |")
                    .contains("| soak_iter_tune | SKIP | REASON=inconclusive:stale_report |");
            assertThat(Json.readFile(out.resolve("runtime_overrides.json")).get("min_interval_ms").asInt()).isEqualTo(100);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void liveModeWithoutSecretsIsRefusedUnlessSafeModeIsAsked() {
        CliRun r = CliRun.run(env(), "run", "--source", "file:" + tmp, "--iterations", "1",
                "--artifacts", tmp.resolve("soak").toString());
        assertThat(r.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(r.err().strip()).isEqualTo("soaktune: error: live mode: needs MM_API_KEY and MM_API_SECRET (or "
                + "--secrets-file); set MM_ALLOW_MISSING_SECRETS=1 to run in safe mode without them");
    }

    @Test
    void aFileSourceWithoutAFolderIsBadInputNotTheWorkingFolder() {
        CliRun r = CliRun.run(env("MM_ALLOW_MISSING_SECRETS", "1"), "run", "--source", "file:", "--iterations", "1",
                "--artifacts", tmp.resolve("soak").toString());
        assertThat(r.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(r.err().strip()).isEqualTo("soaktune: error: run: --source: file: needs the folder the strategy "
                + "writes its EDGE_REPORT to, e.g. file:/var/run/strategy");
        assertThat(tmp.resolve("soak")).doesNotExist();
    }

    @Test
    void secretsNeverAppearInOutputOrArtifacts() throws Exception {
        String key = "AKIA-SECRET-KEY-7731";
        String secret = "s3cr3t-value-0042-do-not-print";
        Path drop = Files.createDirectories(tmp.resolve("drop"));
        Files.writeString(drop.resolve("EDGE_REPORT.json"), report(0.7, 1));
        Path secrets = TestFiles.write(tmp.resolve("secrets.json"),
                "{\"api_key\": \"" + key + "-file\", \"api_secret\": \"" + secret + "-file\"}");
        Path out = tmp.resolve("soak");
        CliRun fromEnv = CliRun.run(env("MM_API_KEY", key, "MM_API_SECRET", secret), "run", "--verbose", "--source",
                "file:" + drop, "--iterations", "2", "--auto-tune", "--report-timeout", "0.3", "--poll-ms", "20",
                "--artifacts", out.toString());
        CliRun fromFile = CliRun.run(env(), "run", "--verbose", "--source", "file:" + drop, "--iterations", "1",
                "--auto-tune", "--report-timeout", "0.3", "--secrets-file", secrets.toString(), "--artifacts",
                tmp.resolve("soak2").toString());
        assertThat(fromFile.out()).contains("| secrets | OK | SOURCE=file |");
        StringBuilder everything = new StringBuilder(fromEnv.out()).append(fromEnv.err()).append(fromFile.out())
                .append(fromFile.err());
        for (Path dir : new Path[] {out, tmp.resolve("soak2")}) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    everything.append(Files.readString(f));
                }
            }
        }
        assertThat(everything.toString()).doesNotContain(key).doesNotContain(secret);
    }

    /**
     * A server that sends its headers at once and then one byte of a 2,000-byte body every 200 ms (400 s in
     * all): --report-timeout 0.5 must end the wait after about half a second, not when the body ends.
     */
    @Test
    void aBodyDrippingSlowlyEndsAtTheReportTimeout() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 4, InetAddress.getLoopbackAddress())) {
            Thread drip = new Thread(() -> {
                while (!server.isClosed()) {
                    try (Socket s = server.accept(); OutputStream os = s.getOutputStream()) {
                        os.write("HTTP/1.1 200 OK\r\nContent-Length: 2000\r\n\r\n{".getBytes(StandardCharsets.US_ASCII));
                        os.flush();
                        for (int i = 0; i < 2000 && !server.isClosed(); i++) {
                            Thread.sleep(200);
                            os.write(' ');
                            os.flush();
                        }
                    } catch (Exception e) {
                        // the client gave up (or the test ended): take the next connection
                    }
                }
            });
            drip.setDaemon(true);
            drip.start();
            String url = "http://127.0.0.1:" + server.getLocalPort() + "/edge";
            CliRun r = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> CliRun.run(
                    env("MM_ALLOW_MISSING_SECRETS", "1"), "run", "--source", url, "--iterations", "1",
                    "--auto-tune", "--report-timeout", "0.5", "--poll-ms", "20", "--max-inconclusive", "1",
                    "--artifacts", tmp.resolve("soak").toString()));
            assertThat(r.code()).as(r.out() + r.err()).isEqualTo(ExitCodes.INCONCLUSIVE);
            assertThat(r.out()).contains("| soak_iter_tune | SKIP | REASON=inconclusive:no_new_report |");
        }
    }

    /** A live report that links to a device: never read (it has no end), the iteration is inconclusive. */
    @Test
    void aLiveReportLinkedToADeviceIsNotRead() throws Exception {
        Path drop = Files.createDirectories(tmp.resolve("drop"));
        Files.createSymbolicLink(drop.resolve("EDGE_REPORT.json"), Path.of("/dev/zero"));
        CliRun r = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> CliRun.run(
                env("MM_ALLOW_MISSING_SECRETS", "1"), "run", "--source", "file:" + drop, "--iterations", "1",
                "--auto-tune", "--report-timeout", "0.3", "--poll-ms", "20", "--max-inconclusive", "1",
                "--artifacts", tmp.resolve("soak").toString()));
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(ExitCodes.INCONCLUSIVE);
        assertThat(r.out()).contains("| soak_iter_tune | SKIP | REASON=inconclusive:not_a_regular_file |");
    }

    /** A malformed secrets file: the error names the file (and place), never the value (here SECRETVALUE42). */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "{\"api_key\": SECRETVALUE42, \"api_secret\": \"x\"}",
        "{\"api_key\": \"k\", \"api_secret\": SECRETVALUE42}",
        "\"SECRETVALUE42\"",
        "[\"SECRETVALUE42\"]",
        "{\"api_key\": \"SECRETVALUE42\", \"api_key\": \"SECRETVALUE42\"}",
        "{\"api_key\": \"SECRETVALUE42\" \"api_secret\": \"x\"}",
        "{\"api_key\": 'SECRETVALUE42'}"})
    void aMalformedSecretsFileNeverEchoesItsContent(String content) throws Exception {
        Path drop = Files.createDirectories(tmp.resolve("drop"));
        Path secrets = TestFiles.write(tmp.resolve("secrets.json"), content);
        CliRun r = CliRun.run(env(), "run", "--verbose", "--source", "file:" + drop, "--iterations", "1",
                "--secrets-file", secrets.toString(), "--artifacts", tmp.resolve("soak").toString());
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(r.err()).contains("secrets.json").doesNotContain("SECRETVALUE42");
        assertThat(r.out()).doesNotContain("SECRETVALUE42");
    }
}
