package soaktune.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import soaktune.soak.ArtifactsLock;

/**
 * The README's reproducible command, run twice into the same folder: a plain second run is refused (nothing
 * touched), and with {@code --fresh} the old soak is moved aside and the new one is byte-identical to it.
 */
final class FreshRunTest {
    private static final Map<String, String> FROZEN = Map.of("MM_FREEZE_UTC_ISO", "2025-10-12T14:00:00Z");

    @TempDir
    Path tmp;

    @Test
    void aSecondRunIsRefusedAndAFreshOneIsByteIdentical() throws Exception {
        Path soak = tmp.resolve("soak");
        String[] readme = {"run", "--iterations", "3", "--mock", "--auto-tune", "--artifacts", soak.toString()};
        CliRun first = CliRun.run(FROZEN, readme);
        assertThat(first.code()).as(first.err()).isZero();
        Map<String, String> before = checksums(soak);
        assertThat(before).containsKeys("soak_state.json", "ITER_SUMMARY_3.json", "report.html");

        CliRun plain = CliRun.run(FROZEN, readme);
        assertThat(plain.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(plain.err().strip()).isEqualTo("soaktune: error: " + soak + " holds a previous soak ("
                + soak.resolve("soak_state.json") + "): continue it with --resume, move it aside with --fresh, "
                + "or choose another --artifacts");
        assertThat(plain.out()).doesNotContain("[ITER").doesNotContain("rules_load");
        assertThat(checksums(soak)).isEqualTo(before);

        String[] fresh = {"run", "--iterations", "3", "--mock", "--auto-tune", "--artifacts", soak.toString(),
                "--fresh"};
        CliRun second = CliRun.run(FROZEN, fresh);
        assertThat(second.code()).as(second.err()).isZero();
        Path aside = tmp.resolve("soak.20251012T140000Z");
        assertThat(second.out()).contains("| soak_fresh | OK | MOVED_TO=" + aside + " |");
        assertThat(checksums(aside)).as("the old soak, moved aside whole").isEqualTo(before);
        assertThat(checksums(soak)).as("the new soak, byte for byte").isEqualTo(before);

        CliRun third = CliRun.run(FROZEN, fresh);
        assertThat(third.code()).as(third.err()).isZero();
        assertThat(checksums(tmp.resolve("soak.20251012T140000Z-2"))).as("a second move never overwrites the first")
                .isEqualTo(before);
    }

    @Test
    void resumeAndFreshTogetherAreRefused() {
        CliRun r = CliRun.run(FROZEN, "run", "--resume", "--fresh", "--artifacts", tmp.resolve("x").toString());
        assertThat(r.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(r.err()).contains("--resume/--fresh");
        assertThat(tmp.resolve("x")).doesNotExist();
    }

    @Test
    void aHandPlacedOverridesFileIsStillHonoured() throws Exception {
        Path soak = Files.createDirectories(tmp.resolve("manual"));
        Files.writeString(soak.resolve("runtime_overrides.json"), "{\"min_interval_ms\": 90}");
        CliRun r = CliRun.run(FROZEN, "run", "--iterations", "1", "--mock", "--artifacts", soak.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("| runtime_overrides | OK | SOURCE=file |");
    }

    /** sha256 of every file in the soak folder except the lock (which names the process holding it). */
    private static Map<String, String> checksums(Path dir) throws Exception {
        Map<String, String> out = new TreeMap<>(TestFiles.checksums(dir));
        out.remove(ArtifactsLock.FILE);
        try (Stream<Path> list = Files.list(dir)) {
            assertThat(list.count()).isPositive();
        }
        return out;
    }
}
