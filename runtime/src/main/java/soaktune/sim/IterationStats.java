package soaktune.sim;

/**
 * What one iteration counted and sampled: one instance per iteration, nothing allocated per event but the
 * samples' occasional growth. PnL is kept in USD by component; the report turns it into bps of turnover.
 */
final class IterationStats {
    /** Markout horizons in milliseconds: 1 s, 5 s, 30 s. */
    static final double[] MARKOUT_MS = {1_000, 5_000, 30_000};
    static final String[] MARKOUT_NAMES = {"1s", "5s", "30s"};
    /** The horizon adverse_bps_p95 is read at (5 s). */
    static final int ADVERSE_HORIZON = 1;

    static final int BLOCK_MIN_INTERVAL = 0;
    static final int BLOCK_CONCURRENCY = 1;
    static final int BLOCK_RISK = 2;
    static final int BLOCK_THROTTLE = 3;
    static final String[] BLOCK_NAMES = {"min_interval", "concurrency", "risk", "throttle"};

    long bookEvents;
    long tradeEvents;
    long placements;
    long replaces;
    long cancels;
    long tailCancels;
    long riskCancels;
    long messages;
    long makerFills;
    long takerFills;
    long pickoffs;
    long postOnlyRejects;
    long attempts;
    final long[] blocked = new long[4];

    double makerNotional;
    double takerNotional;
    double grossUsd;
    double slippageUsd;
    double feesUsd;
    double inventoryUsd;

    double marketMs;
    double endMid;
    double endInventoryQty;

    final DoubleSamples wsLagMs = new DoubleSamples(8_192);
    final DoubleSamples orderAgeMs = new DoubleSamples(4_096);
    final DoubleSamples slippageCostBps = new DoubleSamples(1_024);
    final DoubleSamples[] markoutBps = {new DoubleSamples(1_024), new DoubleSamples(1_024), new DoubleSamples(1_024)};

    long marketEvents() {
        return bookEvents + tradeEvents;
    }

    double turnover() {
        return makerNotional + takerNotional;
    }
}
