package soaktune.cli;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import soaktune.bench.SeedRange;
import soaktune.io.InputException;

/** The option ranges the bench commands share, checked once with the same messages. */
final class BenchRanges {
    private BenchRanges() {
    }

    static void count(String command, String option, int value) throws InputException {
        if (value < 1 || value > 10_000) {
            throw new InputException(command, option, "must be between 1 and 10000, got " + value);
        }
    }

    /** {@code --seeds}: N (seeds 1..N) or A..B, at most 10000 seeds. */
    static SeedRange seeds(String command, String value) throws InputException {
        long[] range = range(value, 9);
        if (range == null || range[0] < 1 || range[1] < range[0] || range[1] - range[0] >= 10_000) {
            throw new InputException(command, "--seeds", "must be N (seeds 1..N) or A..B with 1 <= A <= B and at "
                    + "most 10000 seeds, got '" + value + "'");
        }
        return new SeedRange(range[0], range[1]);
    }

    /**
     * "N" (read as 1..N) or "A..B", each a number of at most {@code digits} digits; null when the text is neither.
     * Whether the numbers make sense is the caller's check, with its own message.
     */
    static long[] range(String value, int digits) {
        Matcher m = Pattern.compile("(?:(\\d{1," + digits + "})\\.\\.)?(\\d{1," + digits + "})").matcher(value.strip());
        return !m.matches() ? null
                : new long[] {m.group(1) == null ? 1 : Long.parseLong(m.group(1)), Long.parseLong(m.group(2))};
    }

    static void iterationMinutes(String command, double minutes) throws InputException {
        if (!(minutes > 0) || minutes > 24 * 60) {
            throw new InputException(command, "--iteration-minutes", "must be between 0 and 1440, got " + minutes);
        }
    }

    /** Worker threads: the given number, or one per core. */
    static int threads(String command, Integer threads) throws InputException {
        int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (n < 1 || n > 256) {
            throw new InputException(command, "--threads", "must be between 1 and 256, got " + n);
        }
        return n;
    }
}
