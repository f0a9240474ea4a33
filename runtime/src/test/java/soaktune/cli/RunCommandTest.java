package soaktune.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import soaktune.io.Json;
import soaktune.model.TunableField;

/** `run --mock` end to end through the real CLI, checking every artifact it leaves. */
final class RunCommandTest {
    @TempDir
    Path tmp;

    private CliRun run(Path artifacts, String... extra) {
        List<String> args = new ArrayList<>(List.of("run", "--mock", "--artifacts", artifacts.toString(), "--seed", "7"));
        args.addAll(List.of(extra));
        return CliRun.run(args.toArray(String[]::new));
    }

    @Test
    void threeIterationMockAutoTuneLeavesACompleteConsistentAuditTrail() throws Exception {
        Path dir = tmp.resolve("soak");
        CliRun r = run(dir, "--iterations", "3", "--auto-tune");
        assertThat(r.code()).as(r.err()).isZero();
        for (int i = 1; i <= 3; i++) {
            assertThat(r.out()).contains("[ITER " + i + "/3] Starting iteration");
        }
        assertThat(r.out()).contains("[MINI-SOAK COMPLETE] 3 iterations with auto-tuning").contains("Final overrides: {");
        // The final overrides print as the seed shows them: indented JSON over several lines, not one escaped line.
        List<String> footer = r.out().lines().dropWhile(l -> !l.startsWith("Final overrides: ")).toList();
        assertThat(footer).first().isEqualTo("Final overrides: {");
        assertThat(footer).anyMatch(l -> l.matches("  \"min_interval_ms\": \\d+,?")).contains("}")
                .noneMatch(l -> l.contains("\\n"));
        assertThat(r.out().lines().filter(l -> l.startsWith("| ")))
                .allMatch(l -> l.matches("\\| [a-z_]+ \\| [A-Z]+ \\|( .+ \\|)?"), "marker shape");

        assertThat(Files.readString(dir.resolve("EDGE_REPORT.json"))).isEqualTo(Files.readString(dir.resolve("EDGE_REPORT_3.json")));
        JsonNode overrides = Json.readFile(dir.resolve("runtime_overrides.json"));
        JsonNode applied = Json.readFile(dir.resolve("applied_profile.json"));
        JsonNode limits = Json.readFile(Path.of("rules/v1/limits.json"));
        for (TunableField f : TunableField.values()) {
            double v = overrides.get(f.key()).asDouble();
            assertThat(v).as(f.key()).isBetween(limits.at("/" + f.key() + "/min").asDouble(),
                    limits.at("/" + f.key() + "/max").asDouble());
            assertThat(applied.at("/overrides_runtime/" + f.key()).asDouble()).isEqualTo(v);
        }

        // Every adjustment in the three summaries is in the history, in order, and the chain is continuous.
        List<JsonNode> fromSummaries = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            JsonNode summary = Json.readFile(dir.resolve("ITER_SUMMARY_" + i + ".json"));
            assertThat(summary.get("iteration").asInt()).isEqualTo(i);
            assertThat(summary.at("/rules/sha256").asText()).isEqualTo(applied.at("/rules/sha256").asText());
            assertThat(summary.at("/metrics/net_bps").isNumber()).isTrue();
            assertThat(summary.at("/decision/rules_fired").isArray()).isTrue();
            summary.at("/decision/adjustments").forEach(fromSummaries::add);
            assertSortedKeys(summary);
        }
        JsonNode history = applied.get("runtime_adjustments");
        assertThat(history).hasSize(fromSummaries.size());
        for (int k = 0; k < history.size(); k++) {
            assertThat(history.get(k).get("field")).isEqualTo(fromSummaries.get(k).get("field"));
            assertThat(history.get(k).get("to")).isEqualTo(fromSummaries.get(k).get("to"));
            assertThat(history.get(k).get("rules_sha256").asText()).hasSize(64);
        }
        assertThat(fromSummaries).as("S1 starts out failing a KPI under the default mock").isNotEmpty();
        for (int i = 2; i <= 3; i++) {
            JsonNode previous = Json.readFile(dir.resolve("ITER_SUMMARY_" + (i - 1) + ".json"));
            JsonNode summary = Json.readFile(dir.resolve("ITER_SUMMARY_" + i + ".json"));
            assertThat(summary.at("/decision/overrides_before")).as("iteration %d builds on %d", i, i - 1)
                    .isEqualTo(previous.at("/decision/overrides_after"));
        }
        JsonNode last = Json.readFile(dir.resolve("ITER_SUMMARY_3.json"));
        assertThat(last.at("/decision/overrides_after")).isEqualTo(overrides);
    }

    @Test
    void sameSeedAndFrozenClockGiveByteIdenticalArtifacts() throws Exception {
        run(tmp.resolve("a"), "--iterations", "2", "--auto-tune");
        run(tmp.resolve("b"), "--iterations", "2", "--auto-tune");
        assertThat(TestFiles.checksums(tmp.resolve("a"))).isEqualTo(TestFiles.checksums(tmp.resolve("b")));
    }

    @Test
    void withoutAutoTuneNothingIsTunedAndNoOverridesFileIsWritten() throws Exception {
        Path dir = tmp.resolve("soak");
        CliRun r = run(dir, "--iterations", "2");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Files.exists(dir.resolve("runtime_overrides.json"))).isFalse();
        assertThat(r.out()).doesNotContain("runtime_adjust").contains("2 iterations without auto-tuning");
        assertThat(Json.readFile(dir.resolve("ITER_SUMMARY_2.json")).get("tuning").asText()).isEqualTo("disabled");
        assertThat(Json.readFile(dir.resolve("applied_profile.json")).get("runtime_adjustments")).isEmpty();
    }

    @Test
    void startingOverridesComeFromTheEnvironment() throws Exception {
        Path dir = tmp.resolve("soak");
        CliRun r = CliRun.run(Map.of("MM_RUNTIME_OVERRIDES_JSON", "{\"min_interval_ms\": 150}"), "run", "--mock",
                "--iterations", "1", "--artifacts", dir.toString());
        assertThat(r.out()).contains("SOURCE=env");
        assertThat(Json.readFile(dir.resolve("ITER_SUMMARY_1.json")).at("/applied/min_interval_ms").asDouble())
                .isEqualTo(150.0);
    }

    @Test
    void everyIterationIsGatedAndGateFinalSetsTheExitCode() throws Exception {
        Path dir = tmp.resolve("soak");
        CliRun r = run(dir, "--iterations", "3", "--auto-tune", "--gate-final");
        assertThat(r.out().lines().filter(l -> l.startsWith("| kpi_gate | "))).hasSize(3);
        JsonNode gate = Json.readFile(dir.resolve("KPI_GATE.json"));
        assertThat(gate.get("iteration_verdicts")).hasSize(3);
        String finalVerdict = gate.get("iteration_verdicts").get(2).asText();
        assertThat(gate.get("verdict").asText()).isEqualTo(finalVerdict);
        assertThat(r.out()).contains("| kpi_gate_soak | " + finalVerdict + " | FINAL=" + finalVerdict + " ");
        int expected = switch (finalVerdict) {
            case "OK" -> 0;
            case "INCONCLUSIVE" -> 3;
            default -> 1;
        };
        assertThat(r.code()).isEqualTo(expected);
        assertThat(Json.readFile(dir.resolve("ITER_SUMMARY_1.json")).at("/gate/verdict").isTextual()).isTrue();
    }

    @Test
    void anInconclusiveGateHoldsTheTunersHand() throws Exception {
        Path dir = tmp.resolve("soak");
        CliRun r = CliRun.run(Map.of("KPI_MIN_FILLS", "1000000"), "run", "--mock", "--iterations", "2", "--auto-tune",
                "--artifacts", dir.toString(), "--gate-final");
        assertThat(r.code()).isEqualTo(ExitCodes.INCONCLUSIVE);
        assertThat(r.out()).contains("| soak_iter_tune | SKIP | REASON=inconclusive:EDGE:fills<1000000 |")
                .doesNotContain("runtime_adjust");
        assertThat(Json.readFile(dir.resolve("ITER_SUMMARY_2.json")).get("tuning").asText()).isEqualTo("held");
    }

    @Test
    void hoursBecomeIterationsOfTheGivenLength() {
        CliRun r = run(tmp.resolve("soak"), "--hours", "0.5", "--iteration-minutes", "10");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("[ITER 3/3]").doesNotContain("[ITER 4/");
    }

    @Test
    void iterationsAndHoursAreExclusiveAndOneIsRequired() {
        assertThat(run(tmp, "--iterations", "2", "--hours", "1").code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run(tmp).code()).isEqualTo(ExitCodes.INVALID_INPUT);
        CliRun zero = run(tmp, "--iterations", "0");
        assertThat(zero.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(zero.err()).contains("--iterations: must be between 1 and 1000000, got 0");
    }

    private static void assertSortedKeys(JsonNode node) {
        if (node.isObject()) {
            List<String> keys = new ArrayList<>();
            Iterator<String> it = node.fieldNames();
            it.forEachRemaining(keys::add);
            assertThat(keys).isSorted();
            node.elements().forEachRemaining(RunCommandTest::assertSortedKeys);
        } else if (node.isArray()) {
            node.elements().forEachRemaining(RunCommandTest::assertSortedKeys);
        }
    }
}
