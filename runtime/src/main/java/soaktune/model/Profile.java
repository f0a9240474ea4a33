package soaktune.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A strategy profile: the documented base parameters plus the profile's own settings. A setting named
 * after a parameter replaces it; a setting named {@code <parameter>_delta} is added to it (S1's
 * {@code base_spread_bps_delta} 0.35 on a base of 0.5 gives 0.85).
 *
 * <p>The runtime override {@code base_spread_bps_delta} is a different, second layer: an extra delta on
 * top of the profile's spread, starting at 0. {@link #applyRuntime} adds it; the profile's own delta
 * never appears as a current runtime value.
 */
public record Profile(String name, Map<String, Double> base, Map<String, Double> settings) {
    public static final List<String> PARAMETERS = List.of("base_spread_bps", "concurrency_limit",
            "impact_cap_ratio", "inventory_tilt_cap", "max_delta_ratio", "min_interval_ms",
            "replace_rate_per_min", "slippage_penalty_coef", "tail_age_ms", "vip_tilt_cap");

    public Profile {
        base = Collections.unmodifiableMap(new TreeMap<>(base));
        settings = Collections.unmodifiableMap(new TreeMap<>(settings));
    }

    /** Parameters after the profile's settings, before any runtime override. */
    public Map<String, Double> applied() {
        Map<String, Double> out = new TreeMap<>(base);
        settings.forEach((key, value) -> {
            if (key.endsWith("_delta")) {
                String param = key.substring(0, key.length() - "_delta".length());
                out.put(param, round(out.getOrDefault(param, 0.0) + value));
            } else {
                out.put(key, value);
            }
        });
        return out;
    }

    /** Every tunable field's default value when no runtime override sets it (one {@link #applied()} for all). */
    public Map<TunableField, Double> defaultValues() {
        Map<String, Double> applied = applied();
        Map<TunableField, Double> out = new java.util.EnumMap<>(TunableField.class);
        for (TunableField field : TunableField.values()) {
            // each field is the parameter of its name, but the runtime spread delta, which starts at 0 (see above)
            out.put(field, field == TunableField.BASE_SPREAD_BPS_DELTA ? 0.0 : applied.get(field.key()));
        }
        return out;
    }

    /** Parameters the strategy runs with: the profile, then the runtime overrides on top. */
    public Map<String, Double> applyRuntime(Overrides runtime) {
        Map<String, Double> out = new TreeMap<>(applied());
        runtime.values().forEach((field, value) -> {
            if (field == TunableField.BASE_SPREAD_BPS_DELTA) {
                out.put("base_spread_bps", round(out.get("base_spread_bps") + value));
            } else {
                out.put(field.key(), value);
            }
        });
        return out;
    }

    private static double round(double v) {
        return BigDecimal.valueOf(v).setScale(9, RoundingMode.HALF_EVEN).stripTrailingZeros().doubleValue();
    }
}
