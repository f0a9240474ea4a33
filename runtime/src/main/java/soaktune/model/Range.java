package soaktune.model;

/** A closed interval [min, max] that a tunable field must stay within. */
public record Range(double min, double max) {
    public Range {
        if (!(min <= max)) {
            throw new IllegalArgumentException("min " + min + " is above max " + max);
        }
    }

    /** NaN has no place in a range: refusing it here means no NaN ever reaches an override file. */
    public double clamp(double value) {
        if (Double.isNaN(value)) {
            throw new IllegalArgumentException("cannot clamp NaN into [" + min + ", " + max + "]");
        }
        return Math.max(min, Math.min(max, value));
    }

    public boolean contains(double value) {
        return value >= min && value <= max;
    }
}
