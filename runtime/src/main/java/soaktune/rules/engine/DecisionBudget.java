package soaktune.rules.engine;

import java.time.Duration;
import java.util.Map;
import soaktune.io.InputException;

/**
 * How long one decision may take before it fails: the last guard behind the sandbox (which already makes
 * every consequence straight-line) and the firing cap. The default is 2 s; {@code SOAKTUNE_DECISION_BUDGET_MS}
 * sets it for the process. A v1 decision takes microseconds, so the budget only ever stops a runaway rule set.
 */
public final class DecisionBudget {
    public static final String ENV = "SOAKTUNE_DECISION_BUDGET_MS";
    public static final Duration DEFAULT = Duration.ofSeconds(2);
    private static final long MAX_MS = 600_000;

    private static volatile Duration current = DEFAULT;

    private DecisionBudget() {
    }

    public static Duration current() {
        return current;
    }

    /** Sets the process's budget from the environment (default when unset); a bad value names the variable. */
    public static void configure(Map<String, String> env) throws InputException {
        String raw = env.get(ENV);
        if (raw == null || raw.isBlank()) {
            current = DEFAULT;
            return;
        }
        long ms;
        try {
            ms = Long.parseLong(raw.trim());
        } catch (NumberFormatException e) {
            throw new InputException(ENV, "must be a whole number of milliseconds");
        }
        if (ms < 1 || ms > MAX_MS) {
            throw new InputException(ENV, "must be between 1 and " + MAX_MS + " ms");
        }
        current = Duration.ofMillis(ms);
    }
}
