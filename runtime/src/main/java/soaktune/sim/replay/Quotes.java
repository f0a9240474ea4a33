package soaktune.sim.replay;

/**
 * Top-of-book quotes in receive order, as parallel primitive arrays (a replay reads them millions of times
 * a second; an object per row would cost more than the simulation). Arrays are owned, never modified.
 */
public record Quotes(long[] ns, double[] bid, double[] bidQty, double[] ask, double[] askQty) {
    public int size() {
        return ns.length;
    }

    public double mid(int i) {
        return 0.5 * (bid[i] + ask[i]);
    }
}
