package soaktune.artifacts;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import soaktune.io.InputException;
import soaktune.io.Json;
import soaktune.tuning.TuningMemory;
import soaktune.tuning.TuningMemoryJson;

/**
 * {@code soak_state.json}, what a soak needs to continue after a crash: written atomically after every
 * completed iteration. {@code overrides} are the values the next iteration starts from; {@code verdicts} the
 * KPI gate verdict of each completed iteration (null where no report came); {@code memory} what the
 * anti-oscillation rules remember; {@code strategyState} is whatever the strategy source needs to carry on
 * (the simulator's market state), null for live sources.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SoakState(@JsonProperty(required = true) int formatVersion, @JsonProperty(required = true) String status,
        @JsonProperty(required = true) int iterations,
        @JsonProperty(value = "completed_iterations", required = true) int completed,
        @JsonProperty(required = true) boolean autoTune, @JsonProperty(required = true) long seed,
        @JsonProperty(required = true) double iterationMinutes, @JsonProperty(required = true) String source,
        @JsonProperty(required = true) String profile, @JsonProperty(required = true) String rulesDir,
        @JsonProperty(required = true) String rulesSha256, @JsonProperty(required = true) Map<String, Object> overrides,
        @JsonProperty(required = true) int inconclusiveStreak, @JsonProperty(required = true) List<String> verdicts,
        @JsonProperty("tuning_memory") TuningMemory memory, JsonNode strategyState,
        @JsonProperty(required = true) String startedAt, @JsonProperty(required = true) String updatedAt) {

    public static final String NAME = "soak_state.json";
    public static final int FORMAT_VERSION = 1;
    public static final String RUNNING = "running";
    public static final String COMPLETE = "complete";
    public static final String INTERRUPTED = "interrupted";
    public static final String INCONCLUSIVE = "inconclusive";

    public SoakState {
        overrides = Map.copyOf(overrides);
        verdicts = Collections.unmodifiableList(new ArrayList<>(verdicts)); // nulls allowed: no report
        memory = memory == null ? TuningMemory.empty() : memory;
        strategyState = strategyState == null || strategyState.isNull() ? null : strategyState;
    }

    public SoakState after(int iteration, Map<String, Object> nextOverrides, int streak, List<String> allVerdicts,
            TuningMemory nextMemory, JsonNode strategy, String rulesSha, String ts) {
        return new SoakState(formatVersion, RUNNING, iterations, iteration, autoTune, seed, iterationMinutes, source,
                profile, rulesDir, rulesSha, nextOverrides, streak, allVerdicts, nextMemory, strategy, startedAt, ts);
    }

    public SoakState withStatus(String newStatus, String ts) {
        return new SoakState(formatVersion, newStatus, iterations, completed, autoTune, seed, iterationMinutes, source,
                profile, rulesDir, rulesSha256, overrides, inconclusiveStreak, verdicts, memory, strategyState, startedAt,
                ts);
    }

    public void write(Path dir) throws IOException {
        Json.write(dir.resolve(NAME), this);
    }

    public static SoakState read(Path dir) throws InputException {
        Path file = dir.resolve(NAME);
        if (!Files.exists(file)) {
            throw new InputException(file.toString(), "no soak to resume here (no state file); start one with run");
        }
        SoakState s = Json.readFile(file, SoakState.class);
        if (s.formatVersion() != FORMAT_VERSION) {
            throw new InputException(file.toString(), "format_version", "is " + s.formatVersion()
                    + ", this soaktune reads " + FORMAT_VERSION);
        }
        for (Map.Entry<String, Integer> count : Map.of("iterations", s.iterations(), "completed_iterations",
                s.completed(), "inconclusive_streak", s.inconclusiveStreak()).entrySet()) {
            if (count.getValue() < 0) {
                throw new InputException(file.toString(), count.getKey(), "must be a whole number >= 0, got "
                        + count.getValue());
            }
        }
        if (s.completed() > s.iterations()) {
            throw new InputException(file.toString(), "completed_iterations", "is above iterations (" + s.iterations()
                    + ")");
        }
        TuningMemoryJson.check(file.toString(), "tuning_memory", s.memory());
        return s;
    }
}
