package soaktune.sim.replay;

import java.util.SplittableRandom;
import soaktune.sim.event.MarketEvent;
import soaktune.sim.event.MarketEventSource;

/**
 * Replays a capture: each quote row is a book event (mid, half spread, depth on each side), each trade row a
 * taker (side from is_buyer_maker, size qty x price). Each iteration takes the next slice of market time.
 * Trades received before the first quote are skipped (there is no mid to measure them against).
 */
public final class ReplayMarket implements MarketEventSource {
    private final Quotes q;
    private final Trades tr;
    private final ReplayEnd endMode;
    private final long t0;
    private final long spanNs;
    private final int firstTrade;

    private long offsetNs;
    private int quote;
    private int trade;
    private int wraps;
    private double factor = 1;

    private SplittableRandom rng;
    private double lapBaseMs;
    private double endMs;

    public ReplayMarket(MarketData data, ReplayEnd endMode) {
        this.q = data.quotes();
        this.tr = data.trades();
        this.endMode = endMode;
        this.t0 = q.ns()[0];
        this.spanNs = Math.max(1, data.spanNs());
        int first = 0;
        while (first < tr.size() && tr.ns()[first] < t0) {
            first++;
        }
        this.firstTrade = first;
        this.trade = first;
    }

    public ReplayPosition position() {
        return new ReplayPosition(offsetNs, quote, trade, wraps, factor);
    }

    public void restore(ReplayPosition p) {
        offsetNs = p.offsetNs();
        quote = p.quote();
        trade = p.trade();
        wraps = p.wraps();
        factor = p.priceFactor();
    }

    /** Capture time (ns since the epoch) at the current position, for the report. */
    public long captureNs() {
        return t0 + offsetNs;
    }

    public boolean exhausted() {
        return endMode == ReplayEnd.STOP && offsetNs >= spanNs;
    }

    @Override
    public double begin(double durationMs, SplittableRandom rng, MarketEvent start) {
        if (exhausted()) {
            throw new IllegalStateException("the replay reached the end of the capture");
        }
        this.rng = rng;
        this.lapBaseMs = -offsetNs / 1e6;
        this.endMs = endMode == ReplayEnd.STOP ? Math.min(durationMs, (spanNs - offsetNs) / 1e6) : durationMs;
        book(start, quote, 0);
        return endMs;
    }

    @Override
    public boolean next(MarketEvent e) {
        if (quote + 1 >= q.size()) {
            if (endMode == ReplayEnd.STOP) {
                offsetNs = spanNs;
                return false;
            }
            wrap();
            if (lapBaseMs >= endMs) {
                return stopAt();
            }
            book(e, quote, lapBaseMs);
            return true;
        }
        long quoteNs = q.ns()[quote + 1];
        boolean isTrade = trade < tr.size() && tr.ns()[trade] < quoteNs;
        long ns = isTrade ? tr.ns()[trade] : quoteNs;
        double time = lapBaseMs + (ns - t0) / 1e6;
        if (time >= endMs) {
            return stopAt();
        }
        if (isTrade) {
            double size = tr.qty()[trade] * tr.price()[trade] * factor;
            e.trade(time, tr.buyerAggressor()[trade], size, rng.nextDouble());
            trade++;
        } else {
            quote++;
            book(e, quote, time);
        }
        return true;
    }

    private boolean stopAt() {
        offsetNs = Math.round((endMs - lapBaseMs) * 1e6);
        return false;
    }

    /** Back to the first quote; prices are rescaled so the mid continues from the last one. */
    private void wrap() {
        factor *= q.mid(q.size() - 1) / q.mid(0);
        wraps++;
        lapBaseMs += spanNs / 1e6;
        quote = 0;
        trade = firstTrade;
    }

    private void book(MarketEvent e, int i, double time) {
        double mid = q.mid(i);
        double half = (q.ask()[i] - q.bid()[i]) / 2 / mid * 1e4;
        e.book(time, mid * factor, half, q.bidQty()[i] * q.bid()[i] * factor, q.askQty()[i] * q.ask()[i] * factor);
    }
}
