package soaktune.stats;

/**
 * The one percentile definition of soaktune: the q-quantile of a sorted sample by linear interpolation between
 * the closest ranks (the "R-7" rule of R, NumPy and most spreadsheets). EDGE_REPORT's p95 metrics and every
 * figure a benchmark prints use it, so a p99 in {@code bench serve} and a p95 in a report mean the same thing.
 * Documented in docs/simulator.md ("Percentiles").
 */
public final class Quantile {
    private Quantile() {
    }

    /**
     * @param sorted values in ascending order; only the first {@code size} are read
     * @param q      0..1
     * @return NaN for an empty sample
     */
    public static double of(double[] sorted, int size, double q) {
        if (size == 0) {
            return Double.NaN;
        }
        double pos = q * (size - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(size - 1, lo + 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }
}
