package soaktune.sim;

import soaktune.sim.replay.ReplayPosition;

/**
 * Everything that carries from one iteration to the next: the last iteration run, the synthetic mid, our
 * inventory, and the replay position (null when synthetic). Iteration i's random streams derive from (seed, i)
 * alone, so restoring this state and running iteration i reproduces it exactly.
 */
public record SimState(int iteration, double mid, double inventoryQty, ReplayPosition replay) {
}
