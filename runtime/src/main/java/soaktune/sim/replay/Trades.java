package soaktune.sim.replay;

/** Trades in receive order, as parallel primitive arrays; {@code buyerAggressor} is true when the taker bought. */
public record Trades(long[] ns, double[] price, double[] qty, boolean[] buyerAggressor) {
    public int size() {
        return ns.length;
    }
}
