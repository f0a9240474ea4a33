package soaktune.model;

/** A rule read a metric that the EDGE_REPORT does not carry. Missing data is never read as 0. */
public final class MissingMetricException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String metric;

    public MissingMetricException(String metric) {
        super("metric totals." + metric + " is missing");
        this.metric = metric;
    }

    public String metric() {
        return metric;
    }
}
