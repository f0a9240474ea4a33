package soaktune.sim;

/**
 * The market-data feed between the venue and the strategy: book updates in order, each with the time the
 * strategy sees it. A ring of primitive arrays that grows when needed; nothing is allocated per update.
 */
final class FeedQueue {
    private double[] seenAt = new double[1024];
    private double[] mid = new double[1024];
    private double[] half = new double[1024];
    private double[] bidDepth = new double[1024];
    private double[] askDepth = new double[1024];
    private int head;
    private int count;
    private double lastSeenAt;

    /**
     * Queues an update published at {@code t} with {@code lagMs} of latency; a feed is an ordered stream, so it
     * is seen no earlier than the one before it. Returns the lag it is actually seen with.
     */
    double publish(double t, double lagMs, double m, double h, double bid, double ask) {
        double at = Math.max(lastSeenAt, t + lagMs);
        lastSeenAt = at;
        if (count == seenAt.length) {
            grow();
        }
        int i = (head + count) & (seenAt.length - 1);
        seenAt[i] = at;
        mid[i] = m;
        half[i] = h;
        bidDepth[i] = bid;
        askDepth[i] = ask;
        count++;
        return at - t;
    }

    /** When the next update is seen; infinity when none is in flight. */
    double nextAt() {
        return count > 0 ? seenAt[head] : Double.POSITIVE_INFINITY;
    }

    double headMid() {
        return mid[head];
    }

    double headHalf() {
        return half[head];
    }

    double headBidDepth() {
        return bidDepth[head];
    }

    double headAskDepth() {
        return askDepth[head];
    }

    void pop() {
        head = (head + 1) & (seenAt.length - 1);
        count--;
    }

    private void grow() {
        int n = seenAt.length;
        seenAt = unwrap(seenAt, n);
        mid = unwrap(mid, n);
        half = unwrap(half, n);
        bidDepth = unwrap(bidDepth, n);
        askDepth = unwrap(askDepth, n);
        head = 0;
    }

    private double[] unwrap(double[] ring, int n) {
        double[] out = new double[n * 2];
        for (int k = 0; k < n; k++) {
            out[k] = ring[(head + k) & (n - 1)];
        }
        return out;
    }
}
