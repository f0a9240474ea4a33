package soaktune.soak;

import java.util.concurrent.atomic.AtomicInteger;
import sun.misc.Signal;

/**
 * SIGINT and SIGTERM ask a soak to stop at the next safe point instead of killing it mid-write: the loop
 * finishes or abandons the current iteration, writes its state and summary, and exits 130 or 143.
 * Signals are process-wide, so this is one process-wide flag; only {@code Main} installs the handlers.
 */
public final class StopSignal {
    private static final AtomicInteger SIGNAL = new AtomicInteger();

    private StopSignal() {
    }

    public static void install() {
        for (String name : new String[] {"INT", "TERM"}) {
            try {
                Signal.handle(new Signal(name), s -> {
                    if (!SIGNAL.compareAndSet(0, s.getNumber())) {
                        Runtime.getRuntime().halt(128 + s.getNumber()); // a second signal means "now"
                    }
                });
            } catch (IllegalArgumentException e) {
                // The signal is not available on this platform (or the JVM reserves it); nothing to do.
            }
        }
    }

    public static boolean requested() {
        return SIGNAL.get() != 0;
    }

    /** 2 for SIGINT, 15 for SIGTERM, 0 when no stop was asked for. */
    public static int signal() {
        return SIGNAL.get();
    }

    /** For tests: behave as if a signal had arrived. */
    public static void request(int signal) {
        SIGNAL.compareAndSet(0, signal);
    }

    public static void reset() {
        SIGNAL.set(0);
    }
}
