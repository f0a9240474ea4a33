package soaktune.model;

/**
 * A row of the trigger table that fired. {@code failure} rows count towards the multi-fail guard; fallback
 * rows (net_bps) fire only when nothing else did and do not count.
 *
 * <p>The component is not called {@code fallback}: DRL function imports share the package namespace with
 * property names, and {@code import function ...Dsl.fallback} would shadow a {@code fallback} property.
 */
public record Trigger(String rule, String reason, boolean failure) {
}
