package soaktune.rules.engine;

/** The {@code rules_load} marker's payload: which set, from where, which content. */
public final class RulesMarker {
    private RulesMarker() {
    }

    /** {@code VERSION=v1 SOURCE=builtin SHA=...} or {@code VERSION=v1 SOURCE=folder DIR=/abs/rules/v1 SHA=...}. */
    public static String payload(RuleSet rules) {
        return "VERSION=" + rules.version() + " " + rules.source().markerPayload() + " SHA=" + rules.shortSha();
    }
}
