package soaktune.model;

/**
 * A row of the trigger table that fired. {@code fallback} rows (net_bps) fire only when nothing else did
 * and do not count towards the multi-fail guard.
 */
public record Trigger(String rule, String reason, boolean fallback) {
    public boolean isFallback() {
        return fallback;
    }

    public String getRule() {
        return rule;
    }

    public String getReason() {
        return reason;
    }
}
