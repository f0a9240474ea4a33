package soaktune.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import soaktune.rules.RulesFolders;

/**
 * A catalogue of hostile inputs. For each: the exit code, the one-line message (naming file and field),
 * no stack trace, and not one byte of the existing artifacts changed.
 */
final class HostileInputTest {
    private static final String OK_REPORT = TestFiles.edgeReport("cancel_ratio", "0.7");

    /** How a case prepares its input: files in the temp folder, env entries, extra CLI args. */
    record Case(String name, Map<String, String> files, Map<String, String> env, List<String> args, int exit,
            String message) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Case report(String name, String content, String message) {
        return new Case(name, Map.of("EDGE_REPORT.json", content), Map.of(), List.of(), ExitCodes.INVALID_INPUT,
                "EDGE_REPORT.json: " + message);
    }

    private static Case overridesFile(String name, String content, String message) {
        return new Case(name, Map.of("EDGE_REPORT.json", OK_REPORT, "manual.json", content), Map.of(),
                List.of("--overrides", "{tmp}/manual.json"), ExitCodes.INVALID_INPUT, "manual.json: " + message);
    }

    private static Case overridesEnv(String name, String value, String message) {
        return new Case(name, Map.of("EDGE_REPORT.json", OK_REPORT), Map.of("MM_RUNTIME_OVERRIDES_JSON", value),
                List.of(), ExitCodes.INVALID_INPUT, "MM_RUNTIME_OVERRIDES_JSON: " + message);
    }

    private static Case profile(String name, String content, String message) {
        return new Case(name, Map.of("EDGE_REPORT.json", OK_REPORT, "profile.json", content), Map.of(),
                List.of("--profile", "{tmp}/profile.json"), ExitCodes.INVALID_INPUT, "profile.json: " + message);
    }

    private static Case limits(String name, String content, String message) {
        return new Case(name, Map.of("EDGE_REPORT.json", OK_REPORT, "rules/limits.json", content), Map.of(),
                List.of("--rules", "{tmp}/rules"), ExitCodes.RULES_INVALID, "limits.json: " + message);
    }

