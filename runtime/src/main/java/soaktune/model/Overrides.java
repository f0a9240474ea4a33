package soaktune.model;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Runtime override values by field. Immutable; fields absent here fall back to the profile. */
public record Overrides(Map<TunableField, Double> values) {
    public Overrides {
        values = TunableField.copyOf(values);
    }

    public static Overrides empty() {
        return new Overrides(Map.of());
    }

    public Optional<Double> get(TunableField field) {
        return Optional.ofNullable(values.get(field));
    }

    public Overrides with(TunableField field, double value) {
        Map<TunableField, Double> copy = new HashMap<>(values); // the constructor keeps it as an EnumMap
        copy.put(field, field.normalize(value));
        return new Overrides(copy);
    }

    /** JSON-ready view keyed by field name, integral fields as longs. */
    public Map<String, Object> toJson() {
        Map<String, Object> out = new LinkedHashMap<>();
        values.forEach((field, value) -> out.put(field.key(), jsonNumber(field, value)));
        return out;
    }

    public static Object jsonNumber(TunableField field, double value) {
        double normalized = field.normalize(value);
        return field.integral() ? (Object) Math.round(normalized) : (Object) normalized;
    }
}
