package soaktune.soak;

import java.util.concurrent.atomic.AtomicInteger;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * SIGINT and SIGTERM ask a soak to stop at the next safe point instead of killing it mid-write: the loop
 * finishes or abandons the current iteration, writes its state and summary, and exits 130 or 143.
 * Signals are process-wide, so this is one process-wide flag; only {@code Main} installs the handlers.
 */
public final class StopSignal {
    private static final AtomicInteger SIGNAL = new AtomicInteger();
    /** What a run prints at start when Ctrl-C cannot reach it. */
    public static final String SIGINT_IGNORED = "SIGINT is ignored in this process (started in the background by a "
            + "script, or under nohup): Ctrl-C will not stop it; stop it with SIGTERM (kill PID), then run --resume";
    private static volatile boolean interruptIgnored;

    private StopSignal() {
    }

    public static void install() {
        for (String name : new String[] {"INT", "TERM"}) {
            try {
                SignalHandler previous = Signal.handle(new Signal(name), s -> {
                    if (!SIGNAL.compareAndSet(0, s.getNumber())) {
                        Runtime.getRuntime().halt(128 + s.getNumber()); // a second signal means "now"
                    }
                });
                // A signal ignored when the JVM started stays ignored: the JVM does not install our handler.
                if (name.equals("INT") && previous == SignalHandler.SIG_IGN) {
                    interruptIgnored = true;
                }
            } catch (IllegalArgumentException e) {
                // The signal is not available on this platform (or the JVM reserves it); nothing to do.
            }
        }
    }

    /** True when this process inherited SIGINT as ignored, so Ctrl-C cannot stop it. */
    public static boolean interruptIgnored() {
        return interruptIgnored;
    }

    public static boolean requested() {
        return SIGNAL.get() != 0;
    }

    /** 2 for SIGINT, 15 for SIGTERM, 0 when no stop was asked for. */
    public static int signal() {
        return SIGNAL.get();
    }
}
