package soaktune.artifacts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import soaktune.gate.GateResult;
import soaktune.gate.KpiThresholds;
import soaktune.gate.Verdict;
import soaktune.io.InputException;
import soaktune.io.Json;

/**
 * {@code KPI_GATE.json}, and the "gate" section of each ITER_SUMMARY: one verdict with each metric's value and
 * thresholds. In a soak's KPI_GATE.json {@code iterationVerdicts} lists the soak so far; elsewhere it is null
 * and left out.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record KpiGateFile(@JsonProperty(required = true) Verdict verdict, List<String> reasons,
        Map<String, Metric> metrics, Double fills, int minFills, String thresholds, String edgeReport, String ts,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<String> iterationVerdicts) {
    public static final String NAME = "KPI_GATE.json";

    public KpiGateFile {
        reasons = reasons == null ? List.of() : reasons;
        metrics = metrics == null ? Map.of() : metrics;
    }

    public static KpiGateFile of(GateResult r, KpiThresholds thresholds, String edgeReport, String ts) {
        Map<String, Metric> metrics = new LinkedHashMap<>();
        r.metrics().forEach(m -> metrics.put(m.threshold().metric().key(), new Metric(m.threshold().tag(), m.value(),
                m.verdict(), m.threshold().upperBound(), m.threshold().warn(), m.threshold().fail())));
        return new KpiGateFile(r.verdict(), r.reasons(), metrics, r.fills(), r.minFills(), thresholds.source(),
                edgeReport, ts, null);
    }

    public KpiGateFile withIterationVerdicts(List<String> verdicts) {
        return new KpiGateFile(verdict, reasons, metrics, fills, minFills, thresholds, edgeReport, ts, verdicts);
    }

    public static KpiGateFile read(Path file) throws InputException {
        return Json.readFile(file, KpiGateFile.class);
    }

    /**
     * One KPI: its value (null when the report lacks it), verdict, and thresholds written as warn_above and
     * fail_above for an upper bound, warn_below and fail_below for a lower one (a null threshold is written null).
     */
    public record Metric(String tag, Double value, Verdict verdict, boolean upper, Double warn, Double fail) {
        @JsonCreator
        static Metric read(@JsonProperty("tag") String tag, @JsonProperty("value") Double value,
                @JsonProperty(value = "verdict", required = true) Verdict verdict,
                @JsonProperty("warn_above") Double warnAbove, @JsonProperty("fail_above") Double failAbove,
                @JsonProperty("warn_below") Double warnBelow, @JsonProperty("fail_below") Double failBelow) {
            boolean upper = warnAbove != null || failAbove != null;
            return new Metric(tag, value, verdict, upper, upper ? warnAbove : warnBelow, upper ? failAbove : failBelow);
        }

        @JsonValue
        Map<String, Object> json() {
            String dir = upper ? "above" : "below";
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("tag", tag);
            out.put("value", value);
            out.put("verdict", verdict);
            out.put("warn_" + dir, warn);
            out.put("fail_" + dir, fail);
            return out;
        }
    }
}
