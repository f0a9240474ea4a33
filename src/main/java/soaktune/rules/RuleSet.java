package soaktune.rules;

import java.nio.file.Path;
import org.kie.api.KieBase;
import soaktune.model.Limits;

/**
 * A compiled, checked rule folder: its version (the folder name), the sha256 of every file that shapes a
 * decision, the compiled rule base and the limits beside it, and the base's reusable sessions.
 */
public record RuleSet(Path dir, String version, String sha256, KieBase kieBase, Limits limits, RuleSessions sessions) {
    public RuleSet(Path dir, String version, String sha256, KieBase kieBase, Limits limits) {
        this(dir, version, sha256, kieBase, limits, new RuleSessions(kieBase));
    }

    public String shortSha() {
        return sha256.substring(0, 12);
    }
}
