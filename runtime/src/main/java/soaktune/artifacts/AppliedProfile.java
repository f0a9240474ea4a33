package soaktune.artifacts;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import soaktune.io.InputException;
import soaktune.io.Json;
import soaktune.model.Adjustment;
import soaktune.model.Overrides;
import soaktune.model.Profile;
import soaktune.rules.engine.RuleSet;
import soaktune.tuning.DecisionJson;
import soaktune.tuning.DecisionJson.AdjustmentJson;
import soaktune.tuning.TuningMemory;
import soaktune.tuning.TuningMemoryJson;

/**
 * {@code applied_profile.json}: the profile, the runtime overrides, the parameters the strategy runs with,
 * and the whole history of runtime adjustments, each traced to its rule and the rule set's sha256; plus what
 * the anti-oscillation rules remember, for the next one-shot {@code tune}.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AppliedProfile(String profile, Map<String, Double> base, Map<String, Double> profileSettings,
        Map<String, Number> overridesRuntime, List<AdjustmentJson> runtimeAdjustments, Map<String, Double> applied,
        RulesRef rules, TuningMemory tuningMemory, String updatedAt) {
    public static final String NAME = "applied_profile.json";

    public AppliedProfile {
        runtimeAdjustments = runtimeAdjustments == null ? List.of() : List.copyOf(runtimeAdjustments);
        tuningMemory = tuningMemory == null ? TuningMemory.empty() : tuningMemory;
    }

    public static AppliedProfile of(Profile profile, Overrides runtime, List<AdjustmentJson> history,
            TuningMemory memory, RuleSet rules, String ts) {
        return new AppliedProfile(profile.name(), profile.applied(), profile.settings(), DecisionJson.numbers(runtime),
                history, profile.applyRuntime(runtime), RulesRef.of(rules), memory, ts);
    }

    /** An adjustment as the history records it: with the rule set that made it. */
    public static AdjustmentJson historyEntry(Adjustment a, RuleSet rules) {
        return AdjustmentJson.of(a, rules.version(), rules.sha256());
    }

    /** The last iteration number recorded in the history, 0 when none. */
    public int lastIteration() {
        return runtimeAdjustments.stream().mapToInt(AdjustmentJson::iteration).max().orElse(0);
    }

    /** The file, or an empty one (no history, empty memory) when it does not exist yet. */
    public static AppliedProfile readOrEmpty(Path file) throws InputException {
        return Files.exists(file) ? read(file)
                : new AppliedProfile(null, null, null, null, null, null, null, null, null);
    }

    public static AppliedProfile read(Path file) throws InputException {
        AppliedProfile p = Json.readFile(file, AppliedProfile.class);
        TuningMemoryJson.check(file.toString(), "tuning_memory", p.tuningMemory());
        return p;
    }

    public void write(Path file) throws IOException {
        Json.write(file, this);
    }
}
