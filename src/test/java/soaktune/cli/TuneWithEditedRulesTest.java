package soaktune.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
}
