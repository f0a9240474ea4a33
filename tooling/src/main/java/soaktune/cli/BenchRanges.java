package soaktune.cli;

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
