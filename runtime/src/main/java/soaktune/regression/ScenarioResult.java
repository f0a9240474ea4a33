package soaktune.regression;

import java.nio.file.Path;
import java.util.List;

/**
 * How one scenario file went: passed, or the differences (expected vs actual) and errors, in order, and
 * where the first failing expectation is written ({@code file:line:col}; null when the messages already say).
 */
public record ScenarioResult(Path file, String name, List<String> failures, double seconds, String where) {
    public ScenarioResult {
        failures = List.copyOf(failures);
    }

    public boolean passed() {
        return failures.isEmpty();
    }

    /** {@code PASS name} or {@code FAIL name: tests/x.yaml:5:1: min_interval_ms expected 80 got 100; ...}. */
    public String line() {
        return passed() ? "PASS " + name
                : "FAIL " + name + ": " + (where == null ? "" : where + ": ") + String.join("; ", failures);
    }
}
