package soaktune.sim;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fasterxml.jackson.databind.node.ObjectNode;
import soaktune.io.InputException;
import soaktune.io.Json;

/**
 * Every parameter of the market model, validated once when a scenario is built. A scenario file sets any of
 * them by its snake_case key ({@code volatilityBpsPerSqrtS} is {@code volatility_bps_per_sqrt_s}); the keys
 * are derived from the record components, so the file format cannot drift from the model. Units are in the
 * names; docs/simulator.md gives each equation they enter.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ScenarioParams(
        // Synthetic mid price: a random walk sampled at Poisson book updates, with jumps.
        double startPrice,
        double midUpdateRatePerS,
        double volatilityBpsPerSqrtS,
        double jumpProb,
        double jumpBps,
        // Taker flow, per side, and the informed share that moves the price after trading.
        double takerRatePerS,
        double takerSizeUsd,
        double informedShare,
        double informedImpactBps,
        // The venue's book as the synthetic market shows it (a replay reads these from the quotes).
        double touchHalfSpreadBps,
        double touchDepthUsd,
        // Queue position and the fill law P(delta) = A * exp(-k * delta) per arriving taker.
        double queueAheadRatio,
        double queueCancelRatePerS,
        double fillA,
        // Jackson's snake case keeps a one-letter word with the next one ("fill_kper_bps")
        @JsonProperty("fill_k_per_bps") double fillKPerBps,
        // Venue latency: base + queueing term growing with our message rate + exponential jitter.
        double feedLatencyMs,
        double orderLatencyMs,
        double jitterMs,
        double venueMsgCapacityPerS,
        double queueDelayMs,
        double msgRateWindowMs,
        double maxInflight,
        double tokenBurst,
        // Fees in bps of notional, positive = cost (a negative maker fee is a rebate).
        double makerFeeBps,
        double takerFeeBps,
        // The strategy around the five tuned fields.
        double orderSizeUsd,
        double requoteThresholdBps,
        double maxInventoryUsd,
        double hedgeDelayMs,
        double hedgeImpactBps,
        // Replay: the lag behind each trade at which the mid is read when calibrating A and k.
        double calibrationLagMs) {

    /**
     * The longest delay a scenario may set (a minute): past it no order is ever live and every KPI is
     * meaningless, so a value like 1e9 is a typo, refused with the key rather than simulated.
     */
    static final double MAX_DELAY_MS = 60_000;

    public ScenarioParams {
        positive("start_price", startPrice);
        positive("mid_update_rate_per_s", midUpdateRatePerS);
        atLeast("volatility_bps_per_sqrt_s", volatilityBpsPerSqrtS, 0);
        between("jump_prob", jumpProb, 0, 1);
        atLeast("jump_bps", jumpBps, 0);
        positive("taker_rate_per_s", takerRatePerS);
        positive("taker_size_usd", takerSizeUsd);
        between("informed_share", informedShare, 0, 1);
        atLeast("informed_impact_bps", informedImpactBps, 0);
        atLeast("touch_half_spread_bps", touchHalfSpreadBps, 0);
        positive("touch_depth_usd", touchDepthUsd);
        atLeast("queue_ahead_ratio", queueAheadRatio, 0);
        atLeast("queue_cancel_rate_per_s", queueCancelRatePerS, 0);
        between("fill_a", fillA, 0, 1);
        atLeast("fill_k_per_bps", fillKPerBps, 0);
        between("feed_latency_ms", feedLatencyMs, 0, MAX_DELAY_MS);
        between("order_latency_ms", orderLatencyMs, 0, MAX_DELAY_MS);
        between("jitter_ms", jitterMs, 0, MAX_DELAY_MS);
        positive("venue_msg_capacity_per_s", venueMsgCapacityPerS);
        between("queue_delay_ms", queueDelayMs, 0, MAX_DELAY_MS);
        positive("msg_rate_window_ms", msgRateWindowMs);
        between("max_inflight", maxInflight, 1, 16);
        between("token_burst", tokenBurst, 1, 1000);
        between("maker_fee_bps", makerFeeBps, -10, 100);
        between("taker_fee_bps", takerFeeBps, -10, 100);
        positive("order_size_usd", orderSizeUsd);
        atLeast("requote_threshold_bps", requoteThresholdBps, 0);
        positive("max_inventory_usd", maxInventoryUsd);
        between("hedge_delay_ms", hedgeDelayMs, 0, MAX_DELAY_MS);
        atLeast("hedge_impact_bps", hedgeImpactBps, 0);
        atLeast("calibration_lag_ms", calibrationLagMs, 0);
        if (maxInflight != Math.rint(maxInflight)) {
            throw new IllegalArgumentException("max_inflight: must be a whole number, got " + maxInflight);
        }
    }

    /**
     * A copy with the values {@code changes} gives by file key replaced, bound as a scenario file is: an
     * unknown key, a wrong type or a value out of range is one error naming {@code source} and the key.
     */
    public ScenarioParams with(String source, JsonNode changes) throws InputException {
        ObjectNode values = Json.mapper().valueToTree(this);
        values.setAll((ObjectNode) changes);
        return Json.bindStrict(source, values, ScenarioParams.class);
    }

    private static void positive(String key, double v) {
        require(key, v, v > 0, "> 0");
    }

    private static void atLeast(String key, double v, double min) {
        require(key, v, v >= min, ">= " + min);
    }

    private static void between(String key, double v, double min, double max) {
        require(key, v, v >= min && v <= max, "between " + min + " and " + max);
    }

    private static void require(String key, double v, boolean inRange, String range) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(key + ": must be a finite number, got " + v);
        }
        if (!inRange) {
            throw new IllegalArgumentException(key + ": must be " + range + ", got " + v);
        }
    }
}
