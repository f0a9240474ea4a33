package soaktune.report;

import soaktune.model.TunableField;

/** One runtime adjustment as the report lists it, traced to its rule and the rule set that held it. */
public record AdjustmentRow(int iteration, TunableField field, double from, double to, String reason, String rule,
        String rulesSha256) {

    /** The first 7 hex digits, as git shows commits: enough to tell rule sets apart in a table. */
    public String rulesShaShort() {
        return ArtifactsReader.shortSha(rulesSha256);
    }
}
