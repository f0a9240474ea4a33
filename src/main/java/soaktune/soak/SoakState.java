package soaktune.soak;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import soaktune.tuning.TuningMemory;

/**
 * What a soak needs to continue after a crash: written atomically after every completed iteration.
 * {@code overrides} are the values the next iteration starts from; {@code verdicts} the KPI gate verdict of
 * each completed iteration (null where no report came); {@code memory} what the anti-oscillation rules
 * remember; {@code strategyState} is whatever the
 * strategy source needs to carry on (the simulator's market state), null for live sources.
 */
public record SoakState(int formatVersion, String status, int iterations, int completed, boolean autoTune,
        long seed, double iterationMinutes, String source, String profile, String rulesDir, String rulesSha256,
        Map<String, Object> overrides, int inconclusiveStreak, List<String> verdicts, TuningMemory memory,
        JsonNode strategyState, String startedAt, String updatedAt) {

    public static final int FORMAT_VERSION = 1;
    public static final String RUNNING = "running";
    public static final String COMPLETE = "complete";
    public static final String INTERRUPTED = "interrupted";
    public static final String INCONCLUSIVE = "inconclusive";

    public SoakState {
        overrides = Map.copyOf(overrides);
        verdicts = Collections.unmodifiableList(new ArrayList<>(verdicts)); // nulls allowed: no report
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
}
