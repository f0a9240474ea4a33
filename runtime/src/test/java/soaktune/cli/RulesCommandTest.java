package soaktune.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import soaktune.regression.ScenarioReader;
import soaktune.rules.RulesFolders;

/** {@code rules check} and {@code rules test}: output a person and an editor can use, and exit codes for CI. */
final class RulesCommandTest {
    @TempDir
    Path dir;

    @Test
    void checkOnTheShippedRulesIsCleanAndExitsZero() {
        CliRun r = CliRun.run("rules", "check", "rules/v1");
        assertThat(r.code()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).startsWith("rules/v1: 0 errors, 0 warnings (OK VERSION=v1 SHA=");
    }

    /** A backup copy in a sub-folder is not part of the set: it used to be compiled in and reported. */
    @Test
    void checkIgnoresDrlInASubFolder() throws Exception {
        RulesFolders.copyOfV1(dir);
        Files.createDirectories(dir.resolve("old"));
        Files.writeString(dir.resolve("old/triggers.drl"), Files.readString(dir.resolve("triggers.drl")) + "rule (");
        CliRun r = CliRun.run("rules", "check", dir.toString());
        assertThat(r.code()).as(r.out()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).startsWith(dir + ": 0 errors, 0 warnings (OK VERSION=");
    }

    @Test
    void checkPrintsEditorJumpableErrorsAndExitsOne() {
        RulesFolders.copyOfV1(dir);
        RulesFolders.edit(dir.resolve("guardrails.drl"), "    guard(drools, $failing + \" failing rows\");",
                "    guard(drools, $failing + \" failing rows\");\n    System.exit(1);\n    Runtime.getRuntime().halt(1);");
        CliRun r = CliRun.run("rules", "check", dir.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.out().lines()).contains(
                "guardrails.drl:21:5: calling java.lang.System.exit is not allowed: it controls the JVM or runs"
                        + " programs (rule \"multi_fail_guard\")",
                "guardrails.drl:22:5: calling java.lang.Runtime.getRuntime is not allowed: it controls the JVM or"
                        + " runs programs (rule \"multi_fail_guard\")");
        assertThat(r.out()).contains(dir + ": 3 errors, 0 warnings (FAILED)");
    }

    @Test
    void checkReportsACompileErrorWithFileLineAndColumn() {
        RulesFolders.copyOfV1(dir);
        RulesFolders.edit(dir.resolve("triggers.drl"), "Metrics( orderAgeP95Ms > 330 )", "Metrics( orderAgeP95 > 330 )");
        CliRun r = CliRun.run("rules", "check", dir.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.out()).startsWith("triggers.drl:37:14: Metrics has no property 'orderAgeP95'; did you mean "
                + "'orderAgeP95Ms'?");
    }

