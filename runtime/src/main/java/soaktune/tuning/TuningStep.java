package soaktune.tuning;

import soaktune.model.Limits;
import soaktune.model.Metrics;
import soaktune.model.Overrides;
import soaktune.model.Profile;

/**
 * One tuning step, the same for {@code tune}, {@code run}, {@code serve}, {@code bench} and {@code rules test}:
 * the rules decide over the metrics with the anti-oscillation memory as facts (recent moves, running freezes,
 * the iteration and the KPI gate's healthy streak), each field's state against its limits and each KPI's
 * missed streak, and the step gives the memory the next step starts from.
 */
public record TuningStep(Metrics metrics, Overrides current, Profile profile, TuningMemory memory, int iteration,
        int healthyStreak) {

    /** The decision, and the memory after it. */
    public record Result(Decision decision, TuningMemory memoryAfter) {
    }

    public Result take(Tuner tuner, String ts) {
        Limits limits = tuner.ruleSet().limits();
        Overrides before = CurrentValues.resolve(current, profile, limits).values();
        Decision d = tuner.decide(metrics, current, profile, iteration, ts,
                memory.facts(iteration, healthyStreak, before, limits));
        return new Result(d, memory.after(iteration, d, limits));
    }
}
