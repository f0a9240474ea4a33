package soaktune.sim.replay;

/** What a replay does when the capture runs out. */
public enum ReplayEnd {
    /** Start again from the beginning, prices rescaled so the mid continues where it stopped. */
    WRAP,
    /** Stop: the last iteration covers only what is left, and a run longer than the capture is refused. */
    STOP
}
