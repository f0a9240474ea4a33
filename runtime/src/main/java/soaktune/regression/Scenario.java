package soaktune.regression;

import java.nio.file.Path;
import java.util.List;
import soaktune.model.Metrics;
import soaktune.model.Overrides;
import soaktune.model.Profile;
import soaktune.tuning.TuningMemory;

/**
 * One regression scenario file: a starting point and one or more decisions with what each must produce.
 * A single-decision file has one step; with {@code iterations} each step starts from the overrides and the
 * tuning memory the previous one produced (the first from {@code given.memory}, empty unless given).
 */
public record Scenario(Path file, String name, Profile profile, Overrides overrides, TuningMemory memory,
        List<Step> steps) {
    /**
     * One decision: its metrics (given.metrics with the step's own on top), the KPI gate's healthy streak it
     * sees (0 unless given) and what it must produce. {@code metricsWhere}, {@code expectWhere}:
     * "tests/x.yaml:3:3", where a failure points the reader.
     */
    public record Step(int number, Metrics metrics, int healthyStreak, Expectation expect, String metricsWhere,
            String expectWhere) {
    }
}
