package soaktune.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import soaktune.model.Profile;
import soaktune.sim.ScenarioSpec;
import soaktune.tuning.Tuner;

/**
 * The tuning-quality benchmark: every scenario x seed, once with and once without auto-tune, spread over a
 * thread pool (the rule base is shared; each decision opens its own session). Results come back in a fixed
 * order whatever the thread timing, so the table is reproducible.
 */
public final class TuningBench {
    public record Config(List<ScenarioSpec> scenarios, int seeds, int iterations, int threads, Tuner tuner,
            KpiTargets targets, Profile profile, double iterationMinutes) {
    }

    public record Result(List<TrialResult> trials, double wallSeconds, int threads) {
    }

    private TuningBench() {
    }

    public static Result run(Config c) throws Exception {
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(c.threads(), r -> {
            Thread t = new Thread(r, "bench-tuning");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<TrialResult>> futures = new ArrayList<>();
            for (ScenarioSpec scenario : c.scenarios()) {
                for (boolean autoTune : new boolean[] {false, true}) {
                    for (long seed = 1; seed <= c.seeds(); seed++) {
                        long s = seed;
                        futures.add(pool.submit(() -> TuningTrial.run(scenario, s, c.iterations(), autoTune, c.tuner(),
                                c.targets(), c.profile(), c.iterationMinutes())));
                    }
                }
            }
            List<TrialResult> results = new ArrayList<>();
            for (Future<TrialResult> f : futures) {
                try {
                    results.add(f.get());
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof Exception cause) {
                        throw cause;
                    }
                    throw e;
                }
            }
            return new Result(List.copyOf(results), (System.nanoTime() - start) / 1e9, c.threads());
        } finally {
            pool.shutdownNow();
        }
    }
}
