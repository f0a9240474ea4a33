package soaktune.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import soaktune.io.Json;
import soaktune.rules.RulesFolders;

/** `tune` end to end through the real CLI: outputs, markers, precedence of override sources, bad input. */
final class TuneCommandTest {
    private static final Map<String, String> FROZEN = Map.of("MM_FREEZE_UTC_ISO", "2025-10-12T14:00:00Z");

    @TempDir
    Path tmp;

    private Path report(String text) {
        return TestFiles.write(tmp.resolve("EDGE_REPORT.json"), text);
    }

    private Path out() {
        return tmp.resolve("soak/runtime_overrides.json");
    }

    private CliRun tune(Map<String, String> env, String... extra) {
        String[] base = {"tune", "--edge-report", tmp.resolve("EDGE_REPORT.json").toString(), "--out",
                out().toString()};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return CliRun.run(env, args);
    }

    private JsonNode read(Path file) throws Exception {
        return Json.readFile(file);
    }

    @Test
    void writesAllFiveFieldsAndTheSeedMarkers() throws Exception {
        report(TestFiles.edgeReport("cancel_ratio", "0.6"));
        CliRun r = tune(FROZEN);
        assertThat(r.code()).as(r.err()).isEqualTo(0);
        assertThat(r.out()).contains("| runtime_overrides | OK | SOURCE=none |")
                .contains("| runtime_adjust | OK | FIELD=min_interval_ms FROM=60 TO=80 REASON=cancel_ratio>0.55 |")
                .contains("| soak_iter_tune | OK | ADJUSTMENTS=2 net_bps=3.00 cancel=0.60 age_p95=250 lag_p95=80 |")
                .contains("  - cancel_ratio>0.55");
        JsonNode written = read(out());
        assertThat(written.fieldNames()).toIterable().containsExactly("base_spread_bps_delta", "impact_cap_ratio",
                "min_interval_ms", "replace_rate_per_min", "tail_age_ms");
        assertThat(written.get("min_interval_ms").asInt()).isEqualTo(80);
        assertThat(written.get("replace_rate_per_min").asInt()).isEqualTo(270);
        JsonNode applied = read(out().resolveSibling("applied_profile.json"));
        assertThat(applied.get("profile").asText()).isEqualTo("S1");
        assertThat(applied.get("runtime_adjustments")).hasSize(2);
        assertThat(applied.at("/runtime_adjustments/0/rule").asText()).isEqualTo("cancel_ratio_high");
        assertThat(applied.at("/runtime_adjustments/0/ts").asText()).isEqualTo("2025-10-12T14:00:00Z");
        assertThat(applied.at("/rules/sha256").asText()).hasSize(64);
        assertThat(applied.at("/applied/base_spread_bps").asDouble()).isEqualTo(0.85);
    }

    @Test
    void secondCallBuildsOnTheFirstAndAppendsHistory() throws Exception {
        report(TestFiles.edgeReport("ws_lag_p95_ms", "150"));
        assertThat(tune(FROZEN).code()).isZero();
        CliRun second = tune(FROZEN);
        assertThat(second.out()).contains("| runtime_overrides | OK | SOURCE=file |")
                .contains("FIELD=min_interval_ms FROM=80 TO=100");
        JsonNode applied = read(out().resolveSibling("applied_profile.json"));
        assertThat(applied.get("runtime_adjustments")).hasSize(2);
        assertThat(applied.at("/runtime_adjustments/1/iteration").asInt()).isEqualTo(2);
    }

    @Test
    void healthyReportSaysMetricsStable() {
        report(TestFiles.edgeReport("fills", "500"));
        assertThat(tune(FROZEN).out()).contains("| soak_iter_tune | OK | ADJUSTMENTS=0 metrics_stable |");
    }

    @Test
    void noChangeWithoutTheGatesOkIsNotCalledStable() {
        // Healthy figures but no fills: the KPI gate cannot judge it, so nothing is "stable".
        report(TestFiles.healthyReport());
        assertThat(tune(FROZEN).out()).contains("| soak_iter_tune | OK | ADJUSTMENTS=0 GATE=INCONCLUSIVE |")
                .doesNotContain("metrics_stable");
        // maker share under the gate's bound: v1 has no row for it, so nothing moves while the gate says FAIL
        report(TestFiles.edgeReport("fills", "500").replace("\"maker_share_pct\": 92", "\"maker_share_pct\": 80"));
        assertThat(tune(FROZEN).out()).contains("| soak_iter_tune | OK | ADJUSTMENTS=0 GATE=FAIL |")
                .doesNotContain("metrics_stable");
    }

