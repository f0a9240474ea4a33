package soaktune.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import soaktune.io.InputException;
import soaktune.io.InputFiles;
import soaktune.io.Json;
import soaktune.io.JsonFields;

/**
 * {@code --scenario NAME|FILE.json}. A file is a JSON object of parameters on top of a built-in scenario
 * ({@code "base"}, default {@code default}); {@code "name"} and {@code "description"} are optional. Any other
 * key must be a model parameter: an unknown key, a wrong type or a value out of range is an error naming
 * the file and the field.
 */
public final class ScenarioLoader {
    private ScenarioLoader() {
    }

    public static ScenarioSpec resolve(String spec) throws InputException {
        return resolve(spec, "--scenario");
    }

    /** As {@link #resolve(String)}, for a name given with {@code option} (an unknown name's error names it). */
    public static ScenarioSpec resolve(String spec, String option) throws InputException {
        var builtIn = Scenario.find(spec);
        if (builtIn.isPresent()) {
            return builtIn.get().spec();
        }
        Path file = Path.of(spec);
        if (spec.endsWith(".json") || Files.exists(file)) {
            return load(file);
        }
        throw new InputException(option, "unknown scenario '" + spec + "' (built in: "
                + String.join(", ", Scenario.ids()) + "; or give a path to a scenario JSON file)");
    }

    public static ScenarioSpec load(Path file) throws InputException {
        String source = file.toString();
        JsonNode root = new JsonFields(source).object(Json.readFile(file), "");
        About about = Json.bind(source, "", ((ObjectNode) root).deepCopy().retain(About.KEYS), About.class);
        Scenario base = about.base() == null ? Scenario.DEFAULT : Scenario.find(about.base()).orElseThrow(() ->
                new InputException(source, "base", "unknown scenario '" + about.base() + "' (built in: "
                        + String.join(", ", Scenario.ids()) + ")"));
        String name = about.name() == null ? InputFiles.stripJson(file) : about.name();
        return new ScenarioSpec(name, source, base.params().with(source, ((ObjectNode) root).without(About.KEYS)));
    }

    /** The keys of a scenario file that are not model parameters, all optional. */
    private record About(String name, String base, String description) {
        static final Set<String> KEYS = Set.of("name", "base", "description");
    }
}
