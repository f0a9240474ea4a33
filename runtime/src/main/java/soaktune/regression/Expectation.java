package soaktune.regression;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import soaktune.model.TunableField;

/**
 * What a scenario step expects of one decision. Anything left out is not checked; lists of fields
 * ({@code dropped}, {@code trimmed}, {@code clamped}) and {@code reasons} must match exactly.
 */
public record Expectation(Map<TunableField, Double> values, Optional<Set<String>> reasons,
        Optional<Boolean> multiFailGuard, List<String> fired, List<String> notFired,
        Optional<Set<String>> dropped, Optional<Set<String>> trimmed, Optional<Set<String>> clamped,
        Optional<Integer> adjustments) {
}
