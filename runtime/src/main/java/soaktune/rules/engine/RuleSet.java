package soaktune.rules.engine;

import org.kie.api.KieBase;
import soaktune.model.Limits;

/**
 * A compiled, checked rule set: its version (the folder or built-in name), the sha256 of every file that shapes
 * a decision, the compiled rule base and the limits beside it, the base's reusable sessions, and where it came
 * from ({@code source.root()} is a readable folder holding its files, inside the jar for a built-in set).
 */
public record RuleSet(String version, String sha256, KieBase kieBase, Limits limits, RuleSessions sessions,
        RuleSource source) {
    public RuleSet(RuleSource source, String sha256, KieBase kieBase, Limits limits) {
        this(source.version(), sha256, kieBase, limits, new RuleSessions(kieBase), source);
    }

    public String shortSha() {
        return sha256.substring(0, 12);
    }

    /**
     * The {@code rules_load} marker's payload: which set, from where, which content ({@code VERSION=v1
     * SOURCE=builtin SHA=...} or {@code VERSION=v1 SOURCE=folder DIR=/abs/rules/v1 SHA=...}).
     */
    public String loadMarker() {
        return "VERSION=" + version + " " + source.markerPayload() + " SHA=" + shortSha();
    }
}
