package soaktune.model;

/** A current value that was outside its limits and was pulled back in before the rules ran. */
public record Clamp(TunableField field, double from, double to) {
}
