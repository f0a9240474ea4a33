package soaktune.rules;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import soaktune.io.InputException;

/**
 * The rule set a long run decides with, reloaded when its folder changes. {@link #refresh()} is cheap when
 * nothing changed (a sha256 of the decision files); when something did, the folder is linted and compiled
 * and swapped in only if it passes. A broken edit leaves the last good rules active and is reported once,
 * not at every iteration, until the folder changes again.
 */
public final class HotRules {
    /** What a refresh found: a new rule set in use, or a failed edit (the previous rules stay). */
    public record Reload(Optional<RuleSet> loaded, List<RuleProblem> problems) {
        public boolean ok() {
            return loaded.isPresent();
        }
    }

    private final Path dir;
    private final boolean watch;
    private RuleSet current;
    /** The rules before the last reload: what a reloaded set that fails at run time falls back to. */
    private RuleSet previous;
    private String lastSeenSha;

    private HotRules(RuleSet initial, boolean watch) {
        this.dir = initial.dir();
        this.watch = watch;
        this.current = initial;
        this.lastSeenSha = initial.sha256();
    }

    /** Rules that are reloaded from {@code initial.dir()} whenever the folder changes (a built-in set never does). */
    public static HotRules watching(RuleSet initial) {
        return new HotRules(initial, !initial.source().builtin());
    }

    /** Rules that never change (tests, and callers that load rules once). */
    public static HotRules fixed(RuleSet rules) {
        return new HotRules(rules, false);
    }

    /** The rule set in use: the last one that loaded cleanly. */
    public RuleSet current() {
        return current;
    }

    /** Checks the folder; empty when nothing changed since the last look. */
    public Optional<Reload> refresh() {
        if (!watch) {
            return Optional.empty();
        }
        String sha;
        try {
            sha = RuleSetLoader.sha256(dir, RuleSetLoader.decisionFiles(dir));
        } catch (InputException e) {
            return Optional.of(failure(null, List.of(RuleProblem.error(e.source(), 0, 0, e.problem()))));
        }
        if (sha.equals(lastSeenSha)) {
            return Optional.empty();
        }
        try {
            RuleCheck check = RuleSetLoader.check(dir);
            if (check.ok()) {
                previous = current;
                current = check.ruleSet().orElseThrow();
                lastSeenSha = current.sha256();
                return Optional.of(new Reload(Optional.of(current), check.warnings()));
            }
            return Optional.of(failure(sha, check.errors()));
        } catch (InputException e) {
            return Optional.of(failure(sha, List.of(RuleProblem.error(e.source(), 0, 0, e.problem()))));
        }
    }

    /**
     * A reloaded rule set compiled but failed while deciding: put back the rules it replaced and keep them
     * until the folder changes again. Empty when {@code failed} is not a reload (the rules the run started
     * with), so there is nothing better to fall back to.
     */
    public Optional<RuleSet> rejectAtRunTime(RuleSet failed) {
        if (failed != current || previous == null) {
            return Optional.empty();
        }
        current = previous;
        previous = null;
        return Optional.of(current); // lastSeenSha stays the failed folder's: it is not reloaded until edited
    }

    private Reload failure(String sha, List<RuleProblem> problems) {
        if (sha != null) {
            lastSeenSha = sha; // report a broken edit once; the next edit is checked again
        }
        return new Reload(Optional.empty(), problems);
    }
}
