package soaktune.regression;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * A scenario file as written, bound strictly by io.Json: an unknown key, a wrong type or a missing
 * {@code name}, {@code given}, {@code given.metrics} or step {@code expect} names its path. What binding
 * cannot know (metric and field names, ranges) {@link ScenarioReader} checks.
 */
record ScenarioFile(@JsonProperty(required = true) String name, String description,
        @JsonProperty(required = true) Given given, Expectation expect, List<Iteration> iterations) {

    record Given(@JsonProperty(required = true) Totals metrics,
            @JsonSetter(contentNulls = Nulls.FAIL) Map<String, Double> overrides, String profile, JsonNode memory) {
        Given {
            overrides = overrides == null ? Map.of() : overrides;
        }
    }

    record Iteration(Totals metrics, @JsonProperty("healthy_streak") Integer healthyStreak,
            @JsonProperty(required = true) Expectation expect) {
        Iteration {
            metrics = metrics == null ? new Totals(null, null) : metrics; // the given metrics as they are
            healthyStreak = healthyStreak == null ? 0 : healthyStreak;
        }
    }

    /** EDGE_REPORT totals by key; {@code blocked_ratio} (by reason) is the one map among them. */
    record Totals(@JsonProperty("blocked_ratio") @JsonSetter(contentNulls = Nulls.FAIL) Map<String, Double> blocked,
            @JsonAnySetter Map<String, Double> values) {
        Totals {
            blocked = blocked == null ? Map.of() : blocked;
            values = values == null ? Map.of() : values;
        }
    }
}
