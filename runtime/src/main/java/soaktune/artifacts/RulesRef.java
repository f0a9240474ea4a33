package soaktune.artifacts;

import com.fasterxml.jackson.annotation.JsonProperty;
import soaktune.rules.engine.RuleSet;

/**
 * Which rule set made a decision, as ITER_SUMMARY and applied_profile.json record it. {@code dir} is where the
 * set can be found again from anywhere: an absolute path, or builtin:&lt;name&gt;; {@code source} is builtin or
 * folder.
 */
public record RulesRef(@JsonProperty(required = true) String version, @JsonProperty(required = true) String sha256,
        String dir, String source) {

    public static RulesRef of(RuleSet rules) {
        return new RulesRef(rules.version(), rules.sha256(), rules.source().recorded(),
                rules.source().builtin() ? "builtin" : "folder");
    }
}
