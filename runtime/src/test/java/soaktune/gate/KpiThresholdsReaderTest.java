package soaktune.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** kpi_thresholds.json bound to records: each bad file is one line naming the file and the field. */
final class KpiThresholdsReaderTest {
    private static KpiThresholds read(String json) throws Exception {
        return KpiThresholdsReader.read("k.json", json.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    @Test
    void aBelowBoundIsALowerBound() throws Exception {
        KpiThresholds t = read("{\"min_fills\": 5, \"metrics\": {\"net_bps\": {\"tag\": \"EDGE:net\", \"fail_below\": 2}}}");
        assertThat(t.minFills()).isEqualTo(5);
        assertThat(t.metrics()).singleElement().satisfies(m -> {
            assertThat(m.upperBound()).isFalse();
            assertThat(m.fail()).isEqualTo(2.0);
            assertThat(m.warn()).isNull();
        });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "typo in a bound | {\"tag\": \"t\", \"fail_below\": 1, \"fial_below\": 2} | metrics.net_bps.fial_below: unknown field (allowed: fail_above, fail_below, tag, warn_above, warn_below)",
        "both directions | {\"tag\": \"t\", \"fail_below\": 1, \"warn_above\": 2} | metrics.net_bps: needs warn_above/fail_above or warn_below/fail_below, not both",
        "no bound        | {\"tag\": \"t\"} | metrics.net_bps: needs warn_above/fail_above or warn_below/fail_below, not neither",
        "infinite bound  | {\"tag\": \"t\", \"fail_below\": 1e400} | metrics.net_bps: bounds must be finite numbers",
        "bound as text   | {\"tag\": \"t\", \"fail_below\": \"1\"} | metrics.net_bps.fail_below: must be a number, got string \"1\"",
        "null tag        | {\"tag\": null, \"fail_below\": 1} | metrics.net_bps.tag: is missing",
        "null entry      | null | metrics.net_bps: is missing"})
    void aBadMetricEntryNamesItsField(String name, String entry, String message) {
        assertThatThrownBy(() -> read("{\"min_fills\": 0, \"metrics\": {\"net_bps\": " + entry + "}}"))
                .hasMessage("k.json: " + message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "fraction   | 1.5   | min_fills: must be a whole number >= 0, got 1.5",
        "negative   | -1    | min_fills: must be a whole number >= 0, got -1.0",
        "text       | \"5\" | min_fills: must be a number, got string \"5\""})
    void aBadMinFillsNamesIt(String name, String value, String message) {
        assertThatThrownBy(() -> read("{\"min_fills\": " + value + ", \"metrics\": {}}")).hasMessage("k.json: " + message);
    }
}
