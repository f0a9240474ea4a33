package soaktune.scenario;

import java.nio.file.Path;
import java.util.List;

/** How one scenario file went: passed, or the differences (expected vs actual) and errors, in order. */
public record ScenarioResult(Path file, String name, List<String> failures, double seconds) {
    public ScenarioResult {
        failures = List.copyOf(failures);
    }

    public boolean passed() {
        return failures.isEmpty();
    }

    /** {@code PASS name} or {@code FAIL name: min_interval_ms expected 80 got 100; ...}. */
    public String line() {
        return passed() ? "PASS " + name : "FAIL " + name + ": " + String.join("; ", failures);
    }
}
