package soaktune.soak;

import soaktune.model.Overrides;

/** How a soak ended: iterations completed, the final overrides, adjustments made, and why it stopped. */
public record SoakResult(int completed, int iterations, Overrides finalOverrides, int adjustments, Ending ending) {
    public enum Ending { COMPLETE, INTERRUPTED, INCONCLUSIVE }
}
