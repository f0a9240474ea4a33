package soaktune.regression;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import soaktune.model.TunableField;

/** Reads an {@code expect} block: the five field names as keys, plus the named checks. */
final class ExpectationReader {
    static final Set<String> CHECKS = Set.of("reasons", "multi_fail_guard", "fired", "not_fired", "dropped",
            "trimmed", "clamped", "adjustments");

    private ExpectationReader() {
    }

    static Expectation read(ScenarioReader r, JsonNode node, JsonPointer at) throws ScenarioException {
        r.object(node, at);
        Set<String> allowed = new HashSet<>(CHECKS);
        allowed.addAll(TunableField.keys());
        r.onlyKeys(node, at, allowed);
        Map<TunableField, Double> values = new EnumMap<>(TunableField.class);
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            Optional<TunableField> f = TunableField.fromKey(e.getKey());
            if (f.isPresent()) {
                values.put(f.get(), r.number(e.getValue(), at.appendProperty(e.getKey())));
            }
        }
        Optional<Set<String>> reasons = Optional.empty();
        if (node.has("reasons")) {
            reasons = Optional.of(new LinkedHashSet<>(r.texts(node.get("reasons"), at.appendProperty("reasons"))));
        }
        Optional<Boolean> guard = Optional.empty();
        if (node.has("multi_fail_guard")) {
            guard = Optional.of(r.bool(node.get("multi_fail_guard"), at.appendProperty("multi_fail_guard")));
        }
        List<String> fired = node.has("fired") ? r.texts(node.get("fired"), at.appendProperty("fired")) : List.of();
        List<String> notFired = node.has("not_fired") ? r.texts(node.get("not_fired"), at.appendProperty("not_fired"))
                : List.of();
        Optional<Integer> adjustments = node.has("adjustments")
                ? Optional.of(r.count(node.get("adjustments"), at.appendProperty("adjustments"))) : Optional.empty();
        return new Expectation(values, reasons, guard, fired, notFired, fields(r, node, at, "dropped"),
                fields(r, node, at, "trimmed"), fields(r, node, at, "clamped"), adjustments);
    }

    private static Optional<Set<String>> fields(ScenarioReader r, JsonNode node, JsonPointer at, String key)
            throws ScenarioException {
        return node.has(key) ? Optional.of(r.fieldSet(node.get(key), at.appendProperty(key))) : Optional.empty();
    }
}
