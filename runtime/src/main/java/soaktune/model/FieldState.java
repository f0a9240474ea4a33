package soaktune.model;

/**
 * Where a tunable field stands in this decision: the value the strategy ran with (pulled into limits), its
 * limits from limits.json, whether it sits at either end, and for how many iterations in a row, this one
 * included, it has sat at a limit (0 when it has room both ways). A rule fact, one per tunable field.
 */
public record FieldState(String field, double value, double min, double max, boolean atMin, boolean atMax,
        int atLimitFor) {
}
