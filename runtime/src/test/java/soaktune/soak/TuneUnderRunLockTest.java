package soaktune.soak;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import soaktune.cli.CliRun;
import soaktune.cli.ExitCodes;
import soaktune.cli.TestFiles;

/** A one-shot `tune --out` into a folder a live `run` (a real child process) holds: exit 5, nothing written. */
final class TuneUnderRunLockTest {
    @TempDir
    Path tmp;

    @Test
    void tuneIntoALiveRunsFolderIsRefusedWithExit5() throws Exception {
        Path artifacts = tmp.resolve("soak");
        Path drop = Files.createDirectories(tmp.resolve("drop")); // no report ever arrives: the run waits
        Path report = TestFiles.write(tmp.resolve("EDGE_REPORT.json"), TestFiles.edgeReport("cancel_ratio", "0.7"));
        try (ChildJvm run = ChildJvm.start(Map.of("MM_ALLOW_MISSING_SECRETS", "1", "MM_FREEZE_UTC_ISO",
                "2025-10-12T14:00:00Z"), "run", "--source", "file:" + drop, "--iterations", "1", "--auto-tune",
                "--report-timeout", "60", "--poll-ms", "50", "--artifacts", artifacts.toString())) {
            // the run saves applied_profile.json, then waits for a report that never comes
            assertThat(run.awaitLine("| save_applied_profile | OK", 30_000)).as(run.output()).isTrue();
            Map<String, String> before = TestFiles.checksums(artifacts);

            CliRun r = CliRun.run("tune", "--edge-report", report.toString(), "--out",
                    artifacts.resolve("runtime_overrides.json").toString());
            assertThat(r.code()).as(r.out() + r.err()).isEqualTo(ExitCodes.LOCKED);
            assertThat(r.err().strip()).startsWith("soaktune: error: ").contains("in use by another soaktune run (PID "
                    + run.pid() + ")");
            assertThat(TestFiles.checksums(artifacts)).isEqualTo(before);
            assertThat(artifacts.resolve("runtime_overrides.json")).doesNotExist();
        }
    }
}
