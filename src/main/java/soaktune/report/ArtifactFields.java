package soaktune.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import soaktune.gate.Verdict;
import soaktune.io.InputException;
import soaktune.io.JsonFields;
import soaktune.model.TunableField;

/**
 * Typed access for the artifacts the report reads, on top of {@link JsonFields}: optional fields (absent or
 * null), whole numbers, lists, verdicts and override maps, every error naming the file and field path.
 */
final class ArtifactFields {
    private final JsonFields f;

    ArtifactFields(String source) {
        this.f = new JsonFields(source);
    }

    String source() {
        return f.source();
    }

    JsonNode object(JsonNode node, String path) throws InputException {
        return f.object(node, path);
    }

    /** The object at {@code path}, or null when it is absent or null. */
    JsonNode optionalObject(JsonNode node, String path) throws InputException {
        return absent(node) ? null : f.object(node, path);
    }

    String text(JsonNode node, String path) throws InputException {
        return f.text(node, path);
    }

    String optionalText(JsonNode node, String path) throws InputException {
        return absent(node) ? null : f.text(node, path);
    }

    double number(JsonNode node, String path) throws InputException {
        return f.number(node, path);
    }

    Double optionalNumber(JsonNode node, String path) throws InputException {
        return absent(node) ? null : f.number(node, path);
    }

    int wholeNumber(JsonNode node, String path) throws InputException {
        double v = f.number(node, path);
        if (v < 0 || v != Math.rint(v) || v > Integer.MAX_VALUE) {
            throw new InputException(source(), path, "must be a whole number >= 0, got " + v);
        }
        return (int) v;
    }

    Verdict verdict(JsonNode node, String path) throws InputException {
        String name = f.text(node, path);
        try {
            return Verdict.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new InputException(source(), path, "must be one of OK, WARN, FAIL, INCONCLUSIVE, got \"" + name + "\"");
        }
    }

    /** The elements of an optional array; empty when absent. */
    List<JsonNode> array(JsonNode node, String path) throws InputException {
        List<JsonNode> out = new ArrayList<>();
        if (absent(node)) {
            return out;
        }
        if (!node.isArray()) {
            throw new InputException(source(), path, "must be an array, got " + JsonFields.typeOf(node));
        }
        node.forEach(out::add);
        return out;
    }

    List<String> texts(JsonNode node, String path) throws InputException {
        List<String> out = new ArrayList<>();
        List<JsonNode> items = array(node, path);
        for (int k = 0; k < items.size(); k++) {
            out.add(f.text(items.get(k), path + "[" + k + "]"));
        }
        return out;
    }

    TunableField field(JsonNode node, String path) throws InputException {
        String key = f.text(node, path);
        return TunableField.fromKey(key).orElseThrow(() -> new InputException(source(), path,
                "unknown tunable field \"" + key + "\" (known: " + String.join(", ", TunableField.keys()) + ")"));
    }

    /** An optional {"field": number} object of tunable fields; empty when absent. */
    Map<TunableField, Double> overrides(JsonNode node, String path) throws InputException {
        Map<TunableField, Double> out = new EnumMap<>(TunableField.class);
        JsonNode object = optionalObject(node, path);
        if (object == null) {
            return out;
        }
        Iterator<Map.Entry<String, JsonNode>> it = object.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String at = JsonFields.join(path, e.getKey());
            TunableField field = TunableField.fromKey(e.getKey()).orElseThrow(() -> new InputException(source(), at,
                    "unknown tunable field (known: " + String.join(", ", TunableField.keys()) + ")"));
            out.put(field, f.number(e.getValue(), at));
        }
        return out;
    }

    static boolean absent(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull();
    }
}
