package soaktune.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import soaktune.io.Json;

/** `kpi-gate` through the CLI: markers, exit codes, the JSON verdict, bad thresholds. */
final class KpiGateCommandTest {
    @TempDir
    Path tmp;

    private Path report(String key, String value) {
        return TestFiles.write(tmp.resolve("EDGE_REPORT.json"),
                TestFiles.edgeReport(key, value).replace("\"net_bps\": 3.0", "\"net_bps\": 3.0, \"fills\": 400"));
    }

    private CliRun gate(Map<String, String> env, String... extra) {
        String[] base = {"kpi-gate", "--edge-report", tmp.resolve("EDGE_REPORT.json").toString()};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return CliRun.run(env, args);
    }

    @Test
    void okWarnFailInconclusiveMapToExitCodesAndMarkers() {
        report(null, null);
        CliRun ok = gate(Map.of());
        assertThat(ok.code()).isZero();
        assertThat(ok.out().strip()).isEqualTo("| kpi_gate | OK | THRESHOLDS=APPLIED |");

        report("adverse_bps_p95", "4.5");
        CliRun warn = gate(Map.of());
        assertThat(warn.code()).isEqualTo(ExitCodes.FAILED);
        assertThat(warn.out().strip()).isEqualTo("| kpi_gate | WARN | REASONS=EDGE:adverse |");

        report("cancel_ratio", "0.8");
        assertThat(gate(Map.of()).out()).contains("| kpi_gate | FAIL | REASONS=EDGE:cancel |");

        report("ws_lag_p95_ms", null);
        CliRun inconclusive = gate(Map.of());
        assertThat(inconclusive.code()).isEqualTo(ExitCodes.INCONCLUSIVE);
        assertThat(inconclusive.out()).contains("| kpi_gate | INCONCLUSIVE | REASONS=EDGE:ws_lag:missing |");
    }

    @Test
    void writesTheVerdictAsSortedJson() throws Exception {
        report("slippage_bps_p95", "3.5");
        Path out = tmp.resolve("KPI_GATE.json");
        assertThat(gate(Map.of("MM_FREEZE_UTC_ISO", "2025-10-12T14:00:00Z"), "--out", out.toString()).code())
                .isEqualTo(ExitCodes.FAILED);
        var doc = Json.readFile(out);
        assertThat(doc.get("verdict").asText()).isEqualTo("WARN");
        assertThat(doc.at("/metrics/slippage_bps_p95/verdict").asText()).isEqualTo("WARN");
        assertThat(doc.at("/metrics/slippage_bps_p95/warn_above").asDouble()).isEqualTo(3.0);
        assertThat(doc.get("ts").asText()).isEqualTo("2025-10-12T14:00:00Z");
    }

    @Test
    void envVariablesOverrideTheFile() {
        report("adverse_bps_p95", "4.5");
        assertThat(gate(Map.of("KPI_ADVERSE_BPS_P95_WARN", "5.0")).code()).isZero();
        CliRun bad = gate(Map.of("KPI_ADVERSE_BPS_P95_WARN", "7.0"));
        assertThat(bad.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(bad.err()).contains("KPI_ADVERSE_BPS_P95_WARN: WARN 7.0 is beyond FAIL 6.0");
        assertThat(gate(Map.of("KPI_NOPE_WARN", "1")).err()).contains("KPI_NOPE_WARN: unknown KPI override");
    }

    @Test
    void badThresholdFilesAndReportsFailWithoutWritingAnything() {
        report(null, null);
        Path out = tmp.resolve("KPI_GATE.json");
        Path beyond = TestFiles.write(tmp.resolve("t1.json"), "{\"min_fills\": 0, \"metrics\": {\"cancel_ratio\": "
                + "{\"tag\": \"EDGE:cancel\", \"warn_above\": 0.8, \"fail_above\": 0.7}}}");
        CliRun r1 = gate(Map.of(), "--thresholds", beyond.toString(), "--out", out.toString());
        assertThat(r1.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(r1.err()).contains("t1.json: metrics.cancel_ratio: WARN 0.8 is beyond FAIL 0.7");
        Path malformed = TestFiles.write(tmp.resolve("t2.json"), "{\"min_fills\": 0, \"metrics\": {");
        assertThat(gate(Map.of(), "--thresholds", malformed.toString()).err()).contains("t2.json: malformed JSON");
        TestFiles.write(tmp.resolve("EDGE_REPORT.json"), "{\"symbols\": {}}");
        CliRun r3 = gate(Map.of(), "--out", out.toString());
        assertThat(r3.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(r3.err()).contains("EDGE_REPORT.json: totals: is missing");
        assertThat(Files.exists(out)).isFalse();
    }
}
