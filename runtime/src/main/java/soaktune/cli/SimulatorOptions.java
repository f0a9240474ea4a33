package soaktune.cli;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import picocli.CommandLine.Option;
import soaktune.io.InputException;
import soaktune.tuning.Markers;
import soaktune.sim.MarketSimulator;
import soaktune.sim.ScenarioLoader;
import soaktune.sim.ScenarioSpec;
import soaktune.sim.replay.Calibration;
import soaktune.sim.replay.IntensityCalibrator;
import soaktune.sim.replay.MarketData;
import soaktune.sim.replay.ReplayEnd;

/** {@code --scenario}, {@code --market-data}, {@code --replay-end}: which market the mock strategy trades in. */
public final class SimulatorOptions {
    @Option(names = "--scenario", paramLabel = "NAME|FILE", defaultValue = "default",
            description = "Simulated market: default, calm, volatile, toxic, laggy-venue, thin-book, or a scenario "
                    + "JSON file. With --market-data, its non-market parameters (latency, fees, queue) apply. "
                    + "Default: ${DEFAULT-VALUE}.")
    String scenario;

    @Option(names = "--market-data", paramLabel = "DIR",
            description = "Replay real quotes and trades from DIR (*bookTicker*.csv[.gz] and *trades*.csv[.gz]).")
    Path marketData;

    @Option(names = "--replay-end", paramLabel = "wrap|stop", defaultValue = "wrap",
            description = "At the end of the capture: wrap to its start (prices rescaled to stay continuous) or "
                    + "stop (a run longer than the capture is refused). Default: ${DEFAULT-VALUE}.")
    ReplayEnd replayEnd;

    /** Builds the simulator, printing what was loaded; every input is checked before anything is written. */
    MarketSimulator build(long seed, double iterationMinutes, int iterations, String utc, Markers markers)
            throws InputException {
        ScenarioSpec spec = ScenarioLoader.resolve(scenario);
        if (marketData == null) {
            markers.emit("sim_scenario", "OK", "SCENARIO=" + spec.name() + " SOURCE=" + spec.source());
            return MarketSimulator.synthetic(spec, seed, iterationMinutes, utc);
        }
        MarketData data = MarketData.load(marketData);
        double spanMinutes = data.spanNs() / 60e9;
        int fits = (int) Math.ceil(spanMinutes / iterationMinutes - 1e-9);
        if (replayEnd == ReplayEnd.STOP && iterations > fits) {
            throw new InputException("--iterations", String.format(java.util.Locale.ROOT,
                    "%d iterations of %s minutes need more than the %.2f minutes in %s; use at most %d, or "
                            + "--replay-end wrap", iterations, fmt(iterationMinutes), spanMinutes, marketData, fits));
        }
        Calibration cal = IntensityCalibrator.fit(data.quotes(), data.trades(), spec.params().calibrationLagMs(),
                spec.params().fillA(), spec.params().fillKPerBps());
        markers.emit("market_data", "OK", String.format(java.util.Locale.ROOT,
                "QUOTES=%d TRADES=%d SPAN_MIN=%.2f END=%s", data.quotes().size(), data.trades().size(), spanMinutes,
                replayEnd.name().toLowerCase(java.util.Locale.ROOT)));
        markers.emit("calibration", cal.fitted() ? "OK" : "SKIP", String.format(java.util.Locale.ROOT,
                "A=%.4f K=%.4f TRADES=%d R2=%.3f LAG_MS=%s%s", cal.a(), cal.k(), cal.trades(), cal.rSquared(),
                fmt(cal.lagMs()), cal.fitted() ? "" : " REASON=too_few_trades_using_scenario"));
        return MarketSimulator.replay(spec, data, cal, replayEnd, seed, iterationMinutes, utc);
    }

    /**
     * The options as one string for the resume state, e.g. {@code mock?scenario=default&replay-end=wrap}, so a
     * resumed soak rebuilds exactly the same simulated market.
     */
    String spec() {
        return "mock?scenario=" + encode(scenario) + (marketData == null ? "" : "&market-data="
                + encode(marketData.toString())) + "&replay-end=" + replayEnd.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Takes back the options {@link #spec()} wrote. */
    void adopt(String spec) throws InputException {
        int q = spec.indexOf('?');
        marketData = null;
        for (String pair : q < 0 ? new String[0] : spec.substring(q + 1).split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            switch (key) {
                case "scenario" -> scenario = value;
                case "market-data" -> marketData = Path.of(value);
                case "replay-end" -> replayEnd = ReplayEnd.valueOf(value.toUpperCase(java.util.Locale.ROOT));
                default -> throw new InputException("soak_state.json", "source", "unknown simulator option '" + key + "'");
            }
        }
    }

    private static String encode(String v) {
        return URLEncoder.encode(v, StandardCharsets.UTF_8);
    }

    /** A number as the user would write it: 10, not 10.0. */
    static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
