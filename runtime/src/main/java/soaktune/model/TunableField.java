package soaktune.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The five runtime-tunable fields. The JSON key is the contract with the strategy; whether a field is
 * integral decides how its values are rounded and printed (60, not 60.0).
 */
public enum TunableField {
    MIN_INTERVAL_MS("min_interval_ms", true),
    REPLACE_RATE_PER_MIN("replace_rate_per_min", true),
    BASE_SPREAD_BPS_DELTA("base_spread_bps_delta", false),
    IMPACT_CAP_RATIO("impact_cap_ratio", false),
    TAIL_AGE_MS("tail_age_ms", true);

    /** Decimal places kept for non-integral fields: enough for bps and ratios, and it hides 0.1+0.05 noise. */
    private static final int DECIMALS = 6;

    private final String key;
    private final boolean integral;

    TunableField(String key, boolean integral) {
        this.key = key;
        this.integral = integral;
    }

    public String key() {
        return key;
    }

    public boolean integral() {
        return integral;
    }

    public static Optional<TunableField> fromKey(String key) {
        return Arrays.stream(values()).filter(f -> f.key.equals(key)).findFirst();
    }

    public static List<String> keys() {
        return Arrays.stream(values()).map(TunableField::key).toList();
    }

    /** An unmodifiable copy of values by field, iterated in field order. */
    public static <V> Map<TunableField, V> copyOf(Map<TunableField, V> values) {
        EnumMap<TunableField, V> copy = new EnumMap<>(TunableField.class);
        copy.putAll(values);
        return Collections.unmodifiableMap(copy);
    }

    /** Rounds a value to what this field can hold: whole numbers, or six decimals. */
    public double normalize(double value) {
        if (integral) {
            return Math.rint(value);
        }
        return BigDecimal.valueOf(value).setScale(DECIMALS, RoundingMode.HALF_EVEN).doubleValue();
    }

    /** Text for markers: "80" for integral fields, "0.05" otherwise. */
    public String format(double value) {
        return formatNumber(normalize(value), integral);
    }

    public static String formatNumber(double value, boolean integral) {
        if (integral) {
            return Long.toString(Math.round(value));
        }
        BigDecimal d = BigDecimal.valueOf(value).stripTrailingZeros();
        if (d.scale() < 1) {
            d = d.setScale(1, RoundingMode.UNNECESSARY);
        }
        return d.toPlainString();
    }
}
