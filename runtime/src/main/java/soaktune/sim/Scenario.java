package soaktune.sim;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import soaktune.io.InputException;
import soaktune.io.Json;

/**
 * The built-in scenarios, by name. Each is the default market with a few parameters changed, so what a
 * scenario stresses is visible in one line. An enum as a factory: an unknown name fails listing these.
 */
public enum Scenario {
    /** A busy mid-cap book where S1 starts out failing some KPI targets and the v1 rules can help. */
    DEFAULT(Map.of()),
    /** Low volatility, few jumps, little informed flow: S1 should be close to fine. */
    CALM(Map.of("volatility_bps_per_sqrt_s", 0.5, "jump_prob", 0.0005, "informed_share", 0.03,
            "mid_update_rate_per_s", 8.0, "taker_rate_per_s", 32.0, "queue_ahead_ratio", 0.05,
            "venue_msg_capacity_per_s", 45.0)),
    /** High volatility and frequent jumps: stale quotes get picked off, requotes pile up. */
    VOLATILE(Map.of("volatility_bps_per_sqrt_s", 2.2, "jump_prob", 0.01, "jump_bps", 5.0,
            "mid_update_rate_per_s", 16.0)),
    /** Heavy informed flow: every fill is followed by the price moving against us. */
    TOXIC(Map.of("informed_share", 0.2, "informed_impact_bps", 1.2)),
    /** A slow, easily congested venue connection. */
    LAGGY_VENUE(Map.of("feed_latency_ms", 50.0, "order_latency_ms", 40.0, "jitter_ms", 14.0,
            "venue_msg_capacity_per_s", 18.0)),
    /** Little displayed depth: small orders, short queues, costly hedges. */
    THIN_BOOK(Map.of("touch_depth_usd", 15_000.0, "taker_size_usd", 2_000.0, "hedge_impact_bps", 6.0));

    /** Model defaults: see docs/simulator.md for what each one means and why it has this value. */
    public static final ScenarioParams DEFAULTS = new ScenarioParams(
            60_000, // start_price
            12, // mid_update_rate_per_s
            0.8, // volatility_bps_per_sqrt_s
            0.002, // jump_prob
            3.0, // jump_bps
            24, // taker_rate_per_s
            3_000, // taker_size_usd
            0.07, // informed_share
            0.8, // informed_impact_bps
            2.0, // touch_half_spread_bps
            20_000, // touch_depth_usd
            0.1, // queue_ahead_ratio
            1.5, // queue_cancel_rate_per_s
            0.9, // fill_a
            0.3, // fill_k_per_bps
            35, // feed_latency_ms
            25, // order_latency_ms
            10, // jitter_ms
            25, // venue_msg_capacity_per_s
            60, // queue_delay_ms
            1_000, // msg_rate_window_ms
            2, // max_inflight
            5, // token_burst
            0.1, // maker_fee_bps
            2.5, // taker_fee_bps
            10_000, // order_size_usd
            0.3, // requote_threshold_bps
            30_000, // max_inventory_usd
            3_000, // hedge_delay_ms
            2.0, // hedge_impact_bps
            1_000); // calibration_lag_ms

    private final Map<String, Double> changes;

    Scenario(Map<String, Double> changes) {
        this.changes = changes;
    }

    /** The name users type: the constant's name in lower case, words joined by '-' ({@code laggy-venue}). */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public ScenarioParams params() {
        try {
            return DEFAULTS.with(id(), Json.mapper().valueToTree(changes));
        } catch (InputException e) {
            throw new IllegalStateException(e.getMessage(), e); // a typo in a built-in: a bug, not bad input
        }
    }

    public ScenarioSpec spec() {
        return new ScenarioSpec(id(), "built-in", params());
    }

    public static Optional<Scenario> find(String id) {
        String wanted = id.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(s -> s.id().equals(wanted)).findFirst();
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(Scenario::id).toList();
    }
}
