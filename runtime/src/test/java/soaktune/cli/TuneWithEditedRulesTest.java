package soaktune.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import soaktune.io.Json;
import soaktune.rules.RulesFolders;

/** Thresholds live in the rule files: editing one changes tune's decision with no rebuild. */
final class TuneWithEditedRulesTest {
    @TempDir
    Path dir;

    private Path edgeReport(double cancelRatio) throws Exception {
        Path f = dir.resolve("EDGE_REPORT.json");
        Files.writeString(f, "{\"totals\": {\"net_bps\": 3.0, \"adverse_bps_p95\": 2.0, \"slippage_bps_p95\": 1.0,"
                + " \"order_age_p95_ms\": 250, \"ws_lag_p95_ms\": 80, \"cancel_ratio\": " + cancelRatio + "}}");
        return f;
    }

    private JsonNode tune(Path rules, String out) throws Exception {
        Path file = dir.resolve(out + "/runtime_overrides.json");
        CliRun r = CliRun.run("tune", "--edge-report", edgeReport(0.50).toString(), "--overrides",
                Files.writeString(dir.resolve("none.json"), "{}").toString(), "--rules", rules.toString(),
                "--out", file.toString(), "--explain");
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.OK);
        return Json.readFile(file);
    }

    @Test
    void loweringTheCancelThresholdInACopiedFolderChangesTheDecision() throws Exception {
        Path rules = RulesFolders.copyOfV1(dir.resolve("rules"));
        assertThat(tune(rules, "before").get("min_interval_ms").asInt()).isEqualTo(60); // 0.50 is not > 0.55

        RulesFolders.edit(rules.resolve("triggers.drl"), "Metrics( cancelRatio > 0.55 )", "Metrics( cancelRatio > 0.45 )");
        JsonNode after = tune(rules, "after");
        assertThat(after.get("min_interval_ms").asInt()).isEqualTo(80);
        assertThat(after.get("replace_rate_per_min").asInt()).isEqualTo(270);
        JsonNode applied = Json.readFile(dir.resolve("after/applied_profile.json"));
        assertThat(applied.at("/rules/sha256").asText()).isNotEqualTo(
                Json.readFile(dir.resolve("before/applied_profile.json")).at("/rules/sha256").asText());
    }

    @Test
    void tuneNeverLoadsRulesThatFailTheSandbox() throws Exception {
        Path rules = RulesFolders.copyOfV1(dir.resolve("rules"));
        RulesFolders.edit(rules.resolve("triggers.drl"), "trigger(drools, \"ws_lag>120\");",
                "trigger(drools, \"ws_lag>120\"); Runtime.getRuntime().halt(0);");
        Path out = dir.resolve("out/runtime_overrides.json");
        CliRun r = CliRun.run("tune", "--edge-report", edgeReport(0.5).toString(), "--rules", rules.toString(),
                "--out", out.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.RULES_INVALID);
        assertThat(r.err()).contains("triggers.drl:", "java.lang.Runtime.getRuntime is not allowed");
        assertThat(out).doesNotExist();
    }

    /** NaN used to reach the override file as min_interval_ms 0 (below its limit of 50), or crash with exit 70. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"0.0 / 0.0", "1.0 / 0.0", "-1.0 / 0.0", "1e308 * 10"})
    void aRuleProposingANonFiniteDeltaIsRefusedAndNamed(String delta) throws Exception {
        Path rules = RulesFolders.copyOfV1(dir.resolve("rules"));
        RulesFolders.edit(rules.resolve("triggers.drl"),
                "trigger(drools, \"ws_lag>120\");\n    propose(drools, \"min_interval_ms\", +20);",
                "trigger(drools, \"ws_lag>120\");\n    propose(drools, \"min_interval_ms\", " + delta + ");");
        Path report = TestFiles.write(dir.resolve("lag.json"), TestFiles.edgeReport("ws_lag_p95_ms", "150"));
        Path out = dir.resolve("out/runtime_overrides.json");
        CliRun r = CliRun.run("tune", "--edge-report", report.toString(), "--rules", rules.toString(),
                "--out", out.toString());
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(ExitCodes.RULES_INVALID);
        assertThat(r.err().lines()).hasSize(1);
        assertThat(r.err()).contains("rule \"ws_lag_high\"", "min_interval_ms", "finite").doesNotContain("\tat ");
        assertThat(out).doesNotExist();
    }

    /** A consequence that throws used to be "rules failed while running: begin 5, end 3, length 3", no rule. */
    @Test
    void aRuleThatThrowsIsNamedWithItsFileByTuneRulesTestAndRun() throws Exception {
        Path rules = RulesFolders.copyOfV1(dir.resolve("rules"));
        RulesFolders.edit(rules.resolve("triggers.drl"), "trigger(drools, \"ws_lag>120\");",
                "\"abc\".substring(5);\n    trigger(drools, \"ws_lag>120\");");
        String failed = rules.resolve("triggers.drl") + ": rule \"ws_lag_high\" failed while running: "
                + "StringIndexOutOfBoundsException: begin 5, end 3, length 3";
        Path report = TestFiles.write(dir.resolve("lag.json"), TestFiles.edgeReport("ws_lag_p95_ms", "150"));
        Path out = dir.resolve("out/runtime_overrides.json");

        CliRun tune = CliRun.run("tune", "--edge-report", report.toString(), "--rules", rules.toString(),
                "--out", out.toString());
        assertThat(tune.code()).as(tune.err()).isEqualTo(ExitCodes.RULES_INVALID);
        assertThat(tune.err().lines()).containsExactly("soaktune: error: " + failed);
        assertThat(out).doesNotExist();

        CliRun test = CliRun.run("rules", "test", rules.toString());
        assertThat(test.out()).contains("ws_lag_above_threshold.yaml:3:3: rules failed: " + failed);

        CliRun run = CliRun.run("run", "--mock", "--iterations", "1", "--auto-tune", "--rules", rules.toString(),
                "--artifacts", dir.resolve("soak").toString());
        assertThat(run.code()).as(run.err()).isEqualTo(ExitCodes.RULES_INVALID);
        assertThat(run.err().lines()).containsExactly("soaktune: error: " + failed);
    }

    @Test
    void aGuardrailTrimmingToNaNIsRefusedAndNamed() throws Exception {
        Path rules = RulesFolders.copyOfV1(dir.resolve("rules"));
        RulesFolders.edit(rules.resolve("guardrails.drl"), "trim(drools, $p, Math.copySign(room, $delta),",
                "trim(drools, $p, Math.sqrt(-1.0),");
        Path report = TestFiles.write(dir.resolve("adverse.json"), TestFiles.edgeReport("adverse_bps_p95", "9"));
        // a spread proposal above the 0.1 cap makes spread_delta_cap trim it
        RulesFolders.edit(rules.resolve("triggers.drl"), "propose(drools, \"base_spread_bps_delta\", +0.05);",
                "propose(drools, \"base_spread_bps_delta\", +0.5);");
        CliRun r = CliRun.run("tune", "--edge-report", report.toString(), "--rules", rules.toString(),
                "--out", dir.resolve("out/runtime_overrides.json").toString());
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(ExitCodes.RULES_INVALID);
        assertThat(r.err()).contains("rule \"spread_delta_cap\"", "base_spread_bps_delta", "finite");
    }

    /** A rule accepting at high salience used to leave "SKIP multi_fail_guard" on stdout as if the guard held. */
    @Test
    void aGuardBypassedByAnEarlyAcceptIsReportedAsBypassedAndCheckWarns() throws Exception {
        Path rules = RulesFolders.copyOfV1(dir.resolve("rules"));
        Path guardrails = rules.resolve("guardrails.drl");
        Files.writeString(guardrails, Files.readString(guardrails) + """

                rule "rogue_accept"
                    salience 200
                when
                    $p : Proposal( pending == true )
                then
                    accept(drools, $p, "fine");
                end
                """);
        CliRun check = CliRun.run("rules", "check", rules.toString());
        assertThat(check.out()).contains("warning: rule \"rogue_accept\" accepts proposals at salience 200");

        // three failing rows: the multi-fail guard fires, but every proposal is already accepted
        Path report = TestFiles.write(dir.resolve("multi.json"), TestFiles.edgeReport("cancel_ratio", "0.7")
                .replace("\"order_age_p95_ms\": 250", "\"order_age_p95_ms\": 400")
                .replace("\"ws_lag_p95_ms\": 80", "\"ws_lag_p95_ms\": 150"));
        CliRun r = CliRun.run("tune", "--edge-report", report.toString(), "--rules", rules.toString(),
                "--out", dir.resolve("out/runtime_overrides.json").toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("| soak_iter_tune | WARN | REASON=multi_fail_guard BYPASSED_BY=rogue_accept |")
                .doesNotContain("| soak_iter_tune | SKIP | REASON=multi_fail_guard |");

        // the shipped rules on the same report: the guard holds and says so
        CliRun v1 = CliRun.run("tune", "--edge-report", report.toString(), "--out",
                dir.resolve("v1/runtime_overrides.json").toString());
        assertThat(v1.out()).contains("| soak_iter_tune | SKIP | REASON=multi_fail_guard |");
    }
}
