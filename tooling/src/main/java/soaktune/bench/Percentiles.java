package soaktune.bench;

import java.util.Arrays;
import soaktune.stats.Quantile;

/** Percentiles of a sample, by the project's one definition ({@link Quantile}); what every bench prints. */
public final class Percentiles {
    private final double[] sorted;

    public Percentiles(double[] values) {
        this.sorted = values.clone();
        Arrays.sort(sorted);
    }

    /** All values of several samples as one. */
    public static Percentiles merge(java.util.List<Percentiles> parts) {
        return new Percentiles(parts.stream().flatMapToDouble(p -> Arrays.stream(p.sorted)).toArray());
    }

    public int count() {
        return sorted.length;
    }

    /** The value at quantile {@code q} (0..1); NaN for an empty sample. */
    public double at(double q) {
        return Quantile.of(sorted, sorted.length, q);
    }

    public double median() {
        return at(0.5);
    }

    public double min() {
        return sorted.length == 0 ? Double.NaN : sorted[0];
    }

    public double max() {
        return sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1];
    }
}
