package soaktune.soak;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import com.fasterxml.jackson.core.type.TypeReference;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import soaktune.io.InputException;
import soaktune.io.Json;
import soaktune.io.JsonFields;
import soaktune.tuning.TuningMemoryJson;

/** Reads and writes {@code soak_state.json}, the resume point of a soak. */
public final class SoakStateFile {
    public static final String NAME = "soak_state.json";

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private SoakStateFile() {
    }

    public static void write(Path dir, SoakState s) throws IOException {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("format_version", s.formatVersion());
        doc.put("status", s.status());
        doc.put("iterations", s.iterations());
        doc.put("completed_iterations", s.completed());
        doc.put("auto_tune", s.autoTune());
        doc.put("seed", s.seed());
        doc.put("iteration_minutes", s.iterationMinutes());
        doc.put("source", s.source());
        doc.put("profile", s.profile());
        doc.put("rules_dir", s.rulesDir());
        doc.put("rules_sha256", s.rulesSha256());
        doc.put("overrides", s.overrides());
        doc.put("inconclusive_streak", s.inconclusiveStreak());
        doc.put("verdicts", s.verdicts());
        doc.put("tuning_memory", TuningMemoryJson.toJson(s.memory()));
        doc.put("strategy_state", s.strategyState());
        doc.put("started_at", s.startedAt());
        doc.put("updated_at", s.updatedAt());
        Json.write(dir.resolve(NAME), doc);
    }

    public static SoakState read(Path dir) throws InputException {
        Path file = dir.resolve(NAME);
        if (!Files.exists(file)) {
            throw new InputException(file.toString(), "no soak to resume here (no state file); start one with run");
        }
        JsonNode root = Json.readFile(file);
        JsonFields f = new JsonFields(file.toString());
        f.object(root, "");
        int version = (int) f.number(root.get("format_version"), "format_version");
        if (version != SoakState.FORMAT_VERSION) {
            throw new InputException(file.toString(), "format_version", "is " + version + ", this soaktune reads "
                    + SoakState.FORMAT_VERSION);
        }
        JsonNode overrides = f.object(root.get("overrides"), "overrides");
        JsonNode strategy = root.get("strategy_state");
        int iterations = wholeNumber(f, root, "iterations");
        int completed = wholeNumber(f, root, "completed_iterations");
        if (completed > iterations) {
            throw new InputException(file.toString(), "completed_iterations", "is above iterations (" + iterations + ")");
        }
        return new SoakState(version, f.text(root.get("status"), "status"), iterations, completed,
                bool(f, root, "auto_tune"), (long) f.number(root.get("seed"), "seed"),
                f.number(root.get("iteration_minutes"), "iteration_minutes"), f.text(root.get("source"), "source"),
                f.text(root.get("profile"), "profile"), f.text(root.get("rules_dir"), "rules_dir"),
                f.text(root.get("rules_sha256"), "rules_sha256"),
                Json.mapper().convertValue(overrides, MAP), wholeNumber(f, root, "inconclusive_streak"),
                verdicts(f, root), TuningMemoryJson.fromJson(f, root.get("tuning_memory"), "tuning_memory"),
                strategy == null || strategy.isNull() ? null : strategy, f.text(root.get("started_at"), "started_at"),
                f.text(root.get("updated_at"), "updated_at"));
    }

    private static List<String> verdicts(JsonFields f, JsonNode root) throws InputException {
        JsonNode node = root.get("verdicts");
        if (node == null || !node.isArray()) {
            throw new InputException(f.source(), "verdicts", "must be an array");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode v : node) {
            out.add(v.isNull() ? null : v.asText());
        }
        return out;
    }

    private static int wholeNumber(JsonFields f, JsonNode root, String key) throws InputException {
        double v = f.number(root.get(key), key);
        if (v < 0 || v != Math.rint(v) || v > Integer.MAX_VALUE) {
            throw new InputException(f.source(), key, "must be a whole number >= 0, got " + v);
        }
        return (int) v;
    }

    private static boolean bool(JsonFields f, JsonNode root, String key) throws InputException {
        JsonNode node = root.get(key);
        if (node == null || !node.isBoolean()) {
            throw new InputException(f.source(), key, "must be true or false");
        }
        return node.booleanValue();
    }
}
