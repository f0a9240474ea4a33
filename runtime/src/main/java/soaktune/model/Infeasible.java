package soaktune.model;

/**
 * The rules' verdict that a KPI cannot be brought to target within the limits by moving {@code field}
 * ({@code infeasible(drools, kpi, fields)}: one fact per field). No proposal for the field survives; the
 * soak's verdict becomes FAIL with reason infeasible_within_limits while the rules keep declaring it.
 */
public record Infeasible(String kpi, String field, String rule, int iteration) {
    /** The reason the soak's FAIL carries (marker, report, bench), written once for all three. */
    public static final String VERDICT_REASON = "infeasible_within_limits";
}
