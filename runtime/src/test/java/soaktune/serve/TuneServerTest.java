package soaktune.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import soaktune.cli.TestFiles;
import soaktune.io.Json;
import soaktune.io.ProfileLoader;
import soaktune.model.Overrides;
import soaktune.model.Profile;
import soaktune.model.TunableField;
import soaktune.tuning.Markers;
import soaktune.rules.engine.DecisionBudget;
import soaktune.rules.engine.HotRules;
import soaktune.rules.engine.RuleSet;
import soaktune.rules.engine.RuleSetLoader;
import soaktune.rules.RulesFolders;
import soaktune.tuning.Decision;
import soaktune.tuning.MetricsFixtures;
import soaktune.tuning.Tuner;
import soaktune.model.MetricName;

/** The resident tuner over real HTTP on 127.0.0.1 (ephemeral port): decisions, every error status, reload. */
final class TuneServerTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-10-12T14:00:00Z"), ZoneOffset.UTC);
    private static RuleSet v1;
    private static Map<String, Profile> profiles;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final StringWriter markerText = new StringWriter();
    private TuneServer server;

    @TempDir
    Path tmp;

    @BeforeAll
    static void rules() throws Exception {
        v1 = RuleSetLoader.load(RulesFolders.V1);
        profiles = Map.of("S1", ProfileLoader.load("S1", "test"));
    }

    @BeforeEach
    void start() throws IOException {
        server = TuneServer.start("127.0.0.1", 0, 2, profiles, CLOCK, new Markers(new PrintWriter(markerText, true)));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        return Json.parse("response", r.body().getBytes(StandardCharsets.UTF_8));
    }

    private static String request(String report, String rest) {
        return "{\"edge_report\": " + report + (rest.isEmpty() ? "" : ", " + rest) + "}";
    }

    private void assertBadRequest(String body, String field) throws Exception {
        HttpResponse<String> r = post("/v1/tune", body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        JsonNode error = json(r);
        assertThat(error.get("error").asText()).isNotBlank();
        if (field == null) {
            assertThat(error.get("field").isNull()).isTrue();
        } else {
            assertThat(error.get("field").asText()).isEqualTo(field);
            assertThat(error.get("error").asText()).contains(field);
        }
    }

    @Test
    void healthIs503UntilTheRulesAreLoadedThen200WithVersionAndSha() throws Exception {
        assertThat(get("/healthz").statusCode()).isEqualTo(503);
        assertThat(post("/v1/tune", request(TestFiles.healthyReport(), "")).statusCode()).isEqualTo(503);
        server.ready(HotRules.fixed(v1), 0);
        HttpResponse<String> r = get("/healthz");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r).get("rules").get("version").asText()).isEqualTo("v1");
        assertThat(json(r).get("rules").get("sha256").asText()).isEqualTo(v1.sha256());
    }

    @Test
    void aDecisionReturnsAllFiveOverridesAndTheExplanation() throws Exception {
        server.ready(HotRules.fixed(v1), 0);
        String report = TestFiles.edgeReport("cancel_ratio", "0.6");
        HttpResponse<String> r = post("/v1/tune", request(report, "\"overrides\": {\"min_interval_ms\": 100}, \"profile\": \"S1\""));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode body = json(r);

        Decision expected = new Tuner(v1).decide(MetricsFixtures.healthy().with(MetricName.CANCEL_RATIO, 0.6)
                .without(MetricName.FILLS).build(), new Overrides(Map.of(TunableField.MIN_INTERVAL_MS, 100.0)),
                profiles.get("S1"), 1, "2025-10-12T14:00:00Z", List.of());
        JsonNode overrides = body.get("overrides");
        assertThat(overrides.size()).isEqualTo(5);
        assertThat(overrides.get("min_interval_ms").asLong()).isEqualTo(120);
        assertThat(overrides.get("replace_rate_per_min").asLong())
                .isEqualTo(Math.round(expected.after().get(TunableField.REPLACE_RATE_PER_MIN).orElseThrow()));
        JsonNode explanation = body.get("explanation");
        assertThat(explanation.get("rules_fired").get(0).get("rule").asText()).isEqualTo("cancel_ratio_high");
        assertThat(explanation.get("proposals").get(0).get("actions").get(0).get("guard").asText())
                .isEqualTo("accept_proposal");
        assertThat(explanation.get("adjustments").size()).isEqualTo(2);
        assertThat(body.get("tuning_memory").get("moves").size()).isEqualTo(2);
        assertThat(body.get("rules").get("sha256").asText()).isEqualTo(v1.sha256());
        assertThat(server.decisions()).isEqualTo(1);
    }

    @Test
    void aDecisionPastItsTimeBudgetIs503AndTheServerStaysHealthy() throws Exception {
        Path rules = tmp.resolve("runaway");
        java.nio.file.Files.createDirectories(rules);
        java.nio.file.Files.copy(RulesFolders.FIXTURES.resolve("runaway/runaway.drl"), rules.resolve("runaway.drl"));
        java.nio.file.Files.copy(RulesFolders.V1.resolve("limits.json"), rules.resolve("limits.json"));
        server.ready(HotRules.fixed(RuleSetLoader.load(rules)), 0);
        DecisionBudget.configure(Map.of(DecisionBudget.ENV, "100"));
        try {
            HttpResponse<String> slow = post("/v1/tune", request(TestFiles.edgeReport("cancel_ratio", "0.95"), ""));
            assertThat(slow.statusCode()).as(slow.body()).isEqualTo(503);
            assertThat(json(slow).get("error").asText()).contains("time budget", "rule \"runaway\"");
            assertThat(http.send(HttpRequest.newBuilder(uri("/healthz")).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
            // The next decision runs without the 100 ms budget: what is checked is that the aborted session left
            // the server able to decide, not how fast a loaded machine decides (that once failed under load).
            DecisionBudget.configure(Map.of());
            HttpResponse<String> calm = post("/v1/tune", request(TestFiles.edgeReport("cancel_ratio", "0.1"), ""));
            assertThat(calm.statusCode()).as(calm.body()).isEqualTo(200);
        } finally {
            DecisionBudget.configure(Map.of());
        }
    }

    @Test
    void requestsAreIndependent() throws Exception {
        server.ready(HotRules.fixed(v1), 0);
        String body = request(TestFiles.edgeReport("order_age_p95_ms", "400"), "");
        String first = post("/v1/tune", body).body();
        post("/v1/tune", request(TestFiles.edgeReport("cancel_ratio", "0.9"), ""));
        assertThat(post("/v1/tune", body).body()).isEqualTo(first);
    }

    @Test
    void theMemoryACallerSendsBackDrivesTheAntiOscillationFreeze() throws Exception {
        server.ready(HotRules.fixed(v1), 0);
        String memory = "\"tuning_memory\": {\"moves\": [{\"field\": \"replace_rate_per_min\", \"iteration\": 2, "
                + "\"direction\": -1}, {\"field\": \"replace_rate_per_min\", \"iteration\": 3, \"direction\": 1}, "
                + "{\"field\": \"replace_rate_per_min\", \"iteration\": 4, \"direction\": -1}], \"frozen\": {}}";
        JsonNode body = json(post("/v1/tune", request(TestFiles.edgeReport("cancel_ratio", "0.6"), memory)));
        assertThat(body.get("iteration").asInt()).isEqualTo(5);
        assertThat(body.get("explanation").get("frozen").get(0).get("field").asText()).isEqualTo("replace_rate_per_min");
        assertThat(body.get("tuning_memory").get("frozen").get("replace_rate_per_min").asInt()).isEqualTo(2);
    }

    @Test
    void malformedJsonIs400() throws Exception {
        server.ready(HotRules.fixed(v1), 0);
        assertBadRequest("{\"edge_report\": {", null);
        assertBadRequest("", null);
        assertBadRequest("[1, 2]", null);
        assertBadRequest("{\"edge_report\": {\"totals\": {}}} trailing", null);
    }

    @Test
    void invalidFieldsAre400NamingTheField() throws Exception {
        server.ready(HotRules.fixed(v1), 0);
        String healthy = TestFiles.healthyReport();
        assertBadRequest("{}", "edge_report");
        assertBadRequest(request(TestFiles.edgeReport("cancel_ratio", "\"high\""), ""), "edge_report.totals.cancel_ratio");
        assertBadRequest(request(TestFiles.edgeReport("cancel_ratio", "-1"), ""), "edge_report.totals.cancel_ratio");
        assertBadRequest(request("{\"totals\": 3}", ""), "edge_report.totals");
        assertBadRequest(request(healthy, "\"overrides\": {\"min_interval_ms\": \"fast\"}"), "overrides.min_interval_ms");
        assertBadRequest(request(healthy, "\"overrides\": {\"bogus\": 1}"), "overrides.bogus");
        assertBadRequest(request(healthy, "\"profile\": \"S9\""), "profile");
        assertBadRequest(request(healthy, "\"profile\": \"/etc/passwd\""), "profile");
        assertBadRequest(request(healthy, "\"iteration\": 0"), "iteration");
        assertBadRequest(request(healthy, "\"surprise\": true"), "surprise");
        assertBadRequest(request(healthy, "\"tuning_memory\": {\"moves\": [{\"field\": \"x\", \"iteration\": 1, "
                + "\"direction\": 1}], \"frozen\": {}}"), "tuning_memory.moves[0].field");
        // A metric the rules read, absent: the decision cannot be made.
        assertBadRequest(request(TestFiles.edgeReport("cancel_ratio", null), ""), "edge_report.totals.cancel_ratio");
    }

    @Test
    void unknownPathIs404AndWrongMethodIs405() throws Exception {
        server.ready(HotRules.fixed(v1), 0);
        HttpResponse<String> missing = get("/v1/other");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(json(missing).get("error").asText()).contains("/v1/other");
        HttpResponse<String> getTune = get("/v1/tune");
        assertThat(getTune.statusCode()).isEqualTo(405);
        assertThat(getTune.headers().firstValue("Allow")).contains("POST");
        assertThat(post("/healthz", "{}").statusCode()).isEqualTo(405);
        assertThat(post("/v1/tune/extra", "{}").statusCode()).isEqualTo(404);
    }

    @Test
    void aBodyOver10MbIs413FromItsLengthAlone() throws Exception {
        server.ready(HotRules.fixed(v1), 0);
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /v1/tune HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: "
                    + (TuneServer.MAX_BODY_BYTES + 1) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String response = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            assertThat(response).isEqualTo("HTTP/1.1 413");
        }
        assertThat(post("/v1/tune", request(TestFiles.healthyReport(), "")).statusCode()).isEqualTo(200);
    }

    @Test
    void aChunkedBodyOver10MbIs413() throws Exception {
        server.ready(HotRules.fixed(v1), 0);
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            Thread writer = new Thread(() -> {
                try {
                    out.write("POST /v1/tune HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
                    byte[] chunk = new byte[1 << 20];
                    java.util.Arrays.fill(chunk, (byte) ' ');
                    for (int i = 0; i < 11; i++) {
                        out.write(("100000\r\n").getBytes(StandardCharsets.US_ASCII));
                        out.write(chunk);
                        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    }
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                } catch (IOException e) {
                    // the server may close once it has answered
                }
            });
            writer.start();
            String response = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            writer.join(30_000);
            assertThat(response).isEqualTo("HTTP/1.1 413");
        }
        assertThat(get("/healthz").statusCode()).isEqualTo(200);
    }

    @Test
    void aRuleEditIsPickedUpByTheReloadWithoutRestart() throws Exception {
        Path dir = RulesFolders.copyOfV1(tmp.resolve("v1"));
        RuleSet rules = RuleSetLoader.load(dir);
        server.ready(HotRules.watching(rules), 0);
        String body = request(TestFiles.edgeReport("cancel_ratio", "0.52"), "");
        assertThat(json(post("/v1/tune", body)).get("explanation").get("adjustments").size()).isZero();

        RulesFolders.edit(dir.resolve("triggers.drl"), "cancelRatio > 0.55", "cancelRatio > 0.50");
        server.reload();
        JsonNode after = json(post("/v1/tune", body));
        assertThat(after.get("explanation").get("adjustments").size()).isEqualTo(2);
        assertThat(after.get("rules").get("sha256").asText()).isNotEqualTo(rules.sha256());
        assertThat(markerText.toString()).contains("| rules_reload | OK | VERSION=v1");

        RulesFolders.edit(dir.resolve("triggers.drl"), "cancelRatio > 0.50", "cancelRatio >");
        server.reload();
        assertThat(markerText.toString()).contains("| rules_reload | FAIL |");
        assertThat(post("/v1/tune", body).statusCode()).isEqualTo(200); // the last good rules stay
    }

    private static String memory(int moves, int perIteration) {
        List<String> out = new ArrayList<>();
        List<String> fields = TunableField.keys();
        for (int k = 0; k < moves; k++) {
            out.add("{\"field\": \"" + fields.get(k % perIteration) + "\", \"iteration\": " + (1 + k / perIteration)
                    + ", \"direction\": " + (k / perIteration % 2 == 0 ? 1 : -1) + "}");
        }
        return "\"tuning_memory\": {\"moves\": [" + String.join(", ", out) + "], \"frozen\": {}}";
    }

    /** 1,000 moves (63 KB) used to run the server out of memory in the anti-oscillation joins, for good. */
    @Test
    void aMemoryBeyondTheBoundIs400AndTheServerStaysHealthy() throws Exception {
        server.ready(HotRules.fixed(v1), 0);
        // one field, 1,000 moves over the last 7 iterations, directions alternating: the shape that hung it
        List<String> moves = new ArrayList<>();
        for (int k = 0; k < 1000; k++) {
            moves.add("{\"field\": \"min_interval_ms\", \"iteration\": " + (994 + k % 7) + ", \"direction\": "
                    + (k / 7 % 2 == 0 ? 1 : -1) + "}");
        }
        String body = request(TestFiles.healthyReport(), "\"tuning_memory\": {\"moves\": [" + String.join(", ", moves)
                + "], \"frozen\": {}}, \"iteration\": 1001");
        assertThat(body.length()).isGreaterThan(60_000);
        HttpResponse<String> r = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> post("/v1/tune", body));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(json(r).get("field").asText()).isEqualTo("tuning_memory.moves");
        assertThat(json(r).get("error").asText()).contains("1000 entries", "more than the " + TuneRequest.MAX_MOVES);
        assertThat(get("/healthz").statusCode()).isEqualTo(200);
        assertThat(post("/v1/tune", request(TestFiles.healthyReport(), "")).statusCode()).isEqualTo(200);
    }

    @Test
    void aFullMemoryAtTheBoundIsDecided() throws Exception {
        server.ready(HotRules.fixed(v1), 0);
        String body = request(TestFiles.edgeReport("cancel_ratio", "0.6"), memory(TuneRequest.MAX_MOVES, 5));
        HttpResponse<String> r = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> post("/v1/tune", body));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(json(r).get("iteration").asInt()).isEqualTo(13);
    }

    @Test
    void aRepeatedMoveIs400() throws Exception {
        server.ready(HotRules.fixed(v1), 0);
        String move = "{\"field\": \"tail_age_ms\", \"iteration\": 3, \"direction\": 1}";
        assertBadRequest(request(TestFiles.healthyReport(), "\"tuning_memory\": {\"moves\": [" + move + ", " + move
                + "], \"frozen\": {}}"), "tuning_memory.moves[1]");
    }

    /** Moves outside the window the rules read are dropped, not carried on in the answer. */
    @Test
    void movesOutsideTheWindowArePruned() throws Exception {
        server.ready(HotRules.fixed(v1), 0);
        String body = request(TestFiles.healthyReport(), memory(6, 2) + ", \"iteration\": 40");
        HttpResponse<String> r = post("/v1/tune", body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(json(r).at("/tuning_memory/moves").size()).isZero();
    }

    /** Connections that never finish their headers (slowloris) used to take every request thread. */
    @Test
    void slowHeaderConnectionsDoNotStopHealthz() throws Exception {
        server.ready(HotRules.fixed(v1), 0);
        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) { // ten times the server's request threads
                Socket s = new Socket("127.0.0.1", server.port());
                s.getOutputStream().write("POST /v1/tune HTTP/1.1\r\nHost: x\r\nX-Slow: a".getBytes(StandardCharsets.US_ASCII));
                s.getOutputStream().flush();
                slow.add(s);
            }
            HttpResponse<String> health = assertTimeoutPreemptively(Duration.ofSeconds(3), () -> get("/healthz"));
            assertThat(health.statusCode()).isEqualTo(200);
            // and the slow ones are closed once idle, rather than held for ever
            Socket first = slow.get(0);
            first.setSoTimeout((int) TuneServer.IDLE_TIMEOUT_MS * 3);
            assertThat(first.getInputStream().read()).isEqualTo(-1);
        } finally {
            for (Socket s : slow) {
                s.close();
            }
        }
    }

    /** A 1 MB header used to reset the connection; it is refused with 431 and the server stays healthy. */
    @Test
    void anOversizedHeaderIs431() throws Exception {
        server.ready(HotRules.fixed(v1), 0);
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write("GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ".getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = "a".repeat(1024).getBytes(StandardCharsets.US_ASCII);
            try {
                for (int i = 0; i < 1024; i++) {
                    out.write(chunk);
                }
                out.write("\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            } catch (IOException closedWhileSending) {
                // the server may answer and close before the client has sent it all; the answer is still there
            }
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            assertThat(answer).startsWith("HTTP/1.1 431").contains("application/json")
                    .contains("{\"error\":\"request headers are larger than " + TuneServer.MAX_HEADER_BYTES);
        }
        assertThat(get("/healthz").statusCode()).isEqualTo(200);
    }
}
