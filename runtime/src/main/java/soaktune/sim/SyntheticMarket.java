package soaktune.sim;

import java.util.SplittableRandom;
import soaktune.sim.event.MarketEvent;
import soaktune.sim.event.MarketEventSource;

/**
 * The synthetic market: one Poisson stream of events at rate mid_update_rate + 2 x taker_rate, each either a
 * book update (the mid moves by a Gaussian step, sometimes plus a jump) or a taker on a random side. An
 * informed taker moves the mid by informed_impact_bps in its direction right after it trades.
 */
final class SyntheticMarket implements MarketEventSource {
    private final ScenarioParams p;
    private final double totalRatePerMs;
    private final double midShare;
    private final double buyShare;
    private final double stepSdBps;
    private double mid;
    private SplittableRandom rng;
    private double t;
    private double end;
    private double impactSign;

    SyntheticMarket(ScenarioParams p) {
        this.p = p;
        double total = p.midUpdateRatePerS() + 2 * p.takerRatePerS();
        this.totalRatePerMs = total / 1000.0;
        this.midShare = p.midUpdateRatePerS() / total;
        this.buyShare = midShare + p.takerRatePerS() / total;
        // Diffusion between updates: variance sigma^2 per second spread over the updates of that second.
        this.stepSdBps = p.volatilityBpsPerSqrtS() / Math.sqrt(p.midUpdateRatePerS());
        this.mid = p.startPrice();
    }

    double mid() {
        return mid;
    }

    void restore(double mid) {
        this.mid = mid;
    }

    @Override
    public double begin(double durationMs, SplittableRandom rng, MarketEvent start) {
        this.rng = rng;
        this.t = 0;
        this.end = durationMs;
        this.impactSign = 0;
        book(start);
        return durationMs;
    }

    @Override
    public boolean next(MarketEvent e) {
        if (impactSign != 0) {
            // The informed taker's information reaches the price right after its trade.
            mid *= 1 + impactSign * p.informedImpactBps() * 1e-4;
            impactSign = 0;
            book(e);
            return true;
        }
        t += Rng.exponential(rng) / totalRatePerMs;
        if (t >= end) {
            return false;
        }
        double u = rng.nextDouble();
        if (u < midShare) {
            double move = stepSdBps * rng.nextGaussian();
            if (rng.nextDouble() < p.jumpProb()) {
                move += (rng.nextBoolean() ? 1 : -1) * p.jumpBps() * Rng.exponential(rng);
            }
            mid *= 1 + move * 1e-4;
            book(e);
        } else {
            boolean buys = u < buyShare;
            double size = p.takerSizeUsd() * Rng.exponential(rng);
            boolean informed = rng.nextDouble() < p.informedShare();
            e.trade(t, buys, size, rng.nextDouble());
            if (informed && p.informedImpactBps() > 0) {
                impactSign = buys ? 1 : -1;
            }
        }
        return true;
    }

    private void book(MarketEvent e) {
        e.book(t, mid, p.touchHalfSpreadBps(), p.touchDepthUsd(), p.touchDepthUsd());
    }
}
