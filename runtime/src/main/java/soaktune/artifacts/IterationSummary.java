package soaktune.artifacts;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.nio.file.Path;
import java.util.Map;
import soaktune.io.InputException;
import soaktune.io.Json;
import soaktune.tuning.DecisionJson;

/**
 * {@code ITER_SUMMARY_<i>.json}: one soak iteration, written by the soak and read by the report. The parts an
 * iteration may lack are null and left out of the file: {@code metrics} and {@code gate} when no report came
 * ({@code inconclusive} says why), {@code decision} when the rules did not decide, {@code rulesRuntimeFailure}
 * unless the rules failed at run time and the last good set decided. {@code applied} is what the strategy ran
 * with. A new optional part is one more nullable component marked like these.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record IterationSummary(@JsonProperty(required = true) int iteration, int iterations, String ts,
        String profile, @JsonProperty(required = true) RulesRef rules, String source, Map<String, Double> applied,
        @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Object> metrics,
        @JsonInclude(JsonInclude.Include.NON_NULL) KpiGateFile gate,
        @JsonInclude(JsonInclude.Include.NON_NULL) RuntimeFailure rulesRuntimeFailure,
        @JsonInclude(JsonInclude.Include.NON_NULL) DecisionJson decision, String tuning,
        @JsonInclude(JsonInclude.Include.NON_NULL) String inconclusive) {
    public static final String PREFIX = "ITER_SUMMARY_";

    /** The rule set that failed at run time, its error, and the sha256 of the set that decided instead. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record RuntimeFailure(String sha256, String error, String decidedWith) {
    }

    public static Path file(Path dir, int iteration) {
        return dir.resolve(PREFIX + iteration + ".json");
    }

    public static IterationSummary read(Path file) throws InputException {
        return Json.readFile(file, IterationSummary.class);
    }
}
