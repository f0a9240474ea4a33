package soaktune.sim;

/**
 * One side of our quotes in one iteration, as the venue holds it (the live order) and as the strategy manages
 * it (the message in flight, the token bucket, timers). Mutable on purpose: it changes on every event.
 */
final class QuoteSide {
    static final double INF = Double.POSITIVE_INFINITY;
    static final int PLACE = 1;
    static final int REPLACE = 2;
    static final int CANCEL = 3;

    /** +1 for our bid (a fill buys), -1 for our ask (a fill sells). */
    final int sign;

    // The order resting at the venue.
    boolean live;
    double price;
    /** The mid the strategy priced this order from (its view, possibly stale). */
    double refMid;
    double remainingQty;
    double placedAt;
    /** USD resting ahead of us at our price; a new or replaced order joins at the back. */
    double queueAheadUsd;
    double queueT;
    /** A exp(-k delta) at the current mid; kept up to date on book updates and placements. */
    double fillProb;
    boolean fillProbStale;

    // The one order-entry message this side may have in flight.
    boolean pending;
    int pendingKind;
    double arriveAt;
    double pendingSentAt;
    double pendingPrice;
    double pendingRefMid;
    double pendingQty;
    boolean pendingTail;

    // Strategy state.
    double lastSendAt;
    double tokens;
    double tokenT;
    double retryAt;
    double tailDue;
    boolean tailWanted;
    /** A wanted action not yet sent; counted once in attempts, and once in blocked under its first reason. */
    boolean want;
    boolean wantBlocked;

    /** A side at the start of an iteration: no order, nothing in flight, a full token bucket. */
    QuoteSide(int sign, double tokenBurst) {
        this.sign = sign;
        arriveAt = INF;
        lastSendAt = Double.NEGATIVE_INFINITY;
        tokens = tokenBurst;
        retryAt = INF;
        tailDue = INF;
    }

    double timerAt() {
        return Math.min(retryAt, tailDue);
    }
}
