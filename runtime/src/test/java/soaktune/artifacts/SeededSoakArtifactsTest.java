package soaktune.artifacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import soaktune.cli.CliRun;
import soaktune.io.Json;
import soaktune.io.InputException;
import soaktune.soak.ArtifactsLock;

/**
 * A fixed seeded soak (the built-in rules, as the jar run from anywhere uses them) writes exactly the files committed in {@code golden/seed42-soak} (written by the build
 * before the artifact records, when ITER_SUMMARY was an untyped map), and each record reads its file back and
 * writes it again byte for byte: one type per artifact, both ways. (report.html is not committed: it names the
 * build, which differs in-process; {@code scripts/artifacts-identical.sh} compares it between two jars.)
 */
final class SeededSoakArtifactsTest {
    private static final Path GOLDEN = Path.of("runtime/src/test/resources/golden/seed42-soak");

    @TempDir
    static Path tmp;

    private static Path soak;

    private static synchronized Path soak() {
        if (soak == null) {
            soak = tmp.resolve("soak");
            CliRun r = CliRun.run(Map.of("MM_FREEZE_UTC_ISO", "2025-10-12T14:00:00Z"), "run", "--iterations", "3",
                    "--mock", "--auto-tune", "--seed", "42", "--rules", "builtin:v1", "--artifacts", soak.toString());
            assertThat(r.code()).as(r.err()).isZero();
        }
        return soak;
    }

    @Test
    void theSeededSoak_writesTheCommittedFilesByteForByte() throws Exception {
        TreeSet<String> expected = names(GOLDEN);
        expected.add("report.html");
        TreeSet<String> written = names(soak());
        written.remove(ArtifactsLock.FILE);
        assertThat(written).isEqualTo(expected);
        expected.remove("report.html");
        for (String name : expected) {
            assertThat(text(soak().resolve(name))).as(name).isEqualTo(text(GOLDEN.resolve(name)));
        }
    }

    @Test
    void everyRecord_readsItsFileAndWritesItBackUnchanged() throws Exception {
        for (int i = 1; i <= 3; i++) {
            Path file = IterationSummary.file(GOLDEN, i);
            assertThat(rewritten(IterationSummary.read(file))).as(file.toString()).isEqualTo(text(file));
        }
        Path applied = GOLDEN.resolve(AppliedProfile.NAME);
        assertThat(rewritten(AppliedProfile.read(applied))).isEqualTo(text(applied));
        assertThat(rewritten(SoakState.read(GOLDEN))).isEqualTo(text(GOLDEN.resolve(SoakState.NAME)));
        Path gate = GOLDEN.resolve(KpiGateFile.NAME);
        assertThat(rewritten(KpiGateFile.read(gate))).isEqualTo(text(gate));
    }

    @Test
    void aSummaryWithoutAReport_leavesOutWhatItLacks_andKeepsANullThreshold() throws Exception {
        IterationSummary first = IterationSummary.read(IterationSummary.file(GOLDEN, 1));
        IterationSummary held = new IterationSummary(2, 3, first.ts(), first.profile(), first.rules(), first.source(),
                first.applied(), null, null, null, null, "held", "no_new_report: none within 1 s");
        String json = rewritten(held);
        assertThat(json).contains("\"inconclusive\": \"no_new_report: none within 1 s\"")
                .doesNotContain("\"gate\"", "\"metrics\"", "\"decision\"", "\"rules_runtime_failure\"");
        assertThat(IterationSummary.read(Files.writeString(tmp.resolve("held.json"), json))).isEqualTo(held);
        // net_bps has no warn threshold: the file says so with an explicit null, and only below-thresholds.
        assertThat(rewritten(first.gate().metrics().get("net_bps")))
                .isEqualTo(String.join("\n", "{", "  \"fail_below\": 2.5,", "  \"tag\": \"EDGE:net_bps\",",
                        "  \"value\": 2.4753,", "  \"verdict\": \"FAIL\",", "  \"warn_below\": null", "}", ""));
    }

    @Test
    void aWrongType_namesTheFileAndTheFieldPath() throws Exception {
        String state = text(GOLDEN.resolve(SoakState.NAME)).replace("\"auto_tune\": true", "\"auto_tune\": \"yes\"");
        Path dir = Files.createDirectories(tmp.resolve("bad"));
        Files.writeString(dir.resolve(SoakState.NAME), state);
        assertThatInput(() -> SoakState.read(dir), dir.resolve(SoakState.NAME)
                + ": auto_tune: must be true or false, got string \"yes\"");
        Path summary = Files.writeString(dir.resolve("ITER_SUMMARY_1.json"),
                text(IterationSummary.file(GOLDEN, 1)).replace("\"rules\": {", "\"rules_gone\": {"));
        assertThatInput(() -> IterationSummary.read(summary), summary + ": rules: is missing");
        Path adjustment = Files.writeString(dir.resolve("ITER_SUMMARY_2.json"),
                text(IterationSummary.file(GOLDEN, 1)).replace("\"from\": 60,", ""));
        assertThatInput(() -> IterationSummary.read(adjustment), adjustment
                + ": decision.adjustments[0].from: is missing");
        Path alone = Files.createDirectories(tmp.resolve("nulled"));
        Path nulled = Files.writeString(IterationSummary.file(alone, 1),
                text(IterationSummary.file(GOLDEN, 1)).replace("\"from\": 60,", "\"from\": null,"));
        assertThatInput(() -> soaktune.report.ArtifactsReader.read(alone), nulled
                + ": decision.adjustments[0]: needs field, from and to (one is null)");
        String memory = state.replace("\"auto_tune\": \"yes\"", "\"auto_tune\": true")
                .replace("\"moves\": [", "\"moves\": [ {\"field\": \"spread\", \"iteration\": 1, \"direction\": 1},");
        Files.writeString(dir.resolve(SoakState.NAME), memory);
        assertThatInput(() -> SoakState.read(dir), dir.resolve(SoakState.NAME)
                + ": tuning_memory.moves[0].field: is not a tunable field: spread");
    }

    private interface Read {
        Object run() throws Exception;
    }

    private static void assertThatInput(Read read, String message) {
        try {
            read.run();
        } catch (Exception e) {
            assertThat(e).isInstanceOf(InputException.class).hasMessage(message);
            return;
        }
        throw new AssertionError("no error: expected " + message);
    }

    private static String rewritten(Object record) {
        return new String(Json.toBytes(record), StandardCharsets.UTF_8);
    }

    private static String text(Path file) throws Exception {
        return Files.readString(file);
    }

    private static TreeSet<String> names(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return new TreeSet<>(files.map(p -> p.getFileName().toString()).toList());
        }
    }

}
