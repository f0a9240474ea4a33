package soaktune.soak;

import soaktune.gate.Verdict;
import soaktune.model.Overrides;

/**
 * How a soak ended: iterations completed, the final overrides, adjustments made, why it stopped, and the
 * KPI gate verdict of the last iteration that had a report (INCONCLUSIVE when none had).
 */
public record SoakResult(int completed, int iterations, Overrides finalOverrides, int adjustments, Ending ending,
        Verdict finalVerdict) {
    public enum Ending { COMPLETE, INTERRUPTED, INCONCLUSIVE }
}
