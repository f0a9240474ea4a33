package soaktune.sim;

/**
 * Our order-entry message rate: messages sent in the last {@code windowMs}, per second, kept as a ring of send
 * times. Feeds the queueing term of the latency model.
 */
final class MessageRate {
    private final double windowMs;
    private double[] sentAt = new double[1024];
    private int head;
    private int count;

    MessageRate(double windowMs) {
        this.windowMs = windowMs;
    }

    void sent(double t) {
        if (count == sentAt.length) {
            double[] grown = new double[sentAt.length * 2];
            for (int k = 0; k < count; k++) {
                grown[k] = sentAt[(head + k) & (sentAt.length - 1)];
            }
            sentAt = grown;
            head = 0;
        }
        sentAt[(head + count) & (sentAt.length - 1)] = t;
        count++;
    }

    /** Messages per second over the window ending at {@code t}. */
    double perSecond(double t) {
        double from = t - windowMs;
        int mask = sentAt.length - 1;
        while (count > 0 && sentAt[head] <= from) {
            head = (head + 1) & mask;
            count--;
        }
        return count * 1000.0 / windowMs;
    }
}
