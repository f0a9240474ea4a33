package soaktune.sim.replay;

/**
 * Where a replay stands between iterations: the offset into the capture, the quote in force, the next trade,
 * how many times it wrapped and the price factor that keeps the mid continuous across wraps.
 */
public record ReplayPosition(long offsetNs, int quote, int trade, int wraps, double priceFactor) {
}