    @Test
    void multiFailGuardPrintsSkipAndStillAppliesCalmingChanges() throws Exception {
        report(TestFiles.edgeReport("cancel_ratio", "0.7").replace("\"order_age_p95_ms\": 250",
                "\"order_age_p95_ms\": 400").replace("\"ws_lag_p95_ms\": 80", "\"ws_lag_p95_ms\": 200"));
        CliRun r = tune(FROZEN);
        assertThat(r.out()).contains("| soak_iter_tune | SKIP | REASON=multi_fail_guard |")
                .contains("FIELD=min_interval_ms FROM=80 TO=100").doesNotContain("FIELD=tail_age_ms");
        assertThat(read(out()).get("tail_age_ms").asInt()).isEqualTo(700);
    }

    @Test
    void envOverridesWinOverTheDefaultFileAndTheFlagWinsOverEnv() throws Exception {
        report(TestFiles.healthyReport());
        TestFiles.write(out(), "{\"min_interval_ms\": 100}");
        Map<String, String> env = new HashMap<>(FROZEN);
        env.put("MM_RUNTIME_OVERRIDES_JSON", "{\"min_interval_ms\": 120}");
        CliRun fromEnv = tune(env);
        assertThat(fromEnv.out()).contains("SOURCE=env");
        assertThat(read(out()).get("min_interval_ms").asInt()).isEqualTo(120);

        Path flagFile = TestFiles.write(tmp.resolve("manual.json"), "{\"min_interval_ms\": 150}");
        CliRun fromFlag = tune(env, "--overrides", flagFile.toString());
        assertThat(fromFlag.out()).contains("SOURCE=file");
        assertThat(read(out()).get("min_interval_ms").asInt()).isEqualTo(150);

        CliRun fromDefault = tune(FROZEN);
        assertThat(fromDefault.out()).contains("SOURCE=file");
        assertThat(read(out()).get("min_interval_ms").asInt()).isEqualTo(150);
    }

