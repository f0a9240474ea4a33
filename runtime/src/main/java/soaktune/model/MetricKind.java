package soaktune.model;

/** What values a metric may take; the EDGE_REPORT reader rejects anything else. */
public enum MetricKind {
    /** Basis points: any finite number, signed. */
    BPS,
    /** A duration in milliseconds: zero or more. */
    MILLIS,
    /** A share between 0 and 1. */
    RATIO,
    /** A percentage between 0 and 100. */
    PERCENT,
    /** A count or an amount: zero or more. */
    NON_NEGATIVE;

    public boolean accepts(double v) {
        if (!Double.isFinite(v)) {
            return false;
        }
        return switch (this) {
            case BPS -> true;
            case MILLIS, NON_NEGATIVE -> v >= 0;
            case RATIO -> v >= 0 && v <= 1;
            case PERCENT -> v >= 0 && v <= 100;
        };
    }

    public String describe() {
        return switch (this) {
            case BPS -> "a finite number";
            case MILLIS, NON_NEGATIVE -> "a finite number >= 0";
            case RATIO -> "a ratio between 0 and 1";
            case PERCENT -> "a percentage between 0 and 100";
        };
    }
}