    static Stream<Case> cases() {
        String deep = "{\"totals\": {\"net_bps\": 1}, \"symbols\": " + "{\"a\": ".repeat(100) + "1" + "}".repeat(100) + "}";
        List<Case> c = new ArrayList<>(List.of(
                report("truncated JSON", "{\"totals\": {\"net_bps\": 1", "malformed JSON at line 1 column 25: Unexpected end-of-input: expected close marker for Object (start marker at line 1 column 12)"),
                report("totals is an array", "{\"totals\": []}", "totals: must be a JSON object, got an array"),
                report("root is a string", "\"hello\"", "must be a JSON object, got string \"hello\""),
                report("NaN as a string", TestFiles.edgeReport("net_bps", "\"NaN\""),
                        "totals.net_bps: must be a number, got string \"NaN\""),
                report("NaN as a number", TestFiles.edgeReport("net_bps", "NaN"), "malformed JSON"),
                report("Infinity as a number", TestFiles.edgeReport("net_bps", "Infinity"), "malformed JSON"),
                report("-Infinity as a string", TestFiles.edgeReport("net_bps", "\"-Infinity\""),
                        "totals.net_bps: must be a number"),
                report("huge number", TestFiles.edgeReport("net_bps", "1e400"),
                        "totals.net_bps: must be a finite number, got"),
                report("huge integer literal", TestFiles.edgeReport("order_age_p95_ms", "9".repeat(500)), "malformed JSON"),
                report("negative ratio", TestFiles.edgeReport("cancel_ratio", "-0.1"),
                        "totals.cancel_ratio: must be a ratio between 0 and 1, got -0.1"),
                report("ratio above 1", TestFiles.edgeReport("replace_ratio", "1.5"),
                        "totals.replace_ratio: must be a ratio between 0 and 1, got 1.5"),
                report("blocked ratio above 1", TestFiles.edgeReport("blocked_ratio", "{\"risk\": 2}"),
                        "totals.blocked_ratio.risk: must be a ratio between 0 and 1, got 2.0"),
                report("maker share above 100", TestFiles.edgeReport("maker_share_pct", "150"),
                        "totals.maker_share_pct: must be a percentage between 0 and 100, got 150.0"),
                report("boolean metric", TestFiles.edgeReport("ws_lag_p95_ms", "true"),
                        "totals.ws_lag_p95_ms: must be a number, got boolean true"),
                report("null metric the rules need", TestFiles.edgeReport("order_age_p95_ms", "null"),
                        "totals.order_age_p95_ms: is missing, and the rules read it"),
                report("deeply nested document", deep, "malformed JSON"),
                report("duplicate keys", "{\"totals\": {\"cancel_ratio\": 0.1, \"cancel_ratio\": 0.9}}",
                        "malformed JSON at line 1 column 48: Duplicate field 'cancel_ratio'"),
                report("empty file", "", "is empty, expected a JSON document"),
                report("missing totals", "{\"symbols\": {}}", "totals: is missing"),
                report("ratio 1.4", TestFiles.edgeReport("cancel_ratio", "1.4"),
                        "totals.cancel_ratio: must be a ratio between 0 and 1, got 1.4"),
                report("ratio NaN as a string", TestFiles.edgeReport("cancel_ratio", "\"NaN\""),
                        "totals.cancel_ratio: must be a number, got string \"NaN\""),
                report("ratio NaN as a number", TestFiles.edgeReport("cancel_ratio", "NaN"), "malformed JSON"),
                report("negative latency", TestFiles.edgeReport("ws_lag_p95_ms", "-3"),
                        "totals.ws_lag_p95_ms: must be a finite number >= 0"),
                report("metric the rules need left out", TestFiles.edgeReport("cancel_ratio", null),
                        "totals.cancel_ratio: is missing, and the rules read it"),
                report("duplicate metric", "{\"totals\": {\"net_bps\": 1, \"net_bps\": 2}}",
                        "malformed JSON at line 1 column 36: Duplicate field 'net_bps'"),
                overridesFile("overrides truncated", "{\"min_interval_ms\": ", "malformed JSON"),
                overridesFile("overrides string value", "{\"min_interval_ms\": \"80\"}",
                        "min_interval_ms: must be a number, got string \"80\""),
                overridesFile("overrides NaN", "{\"tail_age_ms\": NaN}", "malformed JSON"),
                overridesFile("overrides array root", "[80]", "must be a JSON object, got an array"),
                overridesFile("overrides huge number", "{\"tail_age_ms\": 1e999}", "tail_age_ms: must be a finite number"),
                overridesFile("overrides empty", "", "is empty"),
                overridesEnv("env not JSON", "min_interval_ms=100", "must hold the overrides as a JSON object"),
                overridesEnv("env a file name", "/etc/soak/overrides.json", "must hold the overrides as a JSON object, not a file name or other text (for a file, pass --overrides FILE)"),
                overridesEnv("env not an object", "[1, 2]", "must hold the overrides as a JSON object"),
                overridesEnv("env fraction of a ms", "{\"min_interval_ms\": 80.5}", "min_interval_ms: must be a whole number, got 80.5"),
                overridesEnv("env boolean", "{\"min_interval_ms\": true}", "min_interval_ms: must be a number, got boolean true"),
                overridesEnv("env duplicate keys", "{\"tail_age_ms\": 500, \"tail_age_ms\": 900}", "malformed JSON at line 1 column 35: Duplicate field 'tail_age_ms'"),
                overridesEnv("env empty", "", "is empty"),
                profile("profile unknown key", "{\"min_intervl_ms\": 80}", "min_intervl_ms: unknown field"),
                profile("profile negative value", "{\"min_interval_ms\": -5}", "min_interval_ms: must be >= 0, got -5.0"),
                profile("profile wrong type", "{\"tail_age_ms\": [700]}", "tail_age_ms: must be a number, got an array"),
                profile("profile truncated", "{\"name\": \"X\"", "malformed JSON"),
                limits("limits min above max", limitsWith("\"min_interval_ms\": {\"min\": 300, \"max\": 50}"),
                        "min_interval_ms: min 300.0 is above max 50.0"),
                limits("limits missing field", "{}", "min_interval_ms: is missing: every tunable field needs limits"),
                limits("limits negative interval", limitsWith("\"min_interval_ms\": {\"min\": -5, \"max\": 300}"),
                        "min_interval_ms.min: min -5.0 is outside what the strategy can take [1, 60000]"),
                limits("limits zero interval", limitsWith("\"min_interval_ms\": {\"min\": 0, \"max\": 300}"),
                        "min_interval_ms.min: min 0.0 is outside"),
                limits("limits absurd maximum", limitsWith("\"min_interval_ms\": {\"min\": 50, \"max\": 1e300}"),
                        "min_interval_ms.max: max 1.0E300 is outside what the strategy can take [1, 60000]"),
                limits("limits ratio above 1", limitsWith("\"min_interval_ms\": {\"min\": 50, \"max\": 300}")
                        .replace("\"max\": 0.12", "\"max\": 5"), "impact_cap_ratio.max: max 5.0 is outside"),
                limits("limits spread of 100 bps", limitsWith("\"min_interval_ms\": {\"min\": 50, \"max\": 300}")
                        .replace("\"max\": 0.6", "\"max\": 100"), "base_spread_bps_delta.max: max 100.0 is outside"),
                profile("profile absurd delta", "{\"min_interval_ms_delta\": -1000}",
                        "min_interval_ms_delta: takes min_interval_ms to -950.0, below 0"),
                profile("profile absurd value", "{\"tail_age_ms\": 1e12}", "tail_age_ms: must be within +/-1000000"),
                profile("profile absurd spread delta", "{\"base_spread_bps_delta\": 5e6}",
                        "base_spread_bps_delta: must be within +/-1000000")));
        c.add(new Case("unknown profile name", Map.of("EDGE_REPORT.json", OK_REPORT), Map.of("MM_PROFILE", "S9"),
                List.of(), ExitCodes.INVALID_INPUT, "MM_PROFILE: unknown profile 'S9'"));
        c.add(new Case("freeze clock not a time", Map.of("EDGE_REPORT.json", OK_REPORT),
                Map.of("MM_FREEZE_UTC_ISO", "yesterday"), List.of(), ExitCodes.INVALID_INPUT,
                "MM_FREEZE_UTC_ISO: must be an ISO-8601 UTC instant"));
        return c.stream();
    }