    /** Warnings alone exit 0; a misspelt field in propose(...) is an error. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("oneEditToTheTriggers")
    void checkNamesTheProblemInTheTriggers(String name, String from, String to, int exit, List<String> expected) {
        RulesFolders.copyOfV1(dir);
        RulesFolders.edit(dir.resolve("triggers.drl"), from, to);
        CliRun r = CliRun.run("rules", "check", dir.toString());
        assertThat(r.code()).isEqualTo(exit);
        assertThat(r.out()).contains(expected);
    }

    static Stream<Arguments> oneEditToTheTriggers() {
        return Stream.of(
                Arguments.of("warnings only", "Metrics( cancelRatio > 0.55 )",
                        "Metrics( cancelRatio > 0.55 && cancelRatio < 0.1 )", ExitCodes.OK,
                        List.of("triggers.drl:16:", "warning: rule \"cancel_ratio_high\" can never fire")),
                Arguments.of("misspelt field in propose", "propose(drools, \"tail_age_ms\", +50)",
                        "propose(drools, \"tail_agee_ms\", +50)", ExitCodes.FAILED,
                        List.of("triggers.drl:", "\"tail_agee_ms\"", "1 error")));
    }

    @Test
    void checkOfAMissingFolderIsInvalidInput() {
        CliRun r = CliRun.run("rules", "check", dir.resolve("nope").toString());
        assertThat(r.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(r.err()).contains("rules folder does not exist");
    }

    @Test
    void testOnTheShippedScenariosPassesAndWritesJUnitXml() throws Exception {
        Path xml = dir.resolve("reports/rules.xml");
        CliRun r = CliRun.run("rules", "test", "rules/v1", "--junit-xml", xml.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.OK);
        assertThat(r.out().lines()).allMatch(l -> l.startsWith("PASS ") || l.matches("\\d+ passed, 0 failed"));
        long scenarios = Files.list(Path.of("rules/v1/tests")).filter(ScenarioReader::isScenarioFile).count();
        assertThat(r.out().strip().lines().reduce((a, b) -> b)).contains(scenarios + " passed, 0 failed");
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile());
        assertThat(doc.getDocumentElement().getAttribute("tests")).isEqualTo(Long.toString(scenarios));
        assertThat(doc.getDocumentElement().getAttribute("failures")).isEqualTo("0");
        assertThat(doc.getElementsByTagName("testcase").getLength()).isEqualTo((int) scenarios);
    }

    @Test
    void testWithAWrongExpectationFailsWithAReadableDiff() throws Exception {
        RulesFolders.copyOfV1(dir);
        RulesFolders.edit(dir.resolve("tests/order_age_above_threshold.yaml"), "tail_age_ms: 750", "tail_age_ms: 760");
        Path xml = dir.resolve("junit.xml");
        CliRun r = CliRun.run("rules", "test", dir.toString(), "--junit-xml", xml.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.out()).contains("FAIL order age just above 330 ms replaces less and tolerates older orders: "
                + dir.resolve("tests/order_age_above_threshold.yaml") + ":" + expectLine(dir.resolve(
                        "tests/order_age_above_threshold.yaml")) + ":1: field tail_age_ms expected 760 got 750\n");
        assertThat(r.out().strip()).endsWith("25 passed, 1 failed");
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile());
        assertThat(doc.getDocumentElement().getAttribute("failures")).isEqualTo("1");
        assertThat(doc.getElementsByTagName("failure").item(0).getAttributes().getNamedItem("message").getNodeValue())
                .isEqualTo("field tail_age_ms expected 760 got 750");
    }

    /** The error {@code rules check} names (above) also stops {@code tune} at load. */
    @Test
    void aMisspeltFieldInProposeIsAnErrorAtLoad() throws Exception {
        RulesFolders.copyOfV1(dir);
        RulesFolders.edit(dir.resolve("triggers.drl"), "propose(drools, \"tail_age_ms\", +50)",
                "propose(drools, \"tail_agee_ms\", +50)");
        Path report = TestFiles.write(dir.resolve("EDGE_REPORT.json"), TestFiles.healthyReport());
        CliRun tune = CliRun.run("tune", "--edge-report", report.toString(), "--rules", dir.toString(),
                "--out", dir.resolve("out.json").toString());
        assertThat(tune.code()).isEqualTo(ExitCodes.RULES_INVALID);
        assertThat(dir.resolve("out.json")).doesNotExist();
    }

