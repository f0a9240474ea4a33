package soaktune.soak;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import soaktune.gate.GateResult;
import soaktune.gate.KpiGate;
import soaktune.gate.KpiThresholds;
import soaktune.gate.Verdict;
import soaktune.io.Clocks;
import soaktune.model.EdgeReport;
import soaktune.model.Overrides;
import soaktune.model.Profile;
import soaktune.rules.engine.HotRules;
import soaktune.rules.RuleEvaluationException;
import soaktune.rules.engine.RuleSet;
import soaktune.tuning.CurrentValues;
import soaktune.tuning.Tuner;
import soaktune.tuning.TuningMemory;
import soaktune.tuning.TuningStep;

/**
 * The soak's iteration loop with nothing written: current values pulled into limits, one strategy iteration,
 * the KPI gate, a hold on INCONCLUSIVE, else one {@link TuningStep}. What is printed or written at each point
 * is the {@link Listener}'s: {@link SoakRunner} writes the artifacts, {@code bench tuning} writes nothing, so
 * the benchmark measures exactly what {@code run} does.
 */
public record SoakLoop(StrategySource strategy, Profile profile, KpiThresholds thresholds, boolean autoTune,
        HotRules rules, Clock clock, int maxInconclusive) {
    /** What one iteration hands the next; {@code verdicts} holds the gate's per iteration, null where no report came. */
    public record Carry(Overrides current, TuningMemory memory, List<String> verdicts, int inconclusiveStreak) {
        public Carry {
            verdicts = Collections.unmodifiableList(new ArrayList<>(verdicts));
        }
    }

    /**
     * One finished iteration. {@code tuning}: applied, held or disabled. {@code report} and {@code gate} are null
     * when no report came ({@code inconclusive} says why); {@code step} is null unless the rules decided.
     */
    public record Iteration(int number, String ts, RuleSet rules, Overrides effective, EdgeReport report,
            GateResult gate, TuningStep.Result step, String tuning, String inconclusive) {
    }

    /** How the loop ended, and the overrides it ended on. */
    public record Outcome(SoakResult.Ending ending, Overrides current) {
    }

    /** Where the loop tells what happened; every method may do nothing. */
    public interface Listener {
        /** Before iteration {@code i}: false stops the loop (a stop signal). */
        default boolean proceed(int i) {
            return true;
        }

        default void reloaded(HotRules.Reload reload) {
        }

        /** The overrides iteration {@code i} starts from: the carried ones, unless there are newer (an operator's edit). */
        default Overrides overrides(int i, Overrides carried) throws Exception {
            return carried;
        }

        default void starting(int i, String ts, RuleSet rules, Overrides effective) throws Exception {
        }

        /** The report and the gate's verdict on it; {@code verdicts} includes this iteration's. */
        default void judged(int i, EdgeReport report, GateResult gate, List<String> verdicts, String ts)
                throws Exception {
        }

        /** The tuner holds: an inconclusive gate or no report ({@code reason} as in the marker). */
        default void held(String reason) {
        }

        /**
         * A hot-reloaded rule set loaded but threw while deciding; {@code fallback} (the rules it replaced)
         * decides this iteration instead and stays active until the folder changes again.
         */
        default void failedAtRunTime(int i, RuleSet failed, RuleSet fallback, RuleEvaluationException e) {
        }

        default void decided(int i, TuningStep.Result step, EdgeReport report, RuleSet rules) throws Exception {
        }

        /** After iteration {@code i}, with what carries on to the next. */
        default void done(Iteration it, Carry next) throws Exception {
        }
    }

    /** Iterations {@code first..last}, starting from {@code carry}. */
    public Outcome run(int first, int last, Carry carry, Listener listener) throws Exception {
        Overrides start = carry.current(); // without auto-tune every iteration runs with these
        Overrides current = carry.current();
        for (int i = first; i <= last; i++) {
            if (!listener.proceed(i)) {
                return new Outcome(SoakResult.Ending.INTERRUPTED, current);
            }
            String ts = Clocks.isoNow(clock);
            rules.refresh().ifPresent(listener::reloaded);
            RuleSet ruleSet = rules.current(); // this iteration's rules, recorded with its decision
            current = listener.overrides(i, current);
            // The strategy runs with current values pulled into limits; the decision reports any clamp.
            Overrides effective = CurrentValues.resolve(current, profile, ruleSet.limits()).values();
            listener.starting(i, ts, ruleSet, effective);
            TuningMemory memory = carry.memory();
            List<String> verdicts = new ArrayList<>(carry.verdicts());
            Iteration it;
            try {
                EdgeReport report = strategy.runIteration(i, profile.applyRuntime(effective));
                GateResult gate = KpiGate.judge(report.totals(), thresholds);
                verdicts.add(gate.verdict().name());
                listener.judged(i, report, gate, verdicts, ts);
                TuningStep.Result step = null;
                if (autoTune && gate.verdict() == Verdict.INCONCLUSIVE) {
                    // Too little or missing data: the tuner holds its hand rather than act on noise.
                    listener.held("inconclusive:" + String.join(",", gate.reasons()));
                } else if (autoTune) {
                    TuningStep stepIn = new TuningStep(report.totals(), current, profile, memory, i,
                            healthyStreak(verdicts));
                    try {
                        step = stepIn.take(new Tuner(ruleSet), ts);
                    } catch (RuleEvaluationException e) {
                        // A hot edit that compiles but throws: the last good rules decide this iteration.
                        RuleSet fallback = rules.rejectAtRunTime(ruleSet).orElseThrow(() -> e);
                        listener.failedAtRunTime(i, ruleSet, fallback, e);
                        ruleSet = fallback;
                        step = stepIn.take(new Tuner(ruleSet), ts);
                    }
                    listener.decided(i, step, report, ruleSet);
                    memory = step.memoryAfter();
                    current = step.decision().after();
                }
                String tuning = !autoTune ? "disabled" : step == null ? "held" : "applied";
                it = new Iteration(i, ts, ruleSet, effective, report, gate, step, tuning, null);
            } catch (NoReportException e) {
                if ("stop_requested".equals(e.reason())) {
                    listener.held("stop_requested");
                    return new Outcome(SoakResult.Ending.INTERRUPTED, current);
                }
                listener.held("inconclusive:" + e.reason());
                verdicts.add(null);
                it = new Iteration(i, ts, ruleSet, effective, null, null, null, "held", e.getMessage());
            }
            int streak = it.report() == null ? carry.inconclusiveStreak() + 1 : 0;
            carry = new Carry(autoTune ? current : start, memory, verdicts, streak);
            listener.done(it, carry);
            if (streak >= maxInconclusive) {
                return new Outcome(SoakResult.Ending.INCONCLUSIVE, current);
            }
        }
        return new Outcome(SoakResult.Ending.COMPLETE, current);
    }

    /** How many iterations in a row, ending with the latest, the gate judged OK. */
    static int healthyStreak(List<String> verdicts) {
        int streak = 0;
        for (int k = verdicts.size() - 1; k >= 0 && Verdict.OK.name().equals(verdicts.get(k)); k--) {
            streak++;
        }
        return streak;
    }
}
