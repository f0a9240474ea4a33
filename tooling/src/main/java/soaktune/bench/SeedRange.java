package soaktune.bench;

import java.util.stream.LongStream;

/**
 * The seeds a bench runs, first to last inclusive: 1..N by default, or a later range (say 21..40) to measure a rule
 * set on seeds it was not written against.
 */
public record SeedRange(long first, long last) {
    public SeedRange {
        if (first < 1 || last < first) {
            throw new IllegalArgumentException("seeds must be 1 <= first <= last, got " + first + ".." + last);
        }
    }

    public int count() {
        return Math.toIntExact(last - first + 1);
    }

    public LongStream stream() {
        return LongStream.rangeClosed(first, last);
    }

    @Override
    public String toString() {
        return first + ".." + last;
    }
}
