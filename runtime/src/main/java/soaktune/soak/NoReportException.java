package soaktune.soak;

/**
 * The strategy produced no usable report this iteration (none arrived in time, or only a stale or
 * malformed one). The iteration is INCONCLUSIVE: nothing is tuned, and the reason goes into the marker.
 */
public final class NoReportException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String reason;

    public NoReportException(String reason, String detail) {
        super(reason + ": " + detail);
        this.reason = reason;
    }

    /** A short tag without spaces, for markers: no_new_report, stale_report, malformed_report, ... */
    public String reason() {
        return reason;
    }
}
