package soaktune.rules.engine;

import soaktune.rules.RuleProblem;
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

    private final RuleSource source;
    private final boolean watch;
    private RuleSet current;
    /** The rules before the last reload: what a reloaded set that fails at run time falls back to. */
    private RuleSet previous;
    private String lastSeenSha;

    private HotRules(RuleSet initial, boolean watch) {
        this.source = initial.source();
        this.watch = watch;
        this.current = initial;
        this.lastSeenSha = initial.sha256();
    }

    /**
     * Rules that are reloaded whenever a decision file of the set or of one of its bases changes (a built-in
     * set never does).
     */
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
        RulesSnapshot snapshot;
        try {
            snapshot = source.snapshot(); // the composed set: an edit of a base's file changes it too
        } catch (InputException e) {
            return Optional.of(failure(null, problem(e)));
        }
        if (snapshot.sha256().equals(lastSeenSha)) {
            return Optional.empty();
        }
        try {
            RuleCheck check = RuleSetLoader.check(snapshot);
            if (check.ok()) {
                previous = current;
                current = check.ruleSet().orElseThrow();
                lastSeenSha = current.sha256();
                return Optional.of(new Reload(Optional.of(current), check.warnings()));
            }
            return Optional.of(failure(snapshot.sha256(), check.errors()));
        } catch (InputException e) {
            return Optional.of(failure(snapshot.sha256(), problem(e)));
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

    /** A set that cannot be read (a missing file, a broken manifest): its file and field, as a problem. */
    private static List<RuleProblem> problem(InputException e) {
        return List.of(RuleProblem.error(e.source(), 0, 0, (e.field() == null ? "" : e.field() + ": ") + e.problem()));
    }

    private Reload failure(String sha, List<RuleProblem> problems) {
        if (sha != null) {
            lastSeenSha = sha; // report a broken edit once; the next edit is checked again
        }
        return new Reload(Optional.empty(), problems);
    }
}
