package soaktune.bench;

import java.util.Arrays;

/** Percentiles of a sample (nearest rank on the sorted values); what every bench prints. */
public final class Percentiles {
    private final double[] sorted;

    public Percentiles(double[] values) {
        this.sorted = values.clone();
        Arrays.sort(sorted);
    }

    public static Percentiles ofNanos(long[] nanos, int count) {
        double[] v = new double[count];
        for (int i = 0; i < count; i++) {
            v[i] = nanos[i];
        }
        return new Percentiles(v);
    }

    /** All values of several samples as one. */
    public static Percentiles merge(java.util.List<Percentiles> parts) {
        int n = parts.stream().mapToInt(p -> p.sorted.length).sum();
        double[] all = new double[n];
        int k = 0;
        for (Percentiles p : parts) {
            System.arraycopy(p.sorted, 0, all, k, p.sorted.length);
            k += p.sorted.length;
        }
        return new Percentiles(all);
    }

    public int count() {
        return sorted.length;
    }

    /** The value at quantile {@code q} (0..1); NaN for an empty sample. */
    public double at(double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
    }

    public double median() {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    public double min() {
        return sorted.length == 0 ? Double.NaN : sorted[0];
    }

    public double max() {
        return sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1];
    }
}
