package soaktune.soak;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import soaktune.cli.CliRun;
import soaktune.cli.ExitCodes;
import soaktune.cli.TestFiles;
import soaktune.artifacts.SoakState;
import soaktune.io.Json;

/**
 * Crash safety with real processes: a seeded mock soak killed with SIGKILL at several points and resumed
 * each time ends exactly like one that ran straight through; SIGTERM and SIGINT stop it cleanly.
 */
final class KillAndResumeTest {
    private static final Map<String, String> ENV = Map.of("MM_FREEZE_UTC_ISO", "2025-10-12T14:00:00Z");
    private static final int N = 40;

    @TempDir
    Path tmp;

    @Test
    void killedAtSeveralPointsAndResumedEqualsAStraightRun() throws Exception {
        Path straight = tmp.resolve("straight");
        CliRun reference = CliRun.run(ENV, "run", "--iterations", String.valueOf(N), "--mock", "--auto-tune",
                "--seed", "11", "--artifacts", straight.toString());
        assertThat(reference.code()).as(reference.err()).isZero();

        Path killed = tmp.resolve("killed");
        String[] first = {"run", "--iterations", String.valueOf(N), "--mock", "--auto-tune", "--seed", "11",
                "--artifacts", killed.toString()};
        String[] resume = {"run", "--resume", "--artifacts", killed.toString()};
        int kills = 0;
        int[] killAt = {2, 9, 17, 26};
        for (int k = 0; k < killAt.length; k++) {
            try (ChildJvm child = ChildJvm.start(ENV, k == 0 ? first : resume)) {
                if (child.awaitLine("[ITER " + killAt[k] + "/", 60_000)) {
                    child.kill9();
                    kills++;
                } else {
                    assertThat(child.waitFor(60_000)).as(child.output()).isZero();
                }
            }
        }
        assertThat(kills).as("at least one kill landed mid-soak").isPositive();
        Path state = killed.resolve(SoakState.NAME);
        if (!Json.readFile(state).get("status").asText().equals("complete")) {
            try (ChildJvm child = ChildJvm.start(ENV, resume)) {
                assertThat(child.waitFor(120_000)).as(child.output()).isZero();
                assertThat(child.output()).contains("| soak_resume | OK | FROM_ITERATION=");
            }
        }
        for (String file : new String[] {"runtime_overrides.json", "applied_profile.json", "EDGE_REPORT.json",
                "ITER_SUMMARY_" + N + ".json"}) {
            assertThat(Files.readString(killed.resolve(file))).as(file)
                    .isEqualTo(Files.readString(straight.resolve(file)));
        }
        assertThat(TestFiles.checksums(killed).keySet()).noneMatch(name -> name.endsWith(".tmp"));
    }

    @Test
    void sigtermStopsCleanlyWritesStateAndExits143() throws Exception {
        Path dir = tmp.resolve("term");
        try (ChildJvm child = ChildJvm.start(ENV, "run", "--iterations", "100000", "--mock", "--auto-tune",
                "--artifacts", dir.toString())) {
            assertThat(child.awaitLine("[ITER 3/", 60_000)).as(child.output()).isTrue();
            new ProcessBuilder("kill", "-TERM", String.valueOf(child.pid())).start().waitFor();
            assertThat(child.waitFor(60_000)).isEqualTo(ExitCodes.TERMINATED);
            assertThat(child.output()).contains("[MINI-SOAK INTERRUPTED]").contains("stopped by SIGTERM")
                    .contains("Final overrides: {");
        }
        var state = Json.readFile(dir.resolve(SoakState.NAME));
        assertThat(state.get("status").asText()).isEqualTo("interrupted");
        int completed = state.get("completed_iterations").asInt();
        assertThat(completed).isGreaterThanOrEqualTo(2);
        assertThat(Files.exists(dir.resolve("ITER_SUMMARY_" + completed + ".json"))).isTrue();
        assertThat(TestFiles.checksums(dir).keySet()).noneMatch(name -> name.endsWith(".tmp"));
    }

    @Test
    void aRunStartedWithSigintIgnoredSaysSoAtStart() throws Exception {
        List<String> cmd = new ArrayList<>(List.of("bash", "-c", "trap '' INT; exec \"$@\"", "bash",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), "soaktune.cli.Main", "run", "--iterations", "1", "--mock",
                "--artifacts", tmp.resolve("nohup").toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("soaktune: note: " + StopSignal.SIGINT_IGNORED);
    }

    @Test
    void sigintExits130AndTheSoakResumesAfterwards() throws Exception {
        Path dir = tmp.resolve("int");
        try (ChildJvm child = ChildJvm.start(ENV, "run", "--iterations", "100000", "--mock", "--artifacts",
                dir.toString())) {
            assertThat(child.awaitLine("[ITER 2/", 60_000)).as(child.output()).isTrue();
            // Started in the background by a script (or under nohup), this whole test run ignores SIGINT.
            Assumptions.assumeFalse(child.output().contains(StopSignal.SIGINT_IGNORED),
                    "skipped: this environment ignores SIGINT (" + StopSignal.SIGINT_IGNORED + ")");
            new ProcessBuilder("kill", "-INT", String.valueOf(child.pid())).start().waitFor();
            assertThat(child.waitFor(60_000)).isEqualTo(ExitCodes.INTERRUPTED);
            assertThat(child.output()).contains("stopped by SIGINT");
        }
        // resuming with a different length is refused, naming both numbers
        CliRun wrong = CliRun.run(ENV, "run", "--resume", "--iterations", "5", "--artifacts", dir.toString());
        assertThat(wrong.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(wrong.err()).contains("--iterations: is 5 but the soak was started with 100000");
    }

    @Test
    void aSecondRunOnTheSameFolderIsRefusedNamingTheHolder() throws Exception {
        Path dir = tmp.resolve("locked");
        try (ArtifactsLock held = ArtifactsLock.acquire(dir)) {
            CliRun second = CliRun.run(ENV, "run", "--iterations", "1", "--mock", "--artifacts", dir.toString());
            assertThat(second.code()).isEqualTo(ExitCodes.LOCKED);
            assertThat(second.err().strip()).isEqualTo("soaktune: error: " + dir + " is in use by another soaktune run"
                    + " (PID " + ProcessHandle.current().pid() + "); stop it first or use another --artifacts folder");
        }
        assertThat(CliRun.run(ENV, "run", "--iterations", "1", "--mock", "--artifacts", dir.toString()).code()).isZero();
    }

    @Test
    void resumingACompleteSoakIsRefused() {
        Path dir = tmp.resolve("done");
        assertThat(CliRun.run(ENV, "run", "--iterations", "2", "--mock", "--artifacts", dir.toString()).code()).isZero();
        CliRun again = CliRun.run(ENV, "run", "--resume", "--artifacts", dir.toString());
        assertThat(again.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(again.err()).contains("soak_state.json: status: the soak is already complete (2 iterations)");
    }
}
