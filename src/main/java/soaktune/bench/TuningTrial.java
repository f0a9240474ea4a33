package soaktune.bench;

import soaktune.gate.GateResult;
import soaktune.gate.Verdict;
import soaktune.tuning.TuningMemory;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import soaktune.model.EdgeReport;
import soaktune.model.Overrides;
import soaktune.model.Profile;
import soaktune.model.TunableField;
import soaktune.sim.MarketSimulator;
import soaktune.sim.ScenarioSpec;
import soaktune.tuning.CurrentValues;
import soaktune.tuning.Decision;
import soaktune.tuning.Tuner;

/**
 * One scenario x seed run of the soak loop in memory, the way {@code run --mock [--auto-tune]} does it (current
 * values clamped into limits, strategy, decision, new overrides) but without writing files.
 */
final class TuningTrial {
    private TuningTrial() {
    }

    static TrialResult run(ScenarioSpec scenario, long seed, int iterations, boolean autoTune, Tuner tuner,
            KpiTargets targets, Profile profile, double iterationMinutes) throws Exception {
        MarketSimulator sim = MarketSimulator.synthetic(scenario, seed, iterationMinutes, "bench");
        Overrides current = Overrides.empty();
        List<Boolean> met = new ArrayList<>();
        List<List<String>> failing = new ArrayList<>();
        Map<TunableField, List<Integer>> moves = new EnumMap<>(TunableField.class);
        int limitStops = 0;
        int healthyStreak = 0;
        TuningMemory memory = TuningMemory.empty();
        double net = 0;
        for (int i = 1; i <= iterations; i++) {
            Overrides effective = CurrentValues.resolve(current, profile, tuner.ruleSet().limits()).values();
            EdgeReport report = sim.runIteration(i, profile.applyRuntime(effective));
            GateResult gate = targets.judge(report.totals());
            List<String> fails = KpiTargets.failing(gate);
            met.add(fails.isEmpty());
            failing.add(fails);
            healthyStreak = gate.verdict() == Verdict.OK ? healthyStreak + 1 : 0;
            net = report.totals().getNetBps();
            // As in `run`: an inconclusive gate holds the tuner's hand, and the anti-oscillation memory carries on.
            if (autoTune && gate.verdict() != Verdict.INCONCLUSIVE) {
                Decision d = tuner.decide(report.totals(), current, profile, i, "bench", memory.facts(i, healthyStreak));
                memory = memory.after(i, d);
                limitStops += d.limitStops();
                for (TunableField f : TunableField.values()) {
                    double from = d.before().get(f).orElseThrow();
                    double to = d.after().get(f).orElseThrow();
                    if (to != from) {
                        moves.computeIfAbsent(f, k -> new ArrayList<>()).add(to > from ? 1 : -1);
                    }
                }
                current = d.after();
            }
        }
        return new TrialResult(scenario.name(), seed, autoTune, List.copyOf(met), List.copyOf(failing),
                oscillations(moves), limitStops, net);
    }

    /** A field moving up, then down, then up (or down, up, down) in consecutive changes counts once. */
    static int oscillations(Map<TunableField, List<Integer>> moves) {
        int count = 0;
        for (List<Integer> signs : moves.values()) {
            for (int i = 2; i < signs.size(); i++) {
                int now = signs.get(i);
                if (now == signs.get(i - 2) && now != signs.get(i - 1)) {
                    count++;
                }
            }
        }
        return count;
    }
}
