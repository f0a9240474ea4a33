package soaktune.model;

/** What values a metric may take; the EDGE_REPORT reader rejects anything else. */
public enum MetricKind {
    /** Basis points: any finite number, signed. */
    BPS(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, "a finite number"),
    /** A duration in milliseconds: zero or more. */
    MILLIS(0, Double.POSITIVE_INFINITY, "a finite number >= 0"),
    /** A share between 0 and 1. */
    RATIO(0, 1, "a ratio between 0 and 1"),
    /** A percentage between 0 and 100. */
    PERCENT(0, 100, "a percentage between 0 and 100"),
    /** A count or an amount: zero or more. */
    NON_NEGATIVE(0, Double.POSITIVE_INFINITY, "a finite number >= 0");

    private final double min;
    private final double max;
    private final String description;

    MetricKind(double min, double max, String description) {
        this.min = min;
        this.max = max;
        this.description = description;
    }

    public boolean accepts(double v) {
        return Double.isFinite(v) && v >= min && v <= max;
    }

    public String describe() {
        return description;
    }
}
