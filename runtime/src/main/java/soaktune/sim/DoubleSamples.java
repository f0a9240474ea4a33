package soaktune.sim;

import java.util.Arrays;
import soaktune.stats.Quantile;

/** A growable array of one iteration's samples, with percentiles computed from the samples. */
final class DoubleSamples {
    private double[] values;
    private int size;
    private boolean sorted;

    DoubleSamples(int capacity) {
        values = new double[Math.max(16, capacity)];
    }

    void add(double v) {
        if (size == values.length) {
            values = Arrays.copyOf(values, values.length * 2);
        }
        values[size++] = v;
        sorted = false;
    }

    int size() {
        return size;
    }

    /** A plain left-to-right sum (not DoubleStream.sum's compensated one): the reports' figures stay as they were. */
    double mean() {
        return size == 0 ? 0 : Arrays.stream(values, 0, size).reduce(0, Double::sum) / size;
    }

    /** The q-quantile by {@link Quantile}; 0 when there are no samples (the count is reported beside it). */
    double quantile(double q) {
        if (size == 0) {
            return 0;
        }
        if (!sorted) {
            Arrays.sort(values, 0, size);
            sorted = true;
        }
        return Quantile.of(values, size, q);
    }
}
