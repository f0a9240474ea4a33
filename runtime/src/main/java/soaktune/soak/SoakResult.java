package soaktune.soak;

import soaktune.gate.Verdict;

/**
 * How a soak ended: why it stopped, and the soak's KPI gate verdict (that of the last iteration that had a
 * report, INCONCLUSIVE when none had).
 */
public record SoakResult(Ending ending, Verdict finalVerdict) {
    public enum Ending { COMPLETE, INTERRUPTED, INCONCLUSIVE }
}
