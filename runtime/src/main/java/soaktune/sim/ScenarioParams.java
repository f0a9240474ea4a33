package soaktune.sim;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every parameter of the market model, validated once when a scenario is built. A scenario file sets any of
 * them by its snake_case key ({@code volatilityBpsPerSqrtS} is {@code volatility_bps_per_sqrt_s}); the keys
 * are derived from the record components, so the file format cannot drift from the model. Units are in the
 * names; docs/simulator.md gives each equation they enter.
 */
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
        double fillKPerBps,
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

    /** A parameter out of its range; carries the file key so the error can name it. */
    public static final class Invalid extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final String key;

        Invalid(String key, String problem) {
            super(key + ": " + problem);
            this.key = key;
        }

        public String key() {
            return key;
        }

        public String problem() {
            return getMessage().substring(key.length() + 2);
        }
    }

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
        atLeast("feed_latency_ms", feedLatencyMs, 0);
        atLeast("order_latency_ms", orderLatencyMs, 0);
        atLeast("jitter_ms", jitterMs, 0);
        positive("venue_msg_capacity_per_s", venueMsgCapacityPerS);
        atLeast("queue_delay_ms", queueDelayMs, 0);
        positive("msg_rate_window_ms", msgRateWindowMs);
        between("max_inflight", maxInflight, 1, 16);
        between("token_burst", tokenBurst, 1, 1000);
        between("maker_fee_bps", makerFeeBps, -10, 100);
        between("taker_fee_bps", takerFeeBps, -10, 100);
        positive("order_size_usd", orderSizeUsd);
        atLeast("requote_threshold_bps", requoteThresholdBps, 0);
        positive("max_inventory_usd", maxInventoryUsd);
        atLeast("hedge_delay_ms", hedgeDelayMs, 0);
        atLeast("hedge_impact_bps", hedgeImpactBps, 0);
        atLeast("calibration_lag_ms", calibrationLagMs, 0);
        if (maxInflight != Math.rint(maxInflight)) {
            throw new Invalid("max_inflight", "must be a whole number, got " + maxInflight);
        }
    }

    /** The file keys, in record order. */
    public static List<String> keys() {
        return KEYS;
    }

    /** Values by file key, in record order. */
    public Map<String, Double> toMap() {
        Map<String, Double> out = new LinkedHashMap<>();
        for (int i = 0; i < COMPONENTS.length; i++) {
            try {
                out.put(KEYS.get(i), (Double) COMPONENTS[i].getAccessor().invoke(this));
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read " + KEYS.get(i), e);
            }
        }
        return Collections.unmodifiableMap(out);
    }

    /** A copy with some values replaced; unknown keys are a programming error here (files check first). */
    public ScenarioParams with(Map<String, Double> changes) {
        Map<String, Double> values = new LinkedHashMap<>(toMap());
        changes.forEach((key, value) -> {
            if (!values.containsKey(key)) {
                throw new IllegalArgumentException("unknown scenario parameter " + key);
            }
            values.put(key, value);
        });
        Object[] args = KEYS.stream().map(values::get).toArray();
        try {
            return CONSTRUCTOR.newInstance(args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof Invalid invalid) {
                throw invalid;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InstantiationException | IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    static String snake(String camel) {
        StringBuilder sb = new StringBuilder();
        for (char c : camel.toCharArray()) {
            if (Character.isUpperCase(c)) {
                sb.append('_').append(Character.toLowerCase(c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static final RecordComponent[] COMPONENTS = ScenarioParams.class.getRecordComponents();
    private static final List<String> KEYS = Arrays.stream(COMPONENTS).map(c -> snake(c.getName())).toList();
    private static final Constructor<ScenarioParams> CONSTRUCTOR = canonicalConstructor();

    private static Constructor<ScenarioParams> canonicalConstructor() {
        try {
            return ScenarioParams.class.getDeclaredConstructor(
                    Arrays.stream(COMPONENTS).map(RecordComponent::getType).toArray(Class<?>[]::new));
        } catch (NoSuchMethodException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static void positive(String key, double v) {
        finite(key, v);
        if (!(v > 0)) {
            throw new Invalid(key, "must be > 0, got " + v);
        }
    }

    private static void atLeast(String key, double v, double min) {
        finite(key, v);
        if (v < min) {
            throw new Invalid(key, "must be >= " + min + ", got " + v);
        }
    }

    private static void between(String key, double v, double min, double max) {
        finite(key, v);
        if (v < min || v > max) {
            throw new Invalid(key, "must be between " + min + " and " + max + ", got " + v);
        }
    }

    private static void finite(String key, double v) {
        if (!Double.isFinite(v)) {
            throw new Invalid(key, "must be a finite number, got " + v);
        }
    }
}
