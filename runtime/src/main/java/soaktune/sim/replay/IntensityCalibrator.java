package soaktune.sim.replay;

import java.util.Arrays;

/**
 * Fits A and k of P(delta) = A exp(-k delta) to replayed trades. For each trade, delta is how far its price
 * went past the mid in the taker's direction, in bps, against the mid in force {@code lagMs} earlier (a
 * resting quote was priced from an older mid). The share of trades reaching at least delta is the empirical
 * fill probability of a quote at delta; a least-squares line through ln(share) over a grid of deltas gives
 * ln A (intercept) and -k (slope).
 */
public final class IntensityCalibrator {
    /** Grid points need this many trades reaching them, or the tail is noise. */
    static final int MIN_TRADES_PER_POINT = 10;
    static final int GRID_POINTS = 40;

    private IntensityCalibrator() {
    }

    public static Calibration fit(Quotes q, Trades tr, double lagMs, double fallbackA, double fallbackK) {
        long lagNs = Math.round(lagMs * 1e6);
        double[] deltas = new double[tr.size()];
        int n = 0;
        int qi = 0;
        for (int i = 0; i < tr.size(); i++) {
            long at = tr.ns()[i] - lagNs;
            if (at < q.ns()[0]) {
                continue; // no mid yet that far back
            }
            while (qi + 1 < q.size() && q.ns()[qi + 1] <= at) {
                qi++;
            }
            double mid = q.mid(qi);
            double sign = tr.buyerAggressor()[i] ? 1 : -1;
            deltas[n++] = sign * (tr.price()[i] - mid) / mid * 1e4;
        }
        Arrays.sort(deltas, 0, n);
        // The grid runs from 0 to the delta that MIN_TRADES_PER_POINT trades still reach.
        double top = n > MIN_TRADES_PER_POINT ? deltas[n - MIN_TRADES_PER_POINT] : 0;
        if (!(top > 0)) {
            return new Calibration(fallbackA, fallbackK, false, n, 0, 0, lagMs);
        }
        double step = top / GRID_POINTS;
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        double syy = 0;
        int points = 0;
        int below = 0; // deltas below the grid point; the grid only rises, so this only moves on
        for (int g = 0; g <= GRID_POINTS; g++) {
            double delta = g * step;
            while (below < n && deltas[below] < delta) {
                below++;
            }
            int reaching = n - below;
            if (reaching < MIN_TRADES_PER_POINT) {
                break;
            }
            double y = Math.log((double) reaching / n);
            sx += delta;
            sy += y;
            sxx += delta * delta;
            sxy += delta * y;
            syy += y * y;
            points++;
        }
        double varX = points * sxx - sx * sx;
        if (points < 3 || varX <= 0) {
            return new Calibration(fallbackA, fallbackK, false, n, points, 0, lagMs);
        }
        double slope = (points * sxy - sx * sy) / varX;
        double intercept = (sy - slope * sx) / points;
        double varY = points * syy - sy * sy;
        double r2 = varY <= 0 ? 1 : Math.pow(points * sxy - sx * sy, 2) / (varX * varY);
        double k = Math.max(0, -slope);
        double a = Math.min(1, Math.exp(intercept));
        return new Calibration(a, k, true, n, points, r2, lagMs);
    }
}