    /** The line of the top-level "expect:" key, where a failing scenario points. */
    private static int expectLine(Path scenario) throws Exception {
        List<String> lines = Files.readAllLines(scenario);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("expect:")) {
                return i + 1;
            }
        }
        throw new AssertionError("no expect: in " + scenario);
    }

    @Test
    void testRefusesRulesThatFailTheSandbox() {
        RulesFolders.copyOfV1(dir);
        RulesFolders.edit(dir.resolve("triggers.drl"), "import soaktune.model.Trigger", "import java.lang.Runtime");
        CliRun r = CliRun.run("rules", "test", dir.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.RULES_INVALID);
        assertThat(r.err()).contains("triggers.drl:7:8: import java.lang.Runtime is not allowed");
    }

    /** Thresholds `run` and `kpi-gate` would refuse are refused by `rules check` too, with the same words. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "warn beyond fail | \"warn_above\": 0.55 | \"warn_above\": 0.80 | metrics.cancel_ratio: WARN 0.8 is beyond FAIL 0.7",
        "NaN | \"warn_above\": 0.55 | \"warn_above\": NaN | malformed JSON",
        "unknown metric | \"cancel_ratio\": { | \"cancel_ratoi\": { | metrics.cancel_ratoi: is not a metric of the EDGE_REPORT"})
    void checkValidatesTheKpiThresholdsLikeRunAndKpiGate(String name, String from, String to, String message)
            throws Exception {
        RulesFolders.copyOfV1(dir);
        RulesFolders.edit(dir.resolve("kpi_thresholds.json"), from, to);
        CliRun check = CliRun.run("rules", "check", dir.toString());
        assertThat(check.code()).as(check.out()).isEqualTo(ExitCodes.FAILED);
        assertThat(check.out()).contains("kpi_thresholds.json: " + message).contains(": 1 error, "); // a moved bound may also warn of drift
        assertThat(check.out()).contains("(FAILED)");

        java.nio.file.Path report = TestFiles.write(dir.resolve("EDGE_REPORT.json"), TestFiles.edgeReport("fills", "400"));
        CliRun gate = CliRun.run("kpi-gate", "--edge-report", report.toString(), "--thresholds",
                dir.resolve("kpi_thresholds.json").toString());
        assertThat(gate.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(gate.err()).contains("kpi_thresholds.json: " + message);
    }

    @Test
    void aComposedSetRunsItsOwnScenariosAndItsBasesUnlessReplacedOrSkipped() throws Exception {
        Path base = RulesFolders.copyOfV1(dir.resolve("base"));
        Path top = Files.createDirectories(dir.resolve("top/tests"));
        Files.writeString(dir.resolve("top/ruleset.yaml"), "base: base\nskip_base_tests: [ws_lag_at_threshold.yaml]\n");
        // A scenario of the same name replaces the base's: this one would fail if the base's ran instead.
        Files.writeString(top.resolve("net_bps_low_alone.yaml"), "name: replaced in top\n"
                + "given:\n  metrics: {net_bps: 3.0, adverse_bps_p95: 2.0, slippage_bps_p95: 1.0, order_age_p95_ms: 250,"
                + " ws_lag_p95_ms: 80, cancel_ratio: 0.40}\nexpect:\n  adjustments: 0\n");
        CliRun r = CliRun.run("rules", "test", dir.resolve("top").toString());
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(ExitCodes.OK);
        long inherited = Files.list(base.resolve("tests")).filter(ScenarioReader::isScenarioFile).count();
        assertThat(r.out()).contains("PASS replaced in top")
                .contains("SKIP " + base.resolve("tests/ws_lag_at_threshold.yaml") + " (skip_base_tests in "
                        + dir.resolve("top/ruleset.yaml") + ")")
                .contains((inherited - 1) + " passed, 0 failed");
    }

    @Test
    void aMissingBaseIsBadInputNamingTheManifestAndField() throws Exception {
        Files.createDirectories(dir.resolve("top"));
        Files.writeString(dir.resolve("top/ruleset.yaml"), "base: v9\n");
        for (String command : List.of("check", "test")) {
            CliRun r = CliRun.run("rules", command, dir.resolve("top").toString());
            assertThat(r.code()).isEqualTo(ExitCodes.INVALID_INPUT);
            assertThat(r.err().strip()).startsWith("soaktune: error: " + dir.resolve("top/ruleset.yaml") + ": base: no rule set 'v9'")
                    .doesNotContain("\n").doesNotContain("Exception");
        }
    }

    @Test
    void checkOfAComposedSetNamesABaseFileByItsRealPath() throws Exception {
        Path base = RulesFolders.copyOfV1(dir.resolve("base"));
        Files.createDirectories(dir.resolve("top"));
        Files.writeString(dir.resolve("top/ruleset.yaml"), "base: base\n");
        Files.writeString(base.resolve("kpi_thresholds.json"), "{\"metrics\": 3}");
        RulesFolders.edit(base.resolve("triggers.drl"), "Metrics( orderAgeP95Ms > 330 )", "Metrics( orderAgeP95 > 330 )");
        CliRun r = CliRun.run("rules", "check", dir.resolve("top").toString());
        assertThat(r.code()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.out().lines()).anyMatch(l -> l.startsWith("../base/triggers.drl:37:14: Metrics has no property"))
                .anyMatch(l -> l.startsWith("../base/kpi_thresholds.json: "));
    }
}
