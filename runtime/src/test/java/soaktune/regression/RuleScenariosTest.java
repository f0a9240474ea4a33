package soaktune.regression;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import soaktune.rules.engine.RuleSet;
import soaktune.rules.engine.RuleSetLoader;
import soaktune.rules.RulesFolders;

/**
 * The regression scenarios as JUnit dynamic tests, one per scenario file: the shipped ones over the real
 * rules/v1 folder, and the guardrail fixtures over rules/v1 plus the fixture rows.
 */
final class RuleScenariosTest {
    @TestFactory
    Stream<DynamicTest> shippedScenariosPassOnRulesV1() throws Exception {
        return scenarios(RulesFolders.V1);
    }

    @TestFactory
    Stream<DynamicTest> guardrailFixtureScenariosPass(@TempDir Path dir) throws Exception {
        return scenarios(RulesFolders.v1With("extra-rows", dir));
    }

    private static Stream<DynamicTest> scenarios(Path rulesDir) throws Exception {
        RuleSet rules = RuleSetLoader.load(rulesDir);
        ScenarioRunner runner = new ScenarioRunner(rules);
        List<Path> files = ScenarioRunner.scenarioFiles(rulesDir);
        assertThat(files).isNotEmpty();
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
            ScenarioResult r = runner.run(f);
            assertThat(r.failures()).as(r.line()).isEmpty();
        }));
    }

    @Test
    void shippedScenariosMakeEveryTriggerRowAndGuardrailFire() throws Exception {
        Set<String> fired = new HashSet<>();
        for (Path f : ScenarioRunner.scenarioFiles(RulesFolders.V1)) {
            for (Scenario.Step s : ScenarioReader.read(f).steps()) {
                fired.addAll(s.expect().fired());
            }
        }
        assertThat(fired).contains("cancel_ratio_high", "adverse_or_slippage_high", "order_age_high", "ws_lag_high",
                "net_bps_low", "multi_fail_guard", "multi_fail_keeps_calming_only");
    }

    @Test
    void aWrongExpectationFailsWithExpectedAndActualSideBySide(@TempDir Path dir) throws Exception {
        Path scenario = dir.resolve("tests/cancel_ratio_above_threshold.yaml");
        ScenarioResult r = runEdited(dir, scenario, "min_interval_ms: 80", "min_interval_ms: 90");
        assertThat(r.passed()).isFalse();
        // the file and the line of its expect: block, the place to look
        assertThat(r.line()).isEqualTo("FAIL cancel ratio just above 0.55 slows quoting and replacing: "
                + scenario + ":4:1: field min_interval_ms expected 90 got 80");
        assertThat(java.nio.file.Files.readAllLines(scenario).get(3)).startsWith("expect:");
    }

    @Test
    void anUnknownRuleNameInFiredOrNotFiredFailsInsteadOfPassingSilently(@TempDir Path dir) throws Exception {
        ScenarioResult r = runEdited(dir, dir.resolve("tests/ws_lag_at_threshold.yaml"), "not_fired: [ws_lag_high]",
                "not_fired: [ws_lag_hihg]");
        assertThat(r.failures()).containsExactly("not_fired: no rule named 'ws_lag_hihg' in this rule set");
    }

    /** Runs one of v1's scenarios, copied into {@code dir} with {@code from} replaced by {@code to}. */
    private static ScenarioResult runEdited(Path dir, Path scenario, String from, String to) throws Exception {
        RulesFolders.copyOfV1(dir);
        RulesFolders.edit(scenario, from, to);
        return new ScenarioRunner(RuleSetLoader.load(dir)).run(scenario);
    }
}
