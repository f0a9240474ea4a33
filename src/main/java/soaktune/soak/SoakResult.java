package soaktune.soak;

import soaktune.model.Overrides;

/** How a soak ended: iterations completed, the final overrides, and how many adjustments were made. */
public record SoakResult(int iterations, Overrides finalOverrides, int adjustments) {
}
