package soaktune.sim.event;

import java.util.SplittableRandom;

/**
 * Where an iteration's market comes from: the synthetic random walk or a replayed capture. A source lives
 * across iterations (it carries the mid or the replay position) and is read one event at a time.
 */
public interface MarketEventSource {
    /**
     * Starts the next iteration of {@code durationMs} market time and writes the book as it stands at its
     * start into {@code start} (a BOOK event at time 0). Returns the market time this iteration will cover,
     * which is shorter than asked only when a replay that stops at the end runs out.
     */
    double begin(double durationMs, SplittableRandom rng, MarketEvent start);

    /** Writes the next event before the iteration's end into {@code e}; false when there is none. */
    boolean next(MarketEvent e);
}
