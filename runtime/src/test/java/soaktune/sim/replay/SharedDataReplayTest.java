package soaktune.sim.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import soaktune.io.ProfileLoader;
import soaktune.model.EdgeReport;
import soaktune.model.Overrides;
import soaktune.sim.MarketSimulator;
import soaktune.sim.Scenario;

/** Replays the real Binance BTCUSDT capture in ../shared/data (skipped, saying so, only when it is absent). */
final class SharedDataReplayTest {
    static final Path SHARED = Path.of("../shared/data");
    private static MarketData data;

    @BeforeAll
    static void load() throws Exception {
        assumeTrue(Files.isDirectory(SHARED), "skipped: the shared market data folder " + SHARED.toAbsolutePath()
                + " is absent");
        data = MarketData.load(SHARED);
    }

    @Test
    void sharedCapture_loadsAsDescribedInItsReadme() {
        // README: 73,174 bookTicker rows and 19,904 trades, about 10 min 50 s.
        assertThat(data.quotes().size()).isEqualTo(73_174);
        assertThat(data.trades().size()).isEqualTo(19_904);
        assertThat(data.spanNs() / 1e9).isBetween(645.0, 655.0);
    }

    @Test
    void sharedCapture_calibratesAAndK() {
        Calibration c = IntensityCalibrator.fit(data.quotes(), data.trades(), 1000, 0.9, 0.3);
        assertThat(c.fitted()).isTrue();
        assertThat(c.a()).isBetween(0.05, 1.0);
        assertThat(c.k()).isPositive();
        assertThat(c.rSquared()).isGreaterThan(0.5);
    }

    @Test
    void sharedCapture_replaysTwoIterationsWithWrap() throws Exception {
        Calibration c = IntensityCalibrator.fit(data.quotes(), data.trades(), 1000, 0.9, 0.3);
        MarketSimulator sim = MarketSimulator.replay(Scenario.DEFAULT.spec(), data, c, ReplayEnd.WRAP, 1, 10, "t");
        Map<String, Double> s1 = ProfileLoader.load("S1", "test").applyRuntime(Overrides.empty());
        EdgeReport first = sim.runIteration(1, s1);
        EdgeReport second = sim.runIteration(2, s1);
        JsonNode rt1 = first.document().get("runtime");
        assertThat(rt1.get("mode").asText()).isEqualTo("replay");
        assertThat(rt1.get("calibration").get("a").doubleValue()).isEqualTo(EdgeReportRounding.six(c.a()));
        assertThat(rt1.get("replay").get("wraps").intValue()).isZero();
        assertThat(second.document().get("runtime").get("replay").get("wraps").intValue()).isEqualTo(1);
        // Most of the capture's events fall in the first 10 minutes.
        assertThat(rt1.get("events").get("total").longValue()).isGreaterThan(70_000);
        assertThat(first.totals().getFills()).isPositive();
        assertThat(first.totals().getWsLagP95Ms()).isPositive();
    }

    @Test
    void sharedCapture_stopModeCoversTheCaptureOnce() throws Exception {
        Calibration c = IntensityCalibrator.fit(data.quotes(), data.trades(), 1000, 0.9, 0.3);
        MarketSimulator sim = MarketSimulator.replay(Scenario.DEFAULT.spec(), data, c, ReplayEnd.STOP, 1, 10, "t");
        Map<String, Double> s1 = ProfileLoader.load("S1", "test").applyRuntime(Overrides.empty());
        sim.runIteration(1, s1);
        EdgeReport tail = sim.runIteration(2, s1);
        assertThat(tail.document().get("runtime").get("replay").get("partial").booleanValue()).isTrue();
        assertThat(tail.document().get("runtime").get("market_minutes").doubleValue()).isBetween(0.7, 0.9);
    }

    /** The report rounds calibration figures to six decimals. */
    private static final class EdgeReportRounding {
        static double six(double v) {
            return Math.round(v * 1e6) / 1e6;
        }
    }
}
