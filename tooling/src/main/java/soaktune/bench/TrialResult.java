package soaktune.bench;

import java.util.List;
import soaktune.model.Infeasible;

/**
 * One benchmark run (a scenario, a seed, with or without auto-tune): per iteration whether every KPI target
 * was met and which were not, plus the tuner's oscillations and limit stops and the final verdict as {@code run}
 * gives it (the last gate verdict, or FAIL with {@code finalReason} infeasible_within_limits when the last
 * decision declared a KPI infeasible within limits; "" otherwise). {@code firstInfeasible} is the 1-based
 * iteration whose decision first declared a KPI infeasible within limits, 0 when none did.
 * {@code rules} names the rule set that tuned ("" in a single-set table, where the mode alone says it).
 */
public record TrialResult(String scenario, long seed, boolean autoTune, String rules, List<Boolean> met,
        List<List<String>> failing, int oscillations, int limitStops, double finalNetBps, String finalVerdict,
        String finalReason, int firstInfeasible) {

    /** The reason run's final verdict carries when the rules declared a KPI infeasible within limits. */
    public static final String INFEASIBLE = Infeasible.VERDICT_REASON;

    /** The rules declared a KPI infeasible within limits at some iteration up to and including {@code iteration}. */
    public boolean infeasibleBy(int iteration) {
        return firstInfeasible > 0 && firstInfeasible <= iteration;
    }

    /**
     * Ended with no more failing KPIs than its first iteration had: on a pair the frontier calls infeasible
     * (whose best point still fails some), the tuner ended no further from that point than where it started.
     */
    public boolean endsNoWorse() {
        return failing.isEmpty() || failing.get(failing.size() - 1).size() <= failing.get(0).size();
    }

    /** The table's row label: fixed, auto-tune, or the rule set's name when two sets are compared. */
    public String mode() {
        return !autoTune ? "fixed" : rules.isEmpty() ? "auto-tune" : rules;
    }

    /** Met every target at some iteration up to and including {@code iteration}. */
    public boolean metBy(int iteration) {
        return firstMet() > 0 && firstMet() <= iteration;
    }

    /** 1-based iteration that first met every target; 0 when none did. */
    public int firstMet() {
        return met.indexOf(true) + 1;
    }

    /** Met every target by {@code iteration} and in every iteration after that first time, to the end. */
    public boolean stayedFrom(int iteration) {
        int first = firstMet();
        return first > 0 && first <= iteration && !met.subList(first - 1, met.size()).contains(false);
    }
}
