package soaktune.sim.event;

/**
 * One market event, filled in place by a {@link MarketEventSource}. Deliberately a mutable holder, not a
 * record: the engine reads millions of events per second and must not allocate one object per event.
 */
public final class MarketEvent {
    /** The top of book changed: new mid, half spread and displayed depth. */
    public static final int BOOK = 0;
    /** A taker traded: side, size, and the uniform draw that decides our fill. */
    public static final int TRADE = 1;

    public int kind;
    /** Milliseconds since the start of the iteration. */
    public double timeMs;
    // BOOK
    public double mid;
    public double halfSpreadBps;
    public double bidDepthUsd;
    public double askDepthUsd;
    // TRADE
    /** True when the aggressor bought, i.e. lifted asks (ours included). */
    public boolean takerBuys;
    public double sizeUsd;
    /** Uniform in [0, 1), drawn for every trade whatever our quotes are, so paths stay common across runs. */
    public double draw;

    public void book(double timeMs, double mid, double halfSpreadBps, double bidDepthUsd, double askDepthUsd) {
        this.kind = BOOK;
        this.timeMs = timeMs;
        this.mid = mid;
        this.halfSpreadBps = halfSpreadBps;
        this.bidDepthUsd = bidDepthUsd;
        this.askDepthUsd = askDepthUsd;
    }

    public void trade(double timeMs, boolean takerBuys, double sizeUsd, double draw) {
        this.kind = TRADE;
        this.timeMs = timeMs;
        this.takerBuys = takerBuys;
        this.sizeUsd = sizeUsd;
        this.draw = draw;
    }
}
