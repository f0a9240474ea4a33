package soaktune.sim;

import java.util.Arrays;

/**
 * Maker fills waiting for their markouts at 1 s, 5 s and 30 s: markout = sign x (mid at fill time + h - fill
 * price) / fill price, in bps. Fills are recorded in time order, so each horizon is a cursor into one array.
 */
final class MarkoutBook {
    private double[] time = new double[4096];
    private double[] price = new double[4096];
    private double[] sign = new double[4096];
    private int fills;
    private final int[] next = new int[IterationStats.MARKOUT_MS.length];

    void fill(double t, double p, int s) {
        if (fills == time.length) {
            time = Arrays.copyOf(time, fills * 2);
            price = Arrays.copyOf(price, fills * 2);
            sign = Arrays.copyOf(sign, fills * 2);
        }
        time[fills] = t;
        price[fills] = p;
        sign[fills] = s;
        fills++;
    }

    /**
     * Settles the markouts whose horizon ended before {@code now}, with {@code mid} the mid in force until now
     * (called before a book update changes it). At the iteration's end ({@code atEnd}) horizons ending exactly
     * at {@code now} count too; horizons past the end are left out.
     */
    void settle(double now, double mid, boolean atEnd, DoubleSamples[] out) {
        int first = next[0];
        if (!atEnd && (first == fills || time[first] + IterationStats.MARKOUT_MS[0] >= now)) {
            return; // the shortest horizon has nothing due, so neither have the longer ones
        }
        for (int h = 0; h < next.length; h++) {
            double horizon = IterationStats.MARKOUT_MS[h];
            int i = next[h];
            while (i < fills && (atEnd ? time[i] + horizon <= now : time[i] + horizon < now)) {
                out[h].add(sign[i] * (mid - price[i]) / price[i] * 1e4);
                i++;
            }
            next[h] = i;
        }
    }
}
