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
    private LimitsReader() {
    }

    public static Limits read(Path file) throws InputException {
        return fromJson(file.toString(), Json.readFile(file));
    }

    /** The limits in an already parsed document; {@code source} names it in errors. */
    public static Limits fromJson(String source, JsonNode root) throws InputException {
        JsonFields f = new JsonFields(source);
        f.object(root, "");
        f.onlyKeys(root, "", new HashSet<>(TunableField.keys()));
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
            ranges.put(field, new Range(min, max));
        }
        return new Limits(ranges);
    }
}
