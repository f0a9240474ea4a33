package soaktune.sim;

import java.util.Map;

/**
 * What the strategy quotes with in one iteration, taken from the applied parameters the soak runner hands
 * over ({@code Profile.applyRuntime}: the profile's spread already includes the runtime spread delta).
 */
public record QuotingParams(double spreadBps, double minIntervalMs, double replaceRatePerMin, double tailAgeMs,
        double impactCapRatio, double concurrencyLimit) {

    public QuotingParams {
        require("base_spread_bps", spreadBps, 0, 1_000);
        require("min_interval_ms", minIntervalMs, 0, 3_600_000);
        require("replace_rate_per_min", replaceRatePerMin, 1e-9, 1_000_000);
        require("tail_age_ms", tailAgeMs, 1, 3_600_000);
        require("impact_cap_ratio", impactCapRatio, 1e-9, 1);
        require("concurrency_limit", concurrencyLimit, 0, 100);
    }

    public static QuotingParams fromApplied(Map<String, Double> applied) {
        return new QuotingParams(get(applied, "base_spread_bps"), get(applied, "min_interval_ms"),
                get(applied, "replace_rate_per_min"), get(applied, "tail_age_ms"), get(applied, "impact_cap_ratio"),
                applied.getOrDefault("concurrency_limit", 1.0));
    }

    private static double get(Map<String, Double> applied, String key) {
        Double v = applied.get(key);
        if (v == null) {
            throw new IllegalArgumentException("applied parameters lack " + key);
        }
        return v;
    }

    private static void require(String key, double v, double min, double max) {
        if (!Double.isFinite(v) || v < min || v > max) {
            throw new IllegalArgumentException(key + " must be between " + min + " and " + max + ", got " + v);
        }
    }
}
