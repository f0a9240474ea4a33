package soaktune.sim;

import com.fasterxml.jackson.databind.JsonNode;
import soaktune.io.Json;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import soaktune.io.EdgeReportReader;
import soaktune.io.InputException;
import soaktune.model.EdgeReport;
import soaktune.sim.replay.Calibration;
import soaktune.sim.replay.MarketData;
import soaktune.sim.replay.ReplayEnd;
import soaktune.sim.replay.ReplayMarket;
import soaktune.soak.StrategySource;
import soaktune.sim.event.MarketEventSource;

/**
 * The causal market-making simulator behind {@code run --mock}: each iteration simulates
 * {@code iterationMinutes} of market (synthetic or replayed) with the quoting parameters the runner applies,
 * and returns the EDGE_REPORT it produced, validated like any input. Same seed, scenario and parameters:
 * byte-identical report.
 */
public final class MarketSimulator implements StrategySource {
    public static final String VERSION = "soaktune-sim/1";

    private final ScenarioSpec scenario;
    private final long seed;
    private final double iterationMs;
    private final String utc;
    private final SyntheticMarket synthetic;
    private final ReplayMarket replay;
    private final Calibration calibration;
    private double inventoryQty;
    private int lastIteration;

    private MarketSimulator(ScenarioSpec scenario, long seed, double iterationMinutes, String utc,
            ReplayMarket replay, Calibration calibration) {
        if (!(iterationMinutes > 0) || Double.isInfinite(iterationMinutes)) {
            throw new IllegalArgumentException("iteration minutes must be positive, got " + iterationMinutes);
        }
        this.scenario = scenario;
        this.seed = seed;
        this.iterationMs = iterationMinutes * 60_000;
        this.utc = utc;
        this.replay = replay;
        this.calibration = calibration;
        this.synthetic = replay == null ? new SyntheticMarket(scenario.params()) : null;
    }

    public static MarketSimulator synthetic(ScenarioSpec scenario, long seed, double iterationMinutes, String utc) {
        return new MarketSimulator(scenario, seed, iterationMinutes, utc, null, null);
    }

    public static MarketSimulator replay(ScenarioSpec scenario, MarketData data, Calibration calibration,
            ReplayEnd end, long seed, double iterationMinutes, String utc) {
        return new MarketSimulator(scenario, seed, iterationMinutes, utc, new ReplayMarket(data, end), calibration);
    }

    @Override
    public EdgeReport runIteration(int iteration, Map<String, Double> appliedParams) throws InputException {
        long captureStart = replay == null ? 0 : replay.captureNs();
        int wrapsBefore = replay == null ? 0 : replay.position().wraps();
        IterationStats st = simulate(iteration, QuotingParams.fromApplied(appliedParams));
        ObjectNode runtime = runtime(iteration, appliedParams, st);
        if (replay != null) {
            ObjectNode r = runtime.putObject("replay");
            r.put("slice_start_ns", captureStart);
            r.put("slice_end_ns", replay.captureNs());
            r.put("wraps", replay.position().wraps() - wrapsBefore);
            r.put("partial", st.marketMs < iterationMs);
        }
        String symbol = replay == null ? "SIM" : "REPLAY";
        return EdgeReportReader.fromJson("simulator iteration " + iteration,
                EdgeReportBuilder.build(st, runtime, symbol));
    }

    IterationStats simulate(int iteration, QuotingParams q) {
        MarketEventSource source = replay != null ? replay : synthetic;
        double a = calibration != null ? calibration.a() : scenario.params().fillA();
        double k = calibration != null ? calibration.k() : scenario.params().fillKPerBps();
        QuotingEngine engine = new QuotingEngine(scenario.params(), q, a, k, inventoryQty,
                Rng.stream(seed, iteration, Rng.FEED), Rng.stream(seed, iteration, Rng.ORDERS));
        IterationStats st = engine.run(source, iterationMs, Rng.stream(seed, iteration, Rng.MARKET));
        inventoryQty = st.endInventoryQty;
        lastIteration = iteration;
        return st;
    }

    /** Runs one iteration without building a report; returns its market events (book updates and trades). */
    public long simulateEvents(int iteration, Map<String, Double> appliedParams) {
        return simulate(iteration, QuotingParams.fromApplied(appliedParams)).marketEvents();
    }

    public SimState state() {
        return new SimState(lastIteration, synthetic == null ? 0 : synthetic.mid(), inventoryQty,
                replay == null ? null : replay.position());
    }

    public void restore(SimState state) {
        lastIteration = state.iteration();
        inventoryQty = state.inventoryQty();
        if (synthetic != null) {
            synthetic.restore(state.mid());
        }
        if (replay != null && state.replay() != null) {
            replay.restore(state.replay());
        }
    }

    @Override
    public JsonNode saveState() {
        return Json.mapper().valueToTree(state());
    }

    @Override
    public void restoreState(JsonNode saved) throws InputException {
        if (saved == null || saved.isNull()) {
            return;
        }
        restore(Json.bind("soak_state.json", "strategy_state", saved, SimState.class));
    }

    @Override
    public String describe() {
        return "mock:" + (replay == null ? "sim" : "replay") + " scenario=" + scenario.name() + " seed=" + seed;
    }

    private ObjectNode runtime(int iteration, Map<String, Double> applied, IterationStats st) {
        ObjectNode runtime = JsonNodeFactory.instance.objectNode();
        runtime.put("utc", utc);
        runtime.put("version", VERSION);
        runtime.put("iteration", iteration);
        runtime.put("seed", seed);
        runtime.put("scenario", scenario.name());
        runtime.put("scenario_source", scenario.source());
        runtime.put("mode", replay == null ? "synthetic" : "replay");
        runtime.put("market_minutes", EdgeReportBuilder.round(st.marketMs / 60_000, 6));
        ObjectNode events = runtime.putObject("events");
        events.put("book", st.bookEvents);
        events.put("trade", st.tradeEvents);
        events.put("total", st.marketEvents());
        applied.forEach(runtime.putObject("params")::put);
        ObjectNode fill = runtime.putObject("calibration");
        if (calibration != null) {
            fill.put("source", calibration.fitted() ? "fitted to replayed trades" : "scenario (too few trades to fit)");
            fill.put("a", EdgeReportBuilder.round(calibration.a(), 6));
            fill.put("k_per_bps", EdgeReportBuilder.round(calibration.k(), 6));
            fill.put("trades", calibration.trades());
            fill.put("grid_points", calibration.points());
            fill.put("r_squared", EdgeReportBuilder.round(calibration.rSquared(), 6));
            fill.put("lag_ms", calibration.lagMs());
        } else {
            fill.put("source", "scenario");
            fill.put("a", scenario.params().fillA());
            fill.put("k_per_bps", scenario.params().fillKPerBps());
        }
        ObjectNode end = runtime.putObject("state_end");
        end.put("mid", EdgeReportBuilder.round(st.endMid, 6));
        end.put("inventory_qty", EdgeReportBuilder.round(st.endInventoryQty, 9));
        return runtime;
    }
}
