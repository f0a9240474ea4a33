package soaktune.io;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/** The clock for every timestamp the tool writes; {@code MM_FREEZE_UTC_ISO} freezes it for reproducible runs. */
public final class Clocks {
    public static final String FREEZE_ENV = "MM_FREEZE_UTC_ISO";

    private Clocks() {
    }

    public static Clock fromEnv(Map<String, String> env) throws InputException {
        String frozen = env.get(FREEZE_ENV);
        if (frozen == null || frozen.isBlank()) {
            return Clock.systemUTC();
        }
        try {
            return Clock.fixed(Instant.parse(frozen.trim()), ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new InputException(FREEZE_ENV, "must be an ISO-8601 UTC instant such as 2025-10-12T14:00:00Z, got '"
                    + frozen + "'");
        }
    }

    /** ISO-8601 UTC to the second, e.g. 2025-10-12T14:00:00Z. */
    public static String isoNow(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
