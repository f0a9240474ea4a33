package soaktune.rules.engine;

import soaktune.rules.RuleOutcome;
import soaktune.rules.RulesFolders;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import soaktune.cli.CliRun;
import soaktune.cli.ExitCodes;
import soaktune.cli.TestFiles;
import soaktune.io.InputException;
import soaktune.model.MetricName;
import soaktune.tuning.MetricsFixtures;

/** The time budget of one decision: the last guard, for a rule set the sandbox accepts but that never settles. */
final class DecisionBudgetTest {
    @TempDir
    Path tmp;

    @AfterEach
    void defaultBudget() throws InputException {
        DecisionBudget.configure(Map.of());
    }

    static Path runaway(Path dir) throws Exception {
        Files.createDirectories(dir);
        Files.copy(RulesFolders.FIXTURES.resolve("runaway/runaway.drl"), dir.resolve("runaway.drl"));
        Files.copy(RulesFolders.V1.resolve("limits.json"), dir.resolve("limits.json"));
        Files.copy(RulesFolders.V1.resolve("kpi_thresholds.json"), dir.resolve("kpi_thresholds.json"));
        return dir;
    }

    @Test
    void aRunawayDecisionFailsNamingTheRuleAndTheSessionsStayUsable() throws Exception {
        RuleSet rules = RuleSetLoader.load(runaway(tmp.resolve("rules")));
        List<?> runawayFacts = List.of(MetricsFixtures.healthy().with(MetricName.CANCEL_RATIO, 0.95).build());
        // The first firing of a fresh rule base loads its classes; let that happen before the budget is tight.
        assertThatThrownBy(() -> RuleEngine.evaluate(rules, runawayFacts, Duration.ofMillis(1000)))
                .isInstanceOf(DecisionTimeoutException.class);
        assertThatThrownBy(() -> RuleEngine.evaluate(rules, runawayFacts, Duration.ofMillis(100)))
                .isInstanceOf(DecisionTimeoutException.class)
                .hasMessageContaining("time budget of 100 ms")
                .hasMessageContaining("rule \"runaway\"");

        // A wide budget for the calm decision: what counts is that the session is usable, not how fast it is.
        RuleOutcome calm = RuleEngine.evaluate(rules, List.of(MetricsFixtures.healthy().build()), Duration.ofMillis(5000));
        assertThat(calm.proposals()).isEmpty();
        assertThat(calm.firings()).isEmpty();
    }

    @Test
    void theBudgetComesFromTheEnvironmentAndABadValueNamesTheVariable() throws Exception {
        DecisionBudget.configure(Map.of(DecisionBudget.ENV, "250"));
        assertThat(DecisionBudget.current()).isEqualTo(Duration.ofMillis(250));
        for (String bad : List.of("abc", "0", "-5", "99999999")) {
            assertThatThrownBy(() -> DecisionBudget.configure(Map.of(DecisionBudget.ENV, bad)))
                    .isInstanceOf(InputException.class).hasMessageContaining(DecisionBudget.ENV);
        }
        DecisionBudget.configure(Map.of());
        assertThat(DecisionBudget.current()).isEqualTo(DecisionBudget.DEFAULT);
    }

    @Test
    void runStopsWithExitFourAndKeepsTheLastCompletedIterationResumable() throws Exception {
        Path rules = runaway(tmp.resolve("rules"));
        // Run away from the second iteration on, whatever the simulated market does.
        RulesFolders.edit(rules.resolve("runaway.drl"), "    Metrics( cancelRatio > 0.9 )",
                "    soaktune.model.IterationContext( iteration >= 2 )");
        Path artifacts = tmp.resolve("soak");
        // 1 s, not 100 ms: iteration 1 (a fresh rule base loading its classes) must finish on a loaded machine.
        CliRun r = CliRun.run(Map.of(DecisionBudget.ENV, "1000", "SOAKTUNE_NO_CACHE", "1",
                "MM_FREEZE_UTC_ISO", "2025-10-12T14:00:00Z"), "run", "--iterations", "3", "--mock", "--auto-tune",
                "--rules", rules.toString(), "--artifacts", artifacts.toString(), "--seed", "7");
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.RULES_INVALID);
        assertThat(r.err()).contains("time budget of 1000 ms", "rule \"runaway\"");
        assertThat(soaktune.io.Json.readFile(artifacts.resolve("soak_state.json")).get("completed_iterations").asInt()).isEqualTo(1);
        assertThat(artifacts.resolve("ITER_SUMMARY_1.json")).exists();
        assertThat(artifacts.resolve("ITER_SUMMARY_2.json")).doesNotExist();
    }

    @Test
    void tuneExitsFourWithTheRuleNamedAndWritesNothing() throws Exception {
        Path rules = runaway(tmp.resolve("rules"));
        Path report = Files.writeString(tmp.resolve("EDGE_REPORT.json"), TestFiles.edgeReport("cancel_ratio", "0.95"));
        Path out = tmp.resolve("out/runtime_overrides.json");
        CliRun r = CliRun.run(Map.of(DecisionBudget.ENV, "100", "SOAKTUNE_NO_CACHE", "1"), "tune", "--edge-report",
                report.toString(), "--rules", rules.toString(), "--out", out.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.RULES_INVALID);
        assertThat(r.err()).contains("time budget of 100 ms", "rule \"runaway\"");
        assertThat(r.err()).doesNotContain("\tat ");
        assertThat(out).doesNotExist();
    }
}
