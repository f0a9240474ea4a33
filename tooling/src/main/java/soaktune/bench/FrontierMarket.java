package soaktune.bench;

import soaktune.sim.MarketSimulator;
import soaktune.sim.ScenarioSpec;
import soaktune.sim.replay.Calibration;
import soaktune.sim.replay.IntensityCalibrator;
import soaktune.sim.replay.MarketData;
import soaktune.sim.replay.ReplayEnd;

/**
 * One market the frontier sweeps: a synthetic scenario, or a replayed capture (A and k fitted once, the
 * scenario giving latency, queue and fees, as in {@code run --market-data}). The capture is shared read-only
 * by every simulator built from it.
 */
public record FrontierMarket(String name, ScenarioSpec scenario, MarketData data, Calibration calibration) {

    public static FrontierMarket synthetic(ScenarioSpec scenario) {
        return new FrontierMarket(scenario.name(), scenario, null, null);
    }

    public static FrontierMarket replay(ScenarioSpec scenario, MarketData data) {
        String file = data.quotesFile().getFileName().toString();
        int cut = file.indexOf("_bookTicker");
        Calibration calibration = IntensityCalibrator.fit(data.quotes(), data.trades(),
                scenario.params().calibrationLagMs(), scenario.params().fillA(), scenario.params().fillKPerBps());
        return new FrontierMarket("replay " + (cut > 0 ? file.substring(0, cut) : file), scenario, data, calibration);
    }

    /** A fresh simulator for this market and seed, set up the way {@code run --mock} sets up its own. */
    public MarketSimulator simulator(long seed, double iterationMinutes) {
        return data == null ? MarketSimulator.synthetic(scenario, seed, iterationMinutes, "bench")
                : MarketSimulator.replay(scenario, data, calibration, ReplayEnd.WRAP, seed, iterationMinutes, "bench");
    }
}
