package soaktune.soak;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import soaktune.io.InputException;
import soaktune.io.Json;
import soaktune.io.JsonFields;
import soaktune.model.Adjustment;
import soaktune.model.Overrides;
import soaktune.model.Profile;
import soaktune.report.DecisionJson;
import soaktune.rules.RuleSet;
import soaktune.tuning.TuningMemory;
import soaktune.tuning.TuningMemoryJson;

/**
 * {@code applied_profile.json}: the profile, the runtime overrides, the parameters the strategy runs with,
 * and the whole history of runtime adjustments, each traced to its rule and the rule set's sha256.
 */
public final class AppliedProfileFile {
    public static final String NAME = "applied_profile.json";

    private AppliedProfileFile() {
    }

    /** Adjustment history already recorded in {@code file}; empty when the file does not exist. */
    public static List<Map<String, Object>> readHistory(Path file) throws InputException {
        if (!Files.exists(file)) {
            return new ArrayList<>();
        }
        JsonNode root = Json.readFile(file);
        JsonFields f = new JsonFields(file.toString());
        f.object(root, "");
        JsonNode history = root.get("runtime_adjustments");
        if (history == null || history.isNull()) {
            return new ArrayList<>();
        }
        if (!history.isArray()) {
            throw new InputException(file.toString(), "runtime_adjustments", "must be an array, got "
                    + JsonFields.typeOf(history));
        }
        return new ArrayList<>(Json.mapper().convertValue(history, new TypeReference<List<Map<String, Object>>>() {
        }));
    }

    /** The last iteration number recorded in a history, 0 when none. */
    public static int lastIteration(List<Map<String, Object>> history) {
        int last = 0;
        for (Map<String, Object> entry : history) {
            if (entry.get("iteration") instanceof Number n) {
                last = Math.max(last, n.intValue());
            }
        }
        return last;
    }

    public static Map<String, Object> historyEntry(Adjustment a, RuleSet rules) {
        Map<String, Object> entry = new LinkedHashMap<>(DecisionJson.adjustment(a));
        entry.put("rules_version", rules.version());
        entry.put("rules_sha256", rules.sha256());
        return entry;
    }

    /** What the anti-oscillation rules remembered after the last decision; empty when the file is new. */
    public static TuningMemory readMemory(Path file) throws InputException {
        if (!Files.exists(file)) {
            return TuningMemory.empty();
        }
        JsonNode root = Json.readFile(file);
        return TuningMemoryJson.fromJson(new JsonFields(file.toString()), root.get("tuning_memory"), "tuning_memory");
    }

    public static void write(Path file, Profile profile, Overrides runtime, List<Map<String, Object>> history,
            TuningMemory memory, RuleSet rules, String ts) throws IOException {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("profile", profile.name());
        doc.put("base", profile.applied());
        doc.put("profile_settings", profile.settings());
        doc.put("overrides_runtime", runtime.toJson());
        doc.put("runtime_adjustments", history);
        doc.put("applied", profile.applyRuntime(runtime));
        doc.put("rules", DecisionJson.rules(rules));
        doc.put("tuning_memory", TuningMemoryJson.toJson(memory));
        doc.put("updated_at", ts);
        Json.write(file, doc);
    }
}
