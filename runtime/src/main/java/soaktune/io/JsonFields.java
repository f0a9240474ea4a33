package soaktune.io;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Set;

/** Typed access to parsed JSON with errors that name the source and the field path. */
public record JsonFields(String source) {
    public JsonNode object(JsonNode node, String path) throws InputException {
        if (node == null || node.isMissingNode()) {
            throw new InputException(source, path, "is missing");
        }
        if (!node.isObject()) {
            throw new InputException(source, path, "must be a JSON object, got " + typeOf(node));
        }
        return node;
    }

    /** A finite number; strings such as "NaN" or "1.5" are wrong types, not numbers. */
    public double number(JsonNode node, String path) throws InputException {
        if (node == null || node.isMissingNode() || node.isNull()) {
            throw new InputException(source, path, "is missing");
        }
        if (!node.isNumber()) {
            throw new InputException(source, path, "must be a number, got " + typeOf(node));
        }
        double v = node.doubleValue();
        if (!Double.isFinite(v)) {
            throw new InputException(source, path, "must be a finite number, got " + node.asText());
        }
        return v;
    }

    /** Fails on the first key of {@code node} that is not in {@code allowed}. */
    public void onlyKeys(JsonNode node, String path, Set<String> allowed) throws InputException {
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            if (!allowed.contains(e.getKey())) {
                throw new InputException(source, join(path, e.getKey()), "unknown field (allowed: "
                        + String.join(", ", new java.util.TreeSet<>(allowed)) + ")");
            }
        }
    }

    public static String join(String path, String key) {
        return path == null || path.isEmpty() ? key : path + "." + key;
    }

    public static String typeOf(JsonNode node) {
        if (node.isTextual()) {
            return "string \"" + abbreviate(node.textValue()) + "\"";
        }
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case BOOLEAN -> "boolean " + node.asText();
            case NULL -> "null";
            case NUMBER -> "number " + node.asText();
            default -> node.getNodeType().name().toLowerCase();
        };
    }

    private static String abbreviate(String s) {
        return s.length() <= 20 ? s : s.substring(0, 17) + "...";
    }
}
