package soaktune.bench;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import soaktune.gate.Verdict;
import soaktune.model.Overrides;
import soaktune.model.Profile;
import soaktune.model.TunableField;
import soaktune.rules.engine.HotRules;
import soaktune.sim.MarketSimulator;
import soaktune.sim.ScenarioSpec;
import soaktune.soak.SoakLoop;
import soaktune.tuning.Decision;
import soaktune.tuning.Tuner;
import soaktune.tuning.TuningMemory;

/**
 * The tuning-quality benchmark: every scenario x seed, once with and once without auto-tune, each the soak
 * loop of {@code run --mock} ({@link SoakLoop}) with nothing written, spread over a thread pool (the rule base is shared; each decision opens its own session). Results come back in a fixed
 * order whatever the thread timing, so the table is reproducible.
 */
public final class TuningBench {
    public record Config(List<ScenarioSpec> scenarios, SeedRange seeds, int iterations, int threads, Tuner tuner,
            KpiTargets targets, Profile profile, double iterationMinutes) {
    }

    public record Result(List<TrialResult> trials, double wallSeconds, int threads) {
    }

    /** Decisions in the benchmark carry a fixed time stamp: nothing it measures depends on the clock. */
    private static final Clock FIXED = Clock.fixed(Instant.EPOCH, ZoneOffset.UTC);

    private TuningBench() {
    }

    public static Result run(Config c) throws Exception {
        return run(c.scenarios(), c.seeds(), c.threads(), List.of(new Arm(c, false, ""), new Arm(c, true, "")));
    }

    /**
     * Two rule sets on the same scenario x seed paths ({@code bench tuning --rules A --vs B}): per scenario the
     * fixed runs once (from {@code a}; no rules run there), then the seeds tuned by A, then the same seeds tuned
     * by B, with everything but the rules (and their KPI thresholds) from {@code a}.
     */
    public static Result vs(Config a, String labelA, Tuner tunerB, KpiTargets targetsB, String labelB)
            throws Exception {
        Config b = new Config(a.scenarios(), a.seeds(), a.iterations(), a.threads(), tunerB, targetsB, a.profile(),
                a.iterationMinutes());
        return run(a.scenarios(), a.seeds(), a.threads(),
                List.of(new Arm(a, false, ""), new Arm(a, true, labelA), new Arm(b, true, labelB)));
    }

    /** One row group of the table: a config, with or without auto-tune, under a label. */
    private record Arm(Config config, boolean autoTune, String label) {
    }

    private static Result run(List<ScenarioSpec> scenarios, SeedRange seeds, int threads, List<Arm> arms)
            throws Exception {
        long start = System.nanoTime();
        List<Callable<TrialResult>> trials = scenarios.stream().flatMap(scenario -> arms.stream()
                .flatMap(arm -> seeds.stream().mapToObj(seed -> (Callable<TrialResult>) () -> trial(scenario, seed,
                        arm.autoTune(), arm.label(), arm.config())))).toList();
        List<TrialResult> results = Workers.run(threads, "bench-tuning", trials);
        return new Result(List.copyOf(results), (System.nanoTime() - start) / 1e9, threads);
    }

    /**
     * One scenario x seed: the soak loop of {@code run --mock [--auto-tune]} itself, with a listener that writes
     * nothing and keeps each iteration.
     */
    static List<SoakLoop.Iteration> iterations(ScenarioSpec scenario, long seed, boolean autoTune, Config c)
            throws Exception {
        MarketSimulator sim = MarketSimulator.synthetic(scenario, seed, c.iterationMinutes(), "bench");
        SoakLoop loop = new SoakLoop(sim, c.profile(), c.targets().thresholds(), autoTune,
                HotRules.fixed(c.tuner().ruleSet()), FIXED, Integer.MAX_VALUE);
        List<SoakLoop.Iteration> out = new ArrayList<>();
        loop.run(1, c.iterations(), new SoakLoop.Carry(Overrides.empty(), TuningMemory.empty(), List.of(), 0),
                new SoakLoop.Listener() {
                    @Override
                    public void done(SoakLoop.Iteration it, SoakLoop.Carry next) {
                        out.add(it);
                    }
                });
        return out;
    }

    static TrialResult trial(ScenarioSpec scenario, long seed, boolean autoTune, String label, Config c)
            throws Exception {
        List<Boolean> met = new ArrayList<>();
        List<List<String>> failing = new ArrayList<>();
        Map<TunableField, List<Integer>> moves = new EnumMap<>(TunableField.class);
        int limitStops = 0;
        double net = 0;
        String verdict = "-";
        String reason = "";
        int firstInfeasible = 0;
        for (SoakLoop.Iteration it : iterations(scenario, seed, autoTune, c)) {
            List<String> fails = KpiTargets.failing(it.gate());
            met.add(fails.isEmpty());
            failing.add(fails);
            net = it.report().totals().getNetBps();
            verdict = it.gate().verdict().name();
            reason = "";
            if (it.step() != null) {
                Decision d = it.step().decision();
                // as run's soak verdict: FAIL when the last iteration's decision declared a KPI infeasible
                if (!d.outcome().infeasible().isEmpty()) {
                    verdict = Verdict.FAIL.name();
                    reason = TrialResult.INFEASIBLE;
                    firstInfeasible = firstInfeasible == 0 ? it.number() : firstInfeasible;
                }
                limitStops += d.limitStops();
                for (TunableField f : TunableField.values()) {
                    double from = d.before().get(f).orElseThrow();
                    double to = d.after().get(f).orElseThrow();
                    if (to != from) {
                        moves.computeIfAbsent(f, k -> new ArrayList<>()).add(to > from ? 1 : -1);
                    }
                }
            }
        }
        return new TrialResult(scenario.name(), seed, autoTune, label, List.copyOf(met), List.copyOf(failing),
                oscillations(moves), limitStops, net, verdict, reason, firstInfeasible);
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
