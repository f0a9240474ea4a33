package soaktune.tuning;

import soaktune.rules.engine.HotRules;
import soaktune.rules.RuleProblem;
import soaktune.rules.engine.RuleSet;

/**
 * {@code | rules_reload | OK | VERSION=v1 SHA=<12 hex> |} or
 * {@code | rules_reload | FAIL | FILE=triggers.drl LINE=12 MSG=... |}: one line, whatever the message.
 */
public final class ReloadMarker {
    /** Markers are parsed by scripts: keep the message short enough to read in a log. */
    static final int MAX_MESSAGE = 200;

    private ReloadMarker() {
    }

    public static void print(Markers markers, HotRules.Reload reload) {
        if (reload.ok()) {
            RuleSet rules = reload.loaded().orElseThrow();
            markers.emit("rules_reload", "OK", "VERSION=" + rules.version() + " SHA=" + rules.shortSha());
            return;
        }
        RuleProblem first = reload.problems().isEmpty()
                ? RuleProblem.error("?", 0, 0, "rule set rejected") : reload.problems().get(0);
        String message = first.message().replaceAll("[\\s|]+", " ").trim();
        if (message.length() > MAX_MESSAGE) {
            message = message.substring(0, MAX_MESSAGE - 3) + "...";
        }
        markers.emit("rules_reload", "FAIL", "FILE=" + first.file() + " LINE=" + first.line() + " MSG=" + message
                + (reload.problems().size() > 1 ? " (+" + (reload.problems().size() - 1) + " more)" : ""));
        markers.line("[WARN] rules reload failed; the last good rules stay active. Run 'soaktune rules check "
                + "<dir>' for every problem.");
    }
}
