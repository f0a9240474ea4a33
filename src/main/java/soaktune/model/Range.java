package soaktune.model;

/** A closed interval [min, max] that a tunable field must stay within. */
public record Range(double min, double max) {
    public Range {
        if (!(min <= max)) {
            throw new IllegalArgumentException("min " + min + " is above max " + max);
        }
    }

    public double clamp(double value) {
        return Math.max(min, Math.min(max, value));
    }

    public boolean contains(double value) {
        return value >= min && value <= max;
    }
}
