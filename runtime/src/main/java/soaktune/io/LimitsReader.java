package soaktune.io;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import soaktune.model.Limits;
import soaktune.model.Range;
import soaktune.model.TunableField;

/** Reads {@code limits.json}: {"field": {"min": x, "max": y}, ...} for each of the five tunable fields. */
public final class LimitsReader {
    /**
     * What the strategy and the simulator can take at all, per field: a limits file reaching outside these is
     * a typo (a negative interval, a ratio above 1, a spread delta of 100 bps), refused before any decision.
     */
    public static final Map<TunableField, Range> HARD_BOUNDS = Map.of(
            TunableField.MIN_INTERVAL_MS, new Range(1, 60_000),
            TunableField.REPLACE_RATE_PER_MIN, new Range(1, 6_000),
            TunableField.BASE_SPREAD_BPS_DELTA, new Range(-10, 10),
            TunableField.IMPACT_CAP_RATIO, new Range(0, 1),
            TunableField.TAIL_AGE_MS, new Range(1, 600_000));

    private LimitsReader() {
    }

    public static Limits read(Path file) throws InputException {
        return fromJson(file.toString(), Json.readFile(file));
    }

    public static Limits fromJson(String source, JsonNode root) throws InputException {
        JsonFields f = new JsonFields(source);
        f.onlyKeys(f.object(root, ""), "", new HashSet<>(TunableField.keys()));
        Map<TunableField, Range> ranges = new EnumMap<>(TunableField.class);
        for (TunableField field : TunableField.values()) {
            JsonNode entry = root.get(field.key());
            if (entry == null) {
                throw new InputException(source, field.key(), "is missing: every tunable field needs limits");
            }
            f.object(entry, field.key());
            f.onlyKeys(entry, field.key(), Set.of("min", "max"));
            double min = f.number(entry.get("min"), field.key() + ".min");
            double max = f.number(entry.get("max"), field.key() + ".max");
            if (min > max) {
                throw new InputException(source, field.key(), "min " + min + " is above max " + max);
            }
            Range hard = HARD_BOUNDS.get(field);
            if (!hard.contains(min) || !hard.contains(max)) {
                String which = hard.contains(min) ? "max" : "min";
                throw new InputException(source, field.key() + "." + which, which + " " + (which.equals("min") ? min : max)
                        + " is outside what the strategy can take [" + field.format(hard.min()) + ", "
                        + field.format(hard.max()) + "]");
            }
            ranges.put(field, new Range(min, max));
        }
        return new Limits(ranges);
    }
}
