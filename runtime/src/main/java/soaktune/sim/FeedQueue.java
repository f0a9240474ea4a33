package soaktune.sim;

import java.util.Arrays;
import soaktune.sim.event.MarketEvent;

/**
 * The market-data feed between the venue and the strategy: book updates in order, each with the time the
 * strategy sees it. A ring of primitive slots (one update: seen-at, mid, half spread, bid and ask depth) that
 * grows when needed; nothing is allocated per update.
 */
final class FeedQueue {
    private static final int SLOT = 5;
    private double[] ring = new double[1024 * SLOT];
    private int head; // the first slot's index, a multiple of SLOT
    private int count;
    private double lastSeenAt;

    /**
     * Queues an update published at {@code t} with {@code lagMs} of latency; a feed is an ordered stream, so it
     * is seen no earlier than the one before it. Returns the lag it is actually seen with.
     */
    double publish(double t, double lagMs, double m, double h, double bid, double ask) {
        double at = Math.max(lastSeenAt, t + lagMs);
        lastSeenAt = at;
        if (count * SLOT == ring.length) {
            // Unwrapped into a ring twice as long: the oldest update first.
            double[] grown = Arrays.copyOfRange(ring, head, head + ring.length * 2);
            System.arraycopy(ring, 0, grown, ring.length - head, head);
            ring = grown;
            head = 0;
        }
        int i = wrap(head + count * SLOT);
        ring[i] = at;
        ring[i + 1] = m;
        ring[i + 2] = h;
        ring[i + 3] = bid;
        ring[i + 4] = ask;
        count++;
        return at - t;
    }

    /** When the next update is seen; infinity when none is in flight. */
    double nextAt() {
        return count > 0 ? ring[head] : Double.POSITIVE_INFINITY;
    }

    /** Shows the next update to the strategy: writes it into {@code seen} and takes it off the queue. */
    void pop(MarketEvent seen) {
        seen.book(ring[head], ring[head + 1], ring[head + 2], ring[head + 3], ring[head + 4]);
        head = wrap(head + SLOT);
        count--;
    }

    private int wrap(int i) {
        return i < ring.length ? i : i - ring.length; // cheaper than %, on every update
    }
}
