package soaktune.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import soaktune.gate.GateResult;
import soaktune.model.EdgeReport;
import soaktune.model.Limits;
import soaktune.model.Overrides;
import soaktune.model.Profile;
import soaktune.sim.MarketSimulator;
import soaktune.sim.SimState;
import soaktune.tuning.CurrentValues;

/**
 * The feasibility frontier: for each market x seed, one soak iteration (iteration 1, from the fresh state
 * {@code run --mock} starts from) at every point of a grid over the limits box, each judged by the KPI gate.
 * No rules run: this is what the limits allow at all, the yardstick every rule set is measured against.
 *
 * <p>A second, finer pass ({@link FrontierRefine}) then looks around the best points of every seed on which no
 * grid point was feasible, so that a narrow feasible region between grid points is not missed.
 *
 * <p>Work is split into chunks of points of one cell, spread over a thread pool. Each chunk keeps one
 * simulator and restores the starting state before each point, which reproduces iteration 1 exactly (see
 * docs/simulator.md §1), so the results do not depend on the chunking or the thread timing.
 */
public final class FrontierBench {
    /** Points per work unit: small enough to balance two threads over one cell, large enough to be cheap. */
    static final int CHUNK = 25;

    /**
     * {@code stopAtFirstFeasible}: sweep each cell in grid order and stop at its first feasible point. Only
     * the feasible flag is then known (the cell is not {@code complete}).
     */
    public record Config(List<FrontierMarket> markets, int seeds, FrontierGrid grid, Limits limits, Profile profile,
            KpiTargets targets, double iterationMinutes, int threads, boolean stopAtFirstFeasible) {
        public Config {
            markets = List.copyOf(markets);
        }
    }

    public record Result(List<FrontierCell> cells, FrontierGrid grid, int seeds, double wallSeconds, int threads,
            long iterations) {
        public Result {
            cells = List.copyOf(cells);
        }
    }

    private FrontierBench() {
    }

    public static Result run(Config c) throws Exception {
        long start = System.nanoTime();
        int size = c.grid().size();
        // Every point's applied parameters, resolved once: CurrentValues as in run, then the profile on top.
        List<java.util.Map<String, Double>> applied = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            Overrides values = CurrentValues.resolve(c.grid().point(i), c.profile(), c.limits()).values();
            applied.add(c.profile().applyRuntime(values));
        }
        ExecutorService pool = Executors.newFixedThreadPool(c.threads(), r -> {
            Thread t = new Thread(r, "bench-frontier");
            t.setDaemon(true);
            return t;
        });
        try {
            List<FrontierCell.Point[]> slots = new ArrayList<>();
            List<Future<Integer>> futures = new ArrayList<>();
            for (FrontierMarket market : c.markets()) {
                for (long seed = 1; seed <= c.seeds(); seed++) {
                    FrontierCell.Point[] slot = new FrontierCell.Point[size];
                    slots.add(slot);
                    long s = seed;
                    if (c.stopAtFirstFeasible()) {
                        futures.add(pool.submit(() -> sweep(market, s, 0, size, applied, slot, c, true)));
                    } else {
                        for (int from = 0; from < size; from += CHUNK) {
                            int f = from;
                            int to = Math.min(size, from + CHUNK);
                            futures.add(pool.submit(() -> sweep(market, s, f, to, applied, slot, c, false)));
                        }
                    }
                }
            }
            long iterations = await(futures);
            List<FrontierCell> cells = new ArrayList<>();
            int k = 0;
            for (FrontierMarket market : c.markets()) {
                for (long seed = 1; seed <= c.seeds(); seed++) {
                    FrontierCell.Point[] slot = slots.get(k++);
                    cells.add(new FrontierCell(market.name(), seed, Arrays.asList(slot),
                            Arrays.stream(slot).allMatch(p -> p != null)));
                }
            }
            // Second pass: a finer look around the best points of every seed with no feasible grid point.
            List<List<Overrides>> refinePoints = new ArrayList<>();
            List<FrontierCell.Point[]> refineSlots = new ArrayList<>();
            futures.clear();
            k = 0;
            for (FrontierMarket market : c.markets()) {
                for (long seed = 1; seed <= c.seeds(); seed++) {
                    FrontierCell cell = cells.get(k++);
                    List<Overrides> points = cell.feasible() ? List.of() : FrontierRefine.points(c.grid(), c.limits(), cell);
                    List<java.util.Map<String, Double>> refinedApplied = points.stream()
                            .map(p -> c.profile().applyRuntime(CurrentValues.resolve(p, c.profile(), c.limits()).values()))
                            .toList();
                    FrontierCell.Point[] slot = new FrontierCell.Point[points.size()];
                    refinePoints.add(points);
                    refineSlots.add(slot);
                    long s = seed;
                    for (int from = 0; from < points.size(); from += CHUNK) {
                        int f = from;
                        int to = Math.min(points.size(), from + CHUNK);
                        futures.add(pool.submit(() -> sweep(market, s, f, to, refinedApplied, slot, c, false)));
                    }
                }
            }
            iterations += await(futures);
            for (int i = 0; i < cells.size(); i++) {
                FrontierCell cell = cells.get(i);
                List<FrontierCell.Refined> refined = new ArrayList<>();
                for (int j = 0; j < refinePoints.get(i).size(); j++) {
                    refined.add(new FrontierCell.Refined(refinePoints.get(i).get(j), refineSlots.get(i)[j]));
                }
                cells.set(i, new FrontierCell(cell.market(), cell.seed(), cell.points(), cell.complete(), refined));
            }
            return new Result(cells, c.grid(), c.seeds(), (System.nanoTime() - start) / 1e9, c.threads(), iterations);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Waits for every unit of work; returns how many iterations they ran. */
    private static long await(List<Future<Integer>> futures) throws Exception {
        long iterations = 0;
        for (Future<Integer> f : futures) {
            try {
                iterations += f.get();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof Exception cause) {
                    throw cause;
                }
                throw e;
            }
        }
        return iterations;
    }

    /** Runs points [from, to) of one cell into {@code slot}; returns how many iterations it ran. */
    private static int sweep(FrontierMarket market, long seed, int from, int to,
            List<java.util.Map<String, Double>> applied, FrontierCell.Point[] slot, Config c, boolean stopAtFeasible)
            throws Exception {
        MarketSimulator sim = market.simulator(seed, c.iterationMinutes());
        SimState fresh = sim.state();
        int ran = 0;
        for (int i = from; i < to; i++) {
            sim.restore(fresh);
            EdgeReport report = sim.runIteration(1, applied.get(i));
            GateResult gate = c.targets().judge(report.totals());
            slot[i] = new FrontierCell.Point(KpiTargets.failing(gate), report.totals().getNetBps());
            ran++;
            if (stopAtFeasible && slot[i].feasible()) {
                break;
            }
        }
        return ran;
    }
}
