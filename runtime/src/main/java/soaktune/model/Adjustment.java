package soaktune.model;

/** One applied change of a tunable field, as recorded in the audit trail. */
public record Adjustment(String ts, int iteration, TunableField field, double from, double to, String reason,
        String rule) {
}
