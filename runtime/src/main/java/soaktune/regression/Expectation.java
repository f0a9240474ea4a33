package soaktune.regression;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a scenario step expects of one decision, as its {@code expect} block is written: the five fields by
 * key, plus the named checks. Anything left out (null) is not checked; lists of fields ({@code dropped},
 * {@code trimmed}, {@code clamped}) and {@code reasons} must match exactly.
 */
public record Expectation(@JsonAnySetter Map<String, Double> values,
        @JsonSetter(contentNulls = Nulls.FAIL) Set<String> reasons,
        @JsonProperty("multi_fail_guard") Boolean multiFailGuard,
        @JsonSetter(contentNulls = Nulls.FAIL) List<String> fired,
        @JsonProperty("not_fired") @JsonSetter(contentNulls = Nulls.FAIL) List<String> notFired,
        @JsonSetter(contentNulls = Nulls.FAIL) List<String> dropped,
        @JsonSetter(contentNulls = Nulls.FAIL) List<String> trimmed,
        @JsonSetter(contentNulls = Nulls.FAIL) List<String> clamped,
        Integer adjustments) {
    /** The keys besides the fields, for the message naming what an {@code expect} block may hold. */
    static final Set<String> CHECKS = Set.of("reasons", "multi_fail_guard", "fired", "not_fired", "dropped",
            "trimmed", "clamped", "adjustments");

    public Expectation {
        fired = fired == null ? List.of() : fired;
        notFired = notFired == null ? List.of() : notFired;
    }
}
