package soaktune.model;

/**
 * A guardrail that holds for the whole iteration (e.g. the multi-fail guard), named by its rule.
 * (The component is called {@code name}, not {@code guard}: MVEL cannot parse a property named guard.)
 */
public record GuardFired(String name, String reason) {
}
