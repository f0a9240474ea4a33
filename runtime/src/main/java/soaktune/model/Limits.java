package soaktune.model;

import java.util.Map;

/** The hard bounds of every tunable field, read from the rule set's limits file. */
public record Limits(Map<TunableField, Range> ranges) {
    public Limits {
        ranges = TunableField.copyOf(ranges);
        for (TunableField field : TunableField.values()) {
            if (!ranges.containsKey(field)) {
                throw new IllegalArgumentException("no limits for " + field.key());
            }
        }
    }

    public Range of(TunableField field) {
        return ranges.get(field);
    }

    public double clamp(TunableField field, double value) {
        return field.normalize(of(field).clamp(value));
    }
}
