package soaktune.model;

/**
 * Where a decision sits in a soak: the iteration number and how many iterations in a row, this one
 * included, the KPI gate judged all OK (0 when unknown, e.g. a one-shot tune). A rule fact.
 */
public record IterationContext(int iteration, int healthyStreak) {
}
