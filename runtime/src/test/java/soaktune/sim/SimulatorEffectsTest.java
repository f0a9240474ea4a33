package soaktune.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import soaktune.io.Json;
import soaktune.io.ProfileLoader;
import soaktune.model.Overrides;

/**
 * Each effect the issue asks of the model, on fixed seeds. The market path does not depend on our parameters
 * (separate random streams), so two runs differ only by the parameter under test. Each comparison sums two
 * seeds x two iterations so that no single lucky path decides it.
 */
final class SimulatorEffectsTest {
    private static final Map<String, Double> S1 = s1();

    private static Map<String, Double> s1() {
        try {
            return ProfileLoader.load("S1", "test").applyRuntime(Overrides.empty());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Totals of seeds 1-2, iterations 1-2, with one applied parameter changed. */
    private static Totals run(ScenarioSpec scenario, String param, double value) throws Exception {
        Map<String, Double> applied = new TreeMap<>(S1);
        applied.put(param, value);
        Totals sum = new Totals();
        for (long seed = 1; seed <= 2; seed++) {
            MarketSimulator sim = MarketSimulator.synthetic(scenario, seed, 10, "test");
            for (int i = 1; i <= 2; i++) {
                sum.add(sim.runIteration(i, applied).document().get("totals"));
            }
        }
        return sum;
    }

    private static Totals run(String param, double value) throws Exception {
        return run(Scenario.DEFAULT.spec(), param, value);
    }

    @Test
    void widerSpread_fewerFills_lessAdversePerFill() throws Exception {
        Totals narrow = run("base_spread_bps", 0.85);
        Totals wide = run("base_spread_bps", 1.45);
        assertThat(wide.fills).isLessThan(narrow.fills);
        // Mean adverse selection per fill at 5 s (minus the mean markout) and its 95th percentile.
        assertThat(wide.adverseMean5s).isLessThan(narrow.adverseMean5s);
        assertThat(wide.adverseP95).isLessThan(narrow.adverseP95);
    }

    /** A larger min interval, or a lower replace rate, slows requotes down. */
    @ParameterizedTest(name = "{0}: {1} is slower than {2}")
    @CsvSource({"min_interval_ms, 250, 60", "replace_rate_per_min, 120, 360"})
    void slowerRequotes_fewerCancels_olderOrders_lessLag(String param, double slower, double faster)
            throws Exception {
        Totals slow = run(param, slower);
        Totals fast = run(param, faster);
        assertThat(slow.cancels).isLessThan(fast.cancels);
        assertThat(slow.cancelRatio).isLessThan(fast.cancelRatio);
        assertThat(slow.orderAgeP95).isGreaterThan(fast.orderAgeP95);
        assertThat(slow.wsLagP95).isLessThan(fast.wsLagP95);
    }

    @Test
    void largerTailAge_olderOrders() throws Exception {
        // A quiet market (little flow, a slow mid) where orders live long enough for the tail cancel to matter.
        ScenarioSpec quiet = new ScenarioSpec("quiet", "test", Scenario.CALM.params().with("test", Json.mapper().valueToTree(Map.of(
                "taker_rate_per_s", 3.0, "volatility_bps_per_sqrt_s", 0.3))));
        Totals shortTail = run(quiet, "tail_age_ms", 400);
        Totals longTail = run(quiet, "tail_age_ms", 1000);
        assertThat(longTail.orderAgeP95).isGreaterThan(shortTail.orderAgeP95);
        assertThat(longTail.tailCancels).isLessThan(shortTail.tailCancels);
    }

    @Test
    void largerImpactCap_biggerOrders_moreTurnover() throws Exception {
        Totals small = run("impact_cap_ratio", 0.04);
        Totals large = run("impact_cap_ratio", 0.12);
        assertThat(large.turnover).isGreaterThan(small.turnover);
    }

    /** Two harder markets against the default one, at the same spread. */
    @Test
    void moreInformedFlow_moreAdverseSelection_slowerVenue_moreLagAndSlippage() throws Exception {
        Totals base = run(Scenario.DEFAULT.spec(), "base_spread_bps", 0.85);
        Totals toxic = run(Scenario.TOXIC.spec(), "base_spread_bps", 0.85);
        assertThat(toxic.adverseMean5s).isGreaterThan(base.adverseMean5s);
        assertThat(toxic.net).isLessThan(base.net);
        Totals laggy = run(Scenario.LAGGY_VENUE.spec(), "base_spread_bps", 0.85);
        assertThat(laggy.wsLagP95).isGreaterThan(base.wsLagP95);
        assertThat(laggy.slippageP95).isGreaterThan(base.slippageP95);
    }

    /** Sums of what the tests compare, over the runs of one setting. */
    private static final class Totals {
        long fills;
        long cancels;
        long tailCancels;
        double cancelRatio;
        double orderAgeP95;
        double wsLagP95;
        double adverseP95;
        double adverseMean5s;
        double slippageP95;
        double turnover;
        double net;

        void add(JsonNode t) {
            fills += t.get("fills").longValue();
            cancels += t.get("counts").get("cancels").longValue();
            tailCancels += t.get("counts").get("tail_cancels").longValue();
            cancelRatio += t.get("cancel_ratio").doubleValue();
            orderAgeP95 += t.get("order_age_p95_ms").doubleValue();
            wsLagP95 += t.get("ws_lag_p95_ms").doubleValue();
            adverseP95 += t.get("adverse_bps_p95").doubleValue();
            adverseMean5s -= t.get("markouts").get("5s").get("mean_bps").doubleValue();
            slippageP95 += t.get("slippage_bps_p95").doubleValue();
            turnover += t.get("turnover_usd").doubleValue();
            net += t.get("net_bps").doubleValue();
        }
    }
}