    private static String limitsWith(String override) {
        return "{" + override + ", \"replace_rate_per_min\": {\"min\": 120, \"max\": 360},"
                + " \"base_spread_bps_delta\": {\"min\": 0, \"max\": 0.6}, \"impact_cap_ratio\": {\"min\": 0.04, \"max\": 0.12},"
                + " \"tail_age_ms\": {\"min\": 400, \"max\": 1000}}";
    }

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void rejectedCleanlyWithNothingChanged(Case c) throws Exception {
        Path out = tmp.resolve("soak/runtime_overrides.json");
        // A good decision first, so there are artifacts that must survive the bad input untouched.
        TestFiles.write(tmp.resolve("EDGE_REPORT.json"), OK_REPORT);
        assertThat(CliRun.run("tune", "--edge-report", tmp.resolve("EDGE_REPORT.json").toString(), "--out",
                out.toString()).code()).isZero();
        Map<String, String> before = TestFiles.checksums(tmp.resolve("soak"));

        if (c.files().containsKey("rules/limits.json")) {
            RulesFolders.copyOfV1(tmp.resolve("rules"));
        }
        c.files().forEach((name, content) -> TestFiles.write(tmp.resolve(name), content));
        Map<String, String> env = new HashMap<>(Map.of("MM_FREEZE_UTC_ISO", "2025-10-12T14:00:00Z"));
        env.putAll(c.env());
        List<String> args = new ArrayList<>(List.of("tune", "--edge-report", tmp.resolve("EDGE_REPORT.json").toString(),
                "--out", out.toString()));
        c.args().forEach(a -> args.add(a.replace("{tmp}", tmp.toString())));

        CliRun r = CliRun.run(env, args.toArray(String[]::new));
        assertThat(r.code()).as(r.err()).isEqualTo(c.exit());
        assertThat(r.err().lines()).as("one line").hasSize(1);
        assertThat(r.err()).startsWith("soaktune: error: ").contains(c.message()).doesNotContain("\tat ");
        assertThat(TestFiles.checksums(tmp.resolve("soak"))).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fileSystemCases")
    void fileSystemOddities(String name, String setup, String message) throws Exception {
        Path report = tmp.resolve("EDGE_REPORT.json");
        switch (setup) {
            case "directory" -> Files.createDirectories(report);
            case "symlink-loop" -> {
                Files.createSymbolicLink(tmp.resolve("a.json"), tmp.resolve("b.json"));
                Files.createSymbolicLink(tmp.resolve("b.json"), tmp.resolve("a.json"));
                Files.createSymbolicLink(report, tmp.resolve("a.json"));
            }
            case "non-utf8" -> Files.write(report, new byte[] {'{', '"', (byte) 0xFF, (byte) 0xFE, '"', ':', '1', '}'});
            case "oversized" -> Files.write(report, ("{\"totals\": {}, \"pad\": \"" + "x".repeat(11 * 1024 * 1024)
                    + "\"}").getBytes(StandardCharsets.UTF_8));
            case "bom" -> Files.write(report, ("\uFEFF" + OK_REPORT).getBytes(StandardCharsets.UTF_8));
            default -> throw new IllegalArgumentException(setup);
        }
        CliRun r = CliRun.run("tune", "--edge-report", report.toString(), "--out", tmp.resolve("soak/o.json").toString());
        if (setup.equals("bom")) {
            assertThat(r.code()).as("a byte order mark is accepted: " + r.err()).isZero();
            return;
        }
        assertThat(r.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(r.err().lines()).hasSize(1);
        assertThat(r.err()).contains("EDGE_REPORT.json").contains(message);
        assertThat(Files.exists(tmp.resolve("soak"))).isFalse();
    }

    /** Scenario files for the simulator: `run --mock --scenario FILE` must refuse them before writing anything. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarioCases")
    void badScenarioFilesAreRefusedBeforeAnyArtifact(String name, String content, String message) throws Exception {
        Path artifacts = tmp.resolve("soak");
        assertThat(CliRun.run("run", "--mock", "--iterations", "1", "--artifacts", artifacts.toString()).code()).isZero();
        Map<String, String> before = TestFiles.checksums(artifacts);
        Path scenario = TestFiles.write(tmp.resolve("scenario.json"), content);
        CliRun r = CliRun.run("run", "--mock", "--iterations", "1", "--scenario", scenario.toString(),
                "--artifacts", artifacts.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(r.err().lines()).hasSize(1);
        assertThat(r.err()).startsWith("soaktune: error: ").contains("scenario.json").contains(message);
        assertThat(TestFiles.checksums(artifacts)).isEqualTo(before);
    }

    static Stream<Arguments> scenarioCases() {
        return Stream.of(
                Arguments.of("scenario truncated", "{\"jitter_ms\": ", "malformed JSON"),
                Arguments.of("scenario unknown key", "{\"jiter_ms\": 3}", "jiter_ms: unknown field"),
                Arguments.of("scenario wrong type", "{\"jitter_ms\": \"3\"}", "jitter_ms: must be a number"),
                Arguments.of("scenario NaN", "{\"jitter_ms\": NaN}", "malformed JSON"),
                Arguments.of("scenario negative rate", "{\"taker_rate_per_s\": -1}", "taker_rate_per_s"),
                Arguments.of("scenario share above 1", "{\"informed_share\": 1.5}", "informed_share"),
                Arguments.of("scenario array root", "[1]", "must be a JSON object"));
    }

    static Stream<Arguments> fileSystemCases() {
        return Stream.of(
                Arguments.of("directory instead of file", "directory", "is a directory, expected a JSON file"),
                Arguments.of("symlink loop", "symlink-loop", "cannot read: Too many levels of symbolic links"),
                Arguments.of("not UTF-8", "non-utf8", "is not valid UTF-8 text"),
                Arguments.of("over the 10 MB cap", "oversized", "larger than the 10485760-byte limit"),
                Arguments.of("UTF-8 byte order mark", "bom", ""));
    }

    /**
     * Values that reach markers (override keys, profile names) with line breaks in them: stdout must still hold
     * one marker per line, so the forged "runtime_adjust" line never appears at the start of a line.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("forgeryCases")
    void aValueWithALineBreakCannotForgeAMarker(String name, String overrides, String profile) throws Exception {
        Path report = TestFiles.write(tmp.resolve("EDGE_REPORT.json"), OK_REPORT);
        Path manual = TestFiles.write(tmp.resolve("manual.json"), overrides);
        Path profileFile = TestFiles.write(tmp.resolve("profile.json"), profile);
        CliRun r = CliRun.run("tune", "--edge-report", report.toString(), "--overrides", manual.toString(),
                "--profile", profileFile.toString(), "--out", tmp.resolve("soak/runtime_overrides.json").toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out().lines()).noneMatch(l -> l.startsWith("| runtime_adjust | OK | FIELD=tail_age_ms FROM=1 "));
        assertThat(r.out().lines().filter(l -> l.startsWith("|")))
                .allMatch(l -> l.endsWith(" |") && l.matches("\\| [a-z_]+ \\| [A-Z]+ \\|.*"));
        assertThat(r.out().split("\\R", -1)).allMatch(l -> l.isEmpty() || l.startsWith("|") || l.startsWith("  - ")
                || l.startsWith("[") || l.startsWith("=") || l.startsWith("Final") || l.startsWith(" ") || l.equals("}"));
    }

    static Stream<Arguments> forgeryCases() {
        String forged = "| runtime_adjust | OK | FIELD=tail_age_ms FROM=1 TO=2 REASON=forged |";
        String plainProfile = "{\"name\": \"P\"}";
        return Stream.of(
                Arguments.of("newline in an override key", "{\"x\\n" + forged + "\": 1}", plainProfile),
                Arguments.of("carriage return in an override key", "{\"x\\r" + forged + "\": 1}", plainProfile),
                Arguments.of("unicode line separator in a key", "{\"x\\u2028" + forged + "\": 1}", plainProfile),
                Arguments.of("newline in a profile name", "{}", "{\"name\": \"P\\n" + forged + "\"}"));
    }

    /**
     * A user file that is (or links to) a device: the file system says 0 bytes, the stream never ends. Every
     * reader of user files reads at most its cap and answers with one line and exit 2, never OutOfMemoryError.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("deviceCases")
    void aFileLinkedToADeviceIsReadOnlyUpToTheCap(String name, String args, int exit, String message) throws Exception {
        Path zero = tmp.resolve("zero.json");
        Files.createSymbolicLink(zero, Path.of("/dev/zero"));
        TestFiles.write(tmp.resolve("EDGE_REPORT.json"), OK_REPORT);
        Path rules = tmp.resolve("rules");
        RulesFolders.copyOfV1(rules);
        Files.delete(rules.resolve("limits.json"));
        Files.createSymbolicLink(rules.resolve("limits.json"), Path.of("/dev/zero"));
        Files.createDirectories(tmp.resolve("drop"));
        Map<String, String> env = Map.of("MM_FREEZE_UTC_ISO", "2025-10-12T14:00:00Z");
        CliRun r = CliRun.run(env, args.replace("{tmp}", tmp.toString()).split(" "));
        assertThat(r.code()).as(r.err()).isEqualTo(exit);
        assertThat(r.err().lines()).as("one line").hasSize(1);
        assertThat(r.err()).startsWith("soaktune: error: ").contains(message).doesNotContain("\tat ");
        assertThat(tmp.resolve("soak")).doesNotExist();
    }

    static Stream<Arguments> deviceCases() {
        String tune = "tune --edge-report {tmp}/EDGE_REPORT.json --out {tmp}/soak/runtime_overrides.json ";
        String cap = "is larger than the 10485760-byte limit";
        return Stream.of(
                Arguments.of("edge report", "tune --edge-report {tmp}/zero.json --out {tmp}/soak/o.json",
                        ExitCodes.INVALID_INPUT, "zero.json: " + cap),
                Arguments.of("overrides", tune + "--overrides {tmp}/zero.json", ExitCodes.INVALID_INPUT, "zero.json: " + cap),
                Arguments.of("profile", tune + "--profile {tmp}/zero.json", ExitCodes.INVALID_INPUT, "zero.json: " + cap),
                Arguments.of("limits", tune + "--rules {tmp}/rules", ExitCodes.RULES_INVALID,
                        "limits.json: no such file"), // the rules folder only takes regular files
                Arguments.of("kpi thresholds", "kpi-gate --edge-report {tmp}/EDGE_REPORT.json --thresholds {tmp}/zero.json",
                        ExitCodes.INVALID_INPUT, "zero.json: " + cap),
                Arguments.of("secrets", "run --source file:{tmp}/drop --iterations 1 --secrets-file {tmp}/zero.json"
                        + " --artifacts {tmp}/soak", ExitCodes.INVALID_INPUT, "zero.json: " + cap),
                Arguments.of("scenario", "run --mock --iterations 1 --scenario {tmp}/zero.json --artifacts {tmp}/soak",
                        ExitCodes.INVALID_INPUT, "zero.json: " + cap));
    }
}
