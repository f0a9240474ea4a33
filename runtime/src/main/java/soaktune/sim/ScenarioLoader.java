package soaktune.sim;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import soaktune.io.InputException;
import soaktune.io.Json;
import soaktune.io.JsonFields;

/**
 * {@code --scenario NAME|FILE.json}. A file is a JSON object of parameters on top of a built-in scenario
 * ({@code "base"}, default {@code default}); {@code "name"} and {@code "description"} are optional. Any other
 * key must be a model parameter: an unknown key, a wrong type or a value out of range is an error naming
 * the file and the field.
 */
public final class ScenarioLoader {
    private static final Set<String> META = Set.of("name", "base", "description");

    private ScenarioLoader() {
    }

    public static ScenarioSpec resolve(String spec) throws InputException {
        var builtIn = Scenario.find(spec);
        if (builtIn.isPresent()) {
            return builtIn.get().spec();
        }
        Path file = Path.of(spec);
        if (spec.endsWith(".json") || Files.exists(file)) {
            return load(file);
        }
        throw new InputException("--scenario", "unknown scenario '" + spec + "' (built in: "
                + String.join(", ", Scenario.ids()) + "; or give a path to a scenario JSON file)");
    }

    public static ScenarioSpec load(Path file) throws InputException {
        String source = file.toString();
        JsonNode root = Json.readFile(file);
        JsonFields f = new JsonFields(source);
        f.object(root, "");
        Set<String> allowed = new HashSet<>(ScenarioParams.keys());
        allowed.addAll(META);
        f.onlyKeys(root, "", allowed);
        Scenario base = Scenario.DEFAULT;
        if (root.has("base")) {
            String id = f.text(root.get("base"), "base");
            base = Scenario.find(id).orElseThrow(() -> new InputException(source, "base", "unknown scenario '" + id
                    + "' (built in: " + String.join(", ", Scenario.ids()) + ")"));
        }
        String name = root.has("name") ? f.text(root.get("name"), "name") : stripJson(file);
        if (root.has("description")) {
            f.text(root.get("description"), "description");
        }
        Map<String, Double> changes = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = root.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!META.contains(e.getKey())) {
                changes.put(e.getKey(), f.number(e.getValue(), e.getKey()));
            }
        }
        try {
            return new ScenarioSpec(name, source, base.params().with(changes));
        } catch (ScenarioParams.Invalid e) {
            throw new InputException(source, e.key(), e.problem());
        }
    }

    private static String stripJson(Path file) {
        String n = file.getFileName().toString();
        return n.endsWith(".json") ? n.substring(0, n.length() - 5) : n;
    }
}
