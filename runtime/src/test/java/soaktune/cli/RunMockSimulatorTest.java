package soaktune.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import soaktune.io.Json;

/** {@code run --mock} end to end through the real command line, with the causal simulator behind it. */
final class RunMockSimulatorTest {
    private static final Map<String, String> ENV = Map.of("MM_FREEZE_UTC_ISO", "2025-01-01T00:00:00Z");

    @TempDir
    Path dir;

    private record Result(int code, String out, String err) {
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.commandLine(ENV, new PrintWriter(out), new PrintWriter(err)).execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void runThreeIterations_autoTune_defaultScenario() throws Exception {
        Path artifacts = dir.resolve("soak");
        Result r = run("run", "--iterations", "3", "--mock", "--auto-tune", "--scenario", "default",
                "--artifacts", artifacts.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("| sim_scenario | OK | SCENARIO=default SOURCE=built-in |")
                .contains("mock:sim scenario=default seed=1").contains("[MINI-SOAK COMPLETE] 3 iterations with auto-tuning");
        for (int i = 1; i <= 3; i++) {
            JsonNode report = Json.readFile(artifacts.resolve("EDGE_REPORT_" + i + ".json"));
            assertThat(report.get("runtime").get("iteration").intValue()).isEqualTo(i);
            assertThat(report.get("runtime").get("utc").asText()).isEqualTo("2025-01-01T00:00:00Z");
        }
        // S1 starts out over some targets in the default scenario, so the rules change something.
        JsonNode applied = Json.readFile(artifacts.resolve("applied_profile.json"));
        assertThat(applied.get("runtime_adjustments").size()).isPositive();
        // The applied parameters the strategy ran with in iteration 2 are the ones iteration 1 decided.
        JsonNode summary1 = Json.readFile(artifacts.resolve("ITER_SUMMARY_1.json"));
        JsonNode report2 = Json.readFile(artifacts.resolve("EDGE_REPORT_2.json"));
        assertThat(report2.get("runtime").get("params").get("min_interval_ms").doubleValue())
                .isEqualTo(summary1.get("decision").get("overrides_after").get("min_interval_ms").doubleValue());
    }

    @Test
    void sameRunTwice_byteIdenticalReports() throws Exception {
        for (String name : new String[] {"a", "b"}) {
            assertThat(run("run", "--iterations", "2", "--mock", "--auto-tune", "--scenario", "volatile", "--seed", "5",
                    "--artifacts", dir.resolve(name).toString()).code()).isZero();
        }
        for (int i = 1; i <= 2; i++) {
            assertThat(Files.readAllBytes(dir.resolve("a/EDGE_REPORT_" + i + ".json")))
                    .isEqualTo(Files.readAllBytes(dir.resolve("b/EDGE_REPORT_" + i + ".json")));
        }
    }

    @Test
    void unknownScenario_exit2_nothingWritten() {
        Path artifacts = dir.resolve("soak");
        Result r = run("run", "--iterations", "1", "--mock", "--scenario", "stormy", "--artifacts", artifacts.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(r.err()).startsWith("soaktune: error: --scenario: unknown scenario 'stormy'");
        assertThat(artifacts).doesNotExist();
    }

    @Test
    void badScenarioFile_exit2_namesFileAndField() throws Exception {
        Path file = dir.resolve("s.json");
        Files.writeString(file, "{\"jitter_ms\": 1, \"lag\": 3}");
        Result r = run("run", "--iterations", "1", "--mock", "--scenario", file.toString(), "--artifacts",
                dir.resolve("soak").toString());
        assertThat(r.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(r.err()).startsWith("soaktune: error: " + file + ": lag: unknown field");
        assertThat(dir.resolve("soak")).doesNotExist();
    }

    @Test
    void badMarketData_exit2_namesFileAndLine_nothingWritten() throws Exception {
        Path data = Files.createDirectory(dir.resolve("data"));
        Files.writeString(data.resolve("x_bookTicker.csv"), "local_ts_ns,update_id,best_bid_price,best_bid_qty,"
                + "best_ask_price,best_ask_qty\n2,1,100,1,101,1\n1,2,100,1,101,1\n");
        Files.writeString(data.resolve("x_trades.csv"), "local_ts_ns,trade_id,price,qty,trade_time_ms,"
                + "event_time_ms,is_buyer_maker\n2,1,100,1,0,0,true\n");
        Path artifacts = dir.resolve("soak");
        Result r = run("run", "--iterations", "1", "--mock", "--market-data", data.toString(), "--artifacts",
                artifacts.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(r.err()).contains("x_bookTicker.csv: line 3: rows out of time order");
        assertThat(artifacts).doesNotExist();
    }

    @Test
    void replayStop_refusesARunLongerThanTheCapture() throws Exception {
        Path data = Files.createDirectory(dir.resolve("data"));
        StringBuilder q = new StringBuilder("local_ts_ns,update_id,best_bid_price,best_bid_qty,best_ask_price,"
                + "best_ask_qty\n");
        for (int s = 0; s <= 90; s++) {
            q.append(s * 1_000_000_000L).append(',').append(s).append(",100,1,100.02,1\n");
        }
        Files.writeString(data.resolve("x_bookTicker.csv"), q.toString());
        Files.writeString(data.resolve("x_trades.csv"), "local_ts_ns,trade_id,price,qty,trade_time_ms,"
                + "event_time_ms,is_buyer_maker\n500000000,1,100.02,1,0,0,false\n");
        Path artifacts = dir.resolve("soak");
        // 90 s of capture = 1.5 one-minute iterations: two fit (the second partial), three do not.
        Result tooLong = run("run", "--iterations", "3", "--iteration-minutes", "1", "--mock", "--market-data",
                data.toString(), "--replay-end", "stop", "--artifacts", artifacts.toString());
        assertThat(tooLong.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(tooLong.err()).contains("--iterations: 3 iterations of 1 minutes need more than the 1.50 minutes");
        assertThat(artifacts).doesNotExist();
        Result fits = run("run", "--iterations", "2", "--iteration-minutes", "1", "--mock", "--market-data",
                data.toString(), "--replay-end", "stop", "--artifacts", artifacts.toString());
        assertThat(fits.code()).as(fits.err()).isZero();
        assertThat(fits.out()).contains("| market_data | OK | QUOTES=91 TRADES=1 SPAN_MIN=1.50 END=stop |")
                .contains("| calibration | SKIP |");
        assertThat(Json.readFile(artifacts.resolve("EDGE_REPORT_2.json")).get("runtime").get("replay")
                .get("partial").booleanValue()).isTrue();
    }
}
