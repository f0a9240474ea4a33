package soaktune.tuning;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import soaktune.model.Clamp;
import soaktune.model.Limits;
import soaktune.model.Overrides;
import soaktune.model.Profile;
import soaktune.model.TunableField;

/**
 * The current value of each tunable field: its runtime override if present, else the profile's value,
 * pulled into limits. Clamps are returned so they can be reported, never applied silently.
 */
public record CurrentValues(Overrides values, List<Clamp> clamps) {

    public static CurrentValues resolve(Overrides overrides, Profile profile, Limits limits) {
        List<Clamp> clamps = new ArrayList<>();
        Map<TunableField, Double> values = new EnumMap<>(TunableField.class);
        Map<TunableField, Double> defaults = overrides.values().size() == TunableField.values().length ? Map.of()
                : profile.defaultValues();
        for (TunableField field : TunableField.values()) {
            Double override = overrides.values().get(field);
            double raw = field.normalize(override != null ? override : defaults.get(field));
            double clamped = limits.clamp(field, raw);
            if (clamped != raw) {
                clamps.add(new Clamp(field, raw, clamped));
            }
            values.put(field, clamped);
        }
        return new CurrentValues(new Overrides(values), List.copyOf(clamps));
    }
}
