package soaktune.model;

/**
 * A field the anti-oscillation rules froze: no proposal for it survives while {@code remaining} iterations
 * (this one included) are left. Inserted by a rule when it freezes a field, and by the runner to carry the
 * freeze into later iterations.
 */
public record Frozen(String field, int remaining, String reason) {
}
