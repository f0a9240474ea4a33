package soaktune.sim.replay;

/**
 * A and k of the fill law P(delta) = A exp(-k delta), fitted to replayed trades: how far each taker reached
 * beyond the mid of {@code lagMs} earlier. {@code fitted} is false when too few trades reached far enough to
 * fit, and A and k are then the scenario's.
 */
public record Calibration(double a, double k, boolean fitted, int trades, int points, double rSquared, double lagMs) {
}