    /** Fields outside the five are skipped and dropped; current values outside the limits are clamped and reported. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "{\"min_interval_ms\": 90, \"max_position\": 5}; | runtime_override | SKIP | FIELD=max_position "
                + "REASON=not_allowed |; min_interval_ms; 90",
        "{\"tail_age_ms\": 5000}; | runtime_clamp | WARN | FIELD=tail_age_ms FROM=5000 TO=1000 REASON=outside_limits |;"
                + " tail_age_ms; 1000"})
    void overridesFromEnvAreCheckedFieldByField(String overrides, String marker, String field, int written)
            throws Exception {
        report(TestFiles.healthyReport());
        Map<String, String> env = new HashMap<>(FROZEN);
        env.put("MM_RUNTIME_OVERRIDES_JSON", overrides);
        CliRun r = tune(env);
        assertThat(r.out()).contains(marker);
        assertThat(read(out()).fieldNames()).toIterable().containsExactly("base_spread_bps_delta", "impact_cap_ratio",
                "min_interval_ms", "replace_rate_per_min", "tail_age_ms");
        assertThat(read(out()).get(field).asInt()).isEqualTo(written);
    }

    /** A bad value in the environment: exit 2, one exact line naming the variable (and field), nothing written. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("badEnvironments")
    void aBadEnvironmentValueIsRejected(String variable, String value, String message) {
        report(TestFiles.healthyReport());
        CliRun r = tune(Map.of("MM_FREEZE_UTC_ISO", "2025-10-12T14:00:00Z", variable, value));
        assertThat(r.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(r.err().strip()).isEqualTo("soaktune: error: " + message);
        assertThat(Files.exists(out())).isFalse();
    }

    static Stream<Arguments> badEnvironments() {
        return Stream.of(
                Arguments.of("MM_PROFILE", "NOPE",
                        "MM_PROFILE: unknown profile 'NOPE' (built in: S1; or give a path to a profile JSON file)"),
                Arguments.of("MM_RUNTIME_OVERRIDES_JSON", "{\"min_interval_ms\": \"fast\"}",
                        "MM_RUNTIME_OVERRIDES_JSON: min_interval_ms: must be a number, got string \"fast\""));
    }

    @Test
    void profileFlagWinsOverEnv() {
        report(TestFiles.healthyReport());
        assertThat(tune(Map.of("MM_FREEZE_UTC_ISO", "2025-10-12T14:00:00Z", "MM_PROFILE", "NOPE"), "--profile", "S1")
                .code()).isZero();
    }

    @Test
    void profileFromAJsonFile() throws Exception {
        report(TestFiles.edgeReport("cancel_ratio", "0.9"));
        Path profile = TestFiles.write(tmp.resolve("P2.json"), "{\"name\": \"P2\", \"min_interval_ms\": 200}");
        CliRun r = tune(FROZEN, "--profile", profile.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("PROFILE=P2").contains("FIELD=min_interval_ms FROM=200 TO=220");
    }

    @Test
    void missingReportFileIsNamed() {
        CliRun r = tune(FROZEN);
        assertThat(r.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(r.err()).contains("EDGE_REPORT.json: no such file");
    }

    /** A folder that only holds rule sets further down is not one: its missing limits is the one line. */
    @Test
    void aFolderOfRuleSetsIsRefusedWithItsMissingLimitsAlone() throws Exception {
        report(TestFiles.edgeReport("cancel_ratio", "0.9"));
        Path parent = tmp.resolve("parent");
        RulesFolders.copyOfV1(parent.resolve("a"));
        TestFiles.write(parent.resolve("b/broken.drl"), "rule \"x\" when then nonsense(");
        CliRun r = tune(FROZEN, "--rules", parent.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.RULES_INVALID);
        assertThat(r.err().lines()).containsExactly(
                "soaktune: error: " + parent.resolve("limits.json") + ": no such file (rule set rejected)");
    }

    @Test
    void verboseShowsTheStackTrace() {
        CliRun r = tune(FROZEN, "--verbose");
        assertThat(r.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(r.err()).contains("\tat soaktune.");
    }

    @Test
    void editingAThresholdInACopiedRulesFolderChangesTheDecisionWithoutRebuilding() throws Exception {
        Path rules = tmp.resolve("rules-copy");
        RulesFolders.copyOfV1(rules);
        report(TestFiles.edgeReport("cancel_ratio", "0.5"));
        CliRun original = tune(FROZEN, "--rules", rules.toString());
        assertThat(original.out()).contains("ADJUSTMENTS=0");

        Path triggers = rules.resolve("triggers.drl");
        String drl = Files.readString(triggers);
        assertThat(drl).contains("cancelRatio > 0.55");
        Files.writeString(triggers, drl.replace("cancelRatio > 0.55", "cancelRatio > 0.45"));
        CliRun edited = tune(FROZEN, "--rules", rules.toString());
        assertThat(edited.out()).contains("FIELD=min_interval_ms FROM=60 TO=80");
    }

    @Test
    void aRuleFileThatDoesNotCompileIsReportedWithFileAndLine() throws Exception {
        Path rules = tmp.resolve("rules-broken");
        RulesFolders.copyOfV1(rules);
        Path triggers = rules.resolve("triggers.drl");
        Files.writeString(triggers, Files.readString(triggers).replaceFirst("when", "whem"));
        report(TestFiles.healthyReport());
        CliRun r = tune(FROZEN, "--rules", rules.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.RULES_INVALID);
        assertThat(r.err()).containsPattern("triggers\\.drl:\\d+:\\d+: ");
        assertThat(Files.exists(out())).isFalse();
    }

    @Test
    void everyCommandHasHelpAndVersion() {
        for (String cmd : new String[] {"tune", "run"}) {
            CliRun help = CliRun.run(cmd, "--help");
            assertThat(help.code()).isZero();
            assertThat(help.out()).contains("Usage: soaktune " + cmd);
            CliRun version = CliRun.run(cmd, "--version");
            assertThat(version.code()).isZero();
            assertThat(version.out()).startsWith("soaktune ");
        }
    }
}
