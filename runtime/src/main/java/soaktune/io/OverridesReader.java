package soaktune.io;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import soaktune.model.Overrides;
import soaktune.model.TunableField;

/**
 * Finds and reads the current runtime overrides. Precedence: an explicit file, then the
 * {@code MM_RUNTIME_OVERRIDES_JSON} environment variable, then the default file; none of them is fine
 * (every field then falls back to the profile). Fields other than the five tunable ones are dropped and
 * listed, so the caller can report them.
 */
public final class OverridesReader {
    public static final String ENV_VAR = "MM_RUNTIME_OVERRIDES_JSON";

    /** Where the overrides came from: {@code file}, {@code env} or {@code none}. */
    public record Loaded(Overrides overrides, String source, Optional<Path> file, List<String> notAllowed) {
    }

    private OverridesReader() {
    }

    public static Loaded load(Optional<Path> explicitFile, Map<String, String> env, Path defaultFile)
            throws InputException {
        if (explicitFile.isPresent()) {
            return fromFile(explicitFile.get());
        }
        String fromEnv = env.get(ENV_VAR);
        if (fromEnv != null) {
            if (!fromEnv.isBlank() && !fromEnv.strip().startsWith("{")) {
                // A path here is the likely mistake (the variable's name says JSON, a file is --overrides).
                throw new InputException(ENV_VAR, "must hold the overrides as a JSON object, not a file name or "
                        + "other text (for a file, pass --overrides FILE)");
            }
            JsonNode node = Json.parse(ENV_VAR, fromEnv.getBytes(StandardCharsets.UTF_8));
            return parse(ENV_VAR, node, "env", Optional.empty());
        }
        if (Files.exists(defaultFile) || Files.isSymbolicLink(defaultFile)) {
            return fromFile(defaultFile);
        }
        return new Loaded(Overrides.empty(), "none", Optional.empty(), List.of());
    }

    public static Loaded fromFile(Path file) throws InputException {
        return parse(file.toString(), Json.readFile(file), "file", Optional.of(file));
    }

    public static Loaded parse(String source, JsonNode root, String label, Optional<Path> file) throws InputException {
        JsonFields f = new JsonFields(source);
        Overrides overrides = Overrides.empty();
        List<String> notAllowed = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : f.object(root, "").properties()) {
            Optional<TunableField> field = TunableField.fromKey(e.getKey());
            if (field.isPresent()) {
                double value = f.number(e.getValue(), e.getKey());
                if (field.get().integral() && value != Math.rint(value)) {
                    // Rounded quietly, 80.5 would run as 80 or 81 with nothing said: the user picks.
                    throw new InputException(source, e.getKey(), "must be a whole number, got " + value);
                }
                overrides = overrides.with(field.get(), value);
            } else {
                notAllowed.add(e.getKey());
            }
        }
        return new Loaded(overrides, label, file, List.copyOf(notAllowed));
    }
}
