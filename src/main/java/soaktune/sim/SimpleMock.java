package soaktune.sim;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.SplittableRandom;
import soaktune.io.EdgeReportReader;
import soaktune.io.InputException;
import soaktune.model.EdgeReport;
import soaktune.soak.StrategySource;

/**
 * A deterministic, seeded stand-in for a strategy: each metric is a simple linear response to the
 * parameters plus seeded noise, tuned so that S1 starts out failing some KPIs and the v1 rules can fix it.
 * It is not a market model; the causal simulator replaces it.
 */
public final class SimpleMock implements StrategySource {
    private final long seed;
    private final String utc;

    public SimpleMock(long seed, String utc) {
        this.seed = seed;
        this.utc = utc;
    }

    @Override
    public EdgeReport runIteration(int iteration, Map<String, Double> p) throws InputException {
        SplittableRandom rnd = new SplittableRandom(seed * 1_000_003L + iteration);
        double interval = p.get("min_interval_ms");
        double replace = p.get("replace_rate_per_min");
        double spread = p.get("base_spread_bps");
        double impact = p.get("impact_cap_ratio");
        double tail = p.get("tail_age_ms");

        double cancel = clamp01(0.35 + 0.0015 * (replace - 120) - 0.002 * (interval - 50) + noise(rnd, 0.01));
        double adverse = Math.max(0, 5.0 - 6.0 * (spread - 0.85) + noise(rnd, 0.1));
        double slippage = Math.max(0, 2.0 + 8.0 * (impact - 0.04) + noise(rnd, 0.1));
        double age = Math.max(0, 200 + 0.15 * tail - 0.2 * (replace - 120) + noise(rnd, 5));
        double lag = Math.max(0, 60 + 0.25 * replace - 0.3 * (interval - 50) + noise(rnd, 3));
        double gross = 3.0 + 2.0 * (spread - 0.85) + noise(rnd, 0.05);
        double fees = -0.2;
        double slipCost = -0.05 * slippage;
        double inventory = -0.2 - 0.002 * (lag - 100) + noise(rnd, 0.02);
        double makerShare = Math.min(100, Math.max(0, 90 - 20 * (spread - 0.85) + noise(rnd, 0.5)));

        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ObjectNode totals = root.putObject("totals");
        totals.put("net_bps", round(gross + fees + slipCost + inventory));
        totals.put("gross_bps", round(gross));
        totals.put("fees_eff_bps", fees);
        totals.put("slippage_bps", round(slipCost));
        totals.put("inventory_bps", round(inventory));
        totals.put("adverse_bps_p95", round(adverse));
        totals.put("slippage_bps_p95", round(slippage));
        totals.put("order_age_p95_ms", round(age));
        totals.put("ws_lag_p95_ms", round(lag));
        totals.put("cancel_ratio", round(cancel));
        totals.put("replace_ratio", round(clamp01(cancel * 0.8)));
        totals.put("maker_share_pct", round(makerShare));
        totals.put("fills", Math.round(400 - 300 * (spread - 0.85) + noise(rnd, 20)));
        ObjectNode blocked = totals.putObject("blocked_ratio");
        blocked.put("min_interval", round(clamp01(0.05 + interval / 2000)));
        blocked.put("concurrency", 0.0);
        blocked.put("risk", 0.0);
        blocked.put("throttle", round(clamp01(replace / 3600)));
        root.putObject("symbols");
        ObjectNode runtime = root.putObject("runtime");
        runtime.put("utc", utc);
        runtime.put("version", "soaktune-mock-simple");
        runtime.put("iteration", iteration);
        return EdgeReportReader.fromJson("mock iteration " + iteration, root);
    }

    @Override
    public String describe() {
        return "mock:simple seed=" + seed;
    }

    private static double noise(SplittableRandom rnd, double sd) {
        // Sum of uniforms: bounded, roughly normal, and identical on every JVM for a given seed.
        return sd * (rnd.nextDouble() + rnd.nextDouble() + rnd.nextDouble() - 1.5) * 2;
    }

    private static double clamp01(double v) {
        return Math.max(0, Math.min(1, v));
    }

    private static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }
}
