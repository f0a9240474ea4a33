package soaktune.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import soaktune.io.Json;
import soaktune.io.ProfileLoader;
import soaktune.model.EdgeReport;
import soaktune.model.Overrides;

/** Same seed, scenario and parameters give the same bytes; an iteration can be re-run on its own. */
final class SimulatorDeterminismTest {
    private static Map<String, Double> s1() throws Exception {
        return ProfileLoader.load("S1", "test").applyRuntime(Overrides.empty());
    }

    private static byte[] bytes(EdgeReport r) {
        return Json.toBytes(r.document());
    }

    @Test
    void sameSeedScenarioParams_byteIdenticalReports() throws Exception {
        for (Scenario s : Scenario.values()) {
            MarketSimulator a = MarketSimulator.synthetic(s.spec(), 7, 2, "2025-01-01T00:00:00Z");
            MarketSimulator b = MarketSimulator.synthetic(s.spec(), 7, 2, "2025-01-01T00:00:00Z");
            for (int i = 1; i <= 2; i++) {
                assertThat(bytes(a.runIteration(i, s1()))).as(s.id() + " iteration " + i)
                        .isEqualTo(bytes(b.runIteration(i, s1())));
            }
        }
    }

    @Test
    void differentSeed_differentReport() throws Exception {
        MarketSimulator a = MarketSimulator.synthetic(Scenario.DEFAULT.spec(), 1, 2, "t");
        MarketSimulator b = MarketSimulator.synthetic(Scenario.DEFAULT.spec(), 2, 2, "t");
        assertThat(bytes(a.runIteration(1, s1()))).isNotEqualTo(bytes(b.runIteration(1, s1())));
    }

    @Test
    void iterationRerunFromSavedState_isIdentical() throws Exception {
        MarketSimulator whole = MarketSimulator.synthetic(Scenario.VOLATILE.spec(), 3, 2, "t");
        whole.runIteration(1, s1());
        whole.runIteration(2, s1());
        SimState afterTwo = whole.state();
        byte[] third = bytes(whole.runIteration(3, s1()));

        MarketSimulator resumed = MarketSimulator.synthetic(Scenario.VOLATILE.spec(), 3, 2, "t");
        resumed.restore(afterTwo);
        assertThat(bytes(resumed.runIteration(3, s1()))).isEqualTo(third);
        assertThat(afterTwo.iteration()).isEqualTo(2);
    }

    @Test
    void report_isTheExtendedEdgeReport() throws Exception {
        EdgeReport r = MarketSimulator.synthetic(Scenario.DEFAULT.spec(), 1, 2, "t").runIteration(1, s1());
        JsonNode t = r.document().get("totals");
        for (String key : new String[] {"net_bps", "gross_bps", "fees_eff_bps", "slippage_bps", "inventory_bps",
                "adverse_bps_p95", "slippage_bps_p95", "order_age_p95_ms", "ws_lag_p95_ms", "cancel_ratio",
                "replace_ratio", "maker_share_pct", "fills", "turnover_usd"}) {
            assertThat(t.has(key)).as(key).isTrue();
        }
        assertThat(t.get("blocked_ratio").properties()).extracting(Map.Entry::getKey)
                .containsExactlyInAnyOrder("min_interval", "concurrency", "risk", "throttle");
        assertThat(t.get("markouts").properties()).extracting(Map.Entry::getKey)
                .containsExactlyInAnyOrder("1s", "5s", "30s");
        // net is exactly the sum of its (rounded) parts
        double sum = t.get("gross_bps").doubleValue() + t.get("fees_eff_bps").doubleValue()
                + t.get("slippage_bps").doubleValue() + t.get("inventory_bps").doubleValue();
        assertThat(t.get("net_bps").doubleValue()).isCloseTo(sum, org.assertj.core.data.Offset.offset(1e-9));
        // adverse_bps_p95 is the 5 s markouts' adverse percentile
        assertThat(t.get("adverse_bps_p95").doubleValue())
                .isEqualTo(t.get("markouts").get("5s").get("adverse_p95_bps").doubleValue());
        assertThat(r.totals().getFills()).isPositive();
        assertThat(r.document().get("runtime").get("version").asText()).isEqualTo(MarketSimulator.VERSION);
    }
}
