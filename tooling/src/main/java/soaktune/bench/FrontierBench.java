package soaktune.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import soaktune.gate.GateResult;
import soaktune.gate.KpiGate;
import soaktune.model.EdgeReport;
import soaktune.model.Limits;
import soaktune.model.Overrides;
import soaktune.model.Profile;
import soaktune.sim.MarketSimulator;
import soaktune.sim.SimState;
import soaktune.tuning.CurrentValues;

/**
 * The feasibility frontier: for each market x seed, the first soak iterations (by default iteration 1 alone,
 * from the fresh state {@code run --mock} starts from; see {@link Judged}) at every point of a grid over the
 * limits box, each judged by the KPI gate.
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
    public record Config(List<FrontierMarket> markets, SeedRange seeds, FrontierGrid grid, Limits limits,
            Profile profile, KpiTargets targets, double iterationMinutes, int threads, boolean stopAtFirstFeasible,
            Judged judged) {
        public Config {
            markets = List.copyOf(markets);
        }
    }

    /**
     * The iterations a point is judged by: it runs iterations 1..{@code to} in a row from the fresh start, as
     * {@code run --mock} with the point held fixed, and is feasible when every target is met in each of
     * {@code from}..{@code to}. Its missed targets are those missed in any of them, its net_bps the lowest.
     * 1..1 is the frontier of "met by it1"; 3..8 the yardstick of {@code bench tuning}'s "stay met".
     */
    public record Judged(int from, int to) {
        public static final Judged FIRST = new Judged(1, 1);

        public Judged {
            if (from < 1 || to < from) {
                throw new IllegalArgumentException("judged iterations must be 1 <= from <= to, got " + from + ".." + to);
            }
        }

        @Override
        public String toString() {
            return from + ".." + to;
        }
    }

    public record Result(List<FrontierCell> cells, FrontierGrid grid, SeedRange seeds, double wallSeconds,
            long iterations) {
        public Result {
            cells = List.copyOf(cells);
        }
    }

    private FrontierBench() {
    }

    public static Result run(Config c) throws Exception {
        long start = System.nanoTime();
        List<Overrides> grid = IntStream.range(0, c.grid().size()).mapToObj(c.grid()::point).toList();
        List<Sweep> first = c.markets().stream()
                .flatMap(market -> c.seeds().stream().mapToObj(seed -> new Sweep(market, seed, grid))).toList();
        long iterations = run(first, c, c.stopAtFirstFeasible());
        // Second pass: a finer look around the best points of every seed with no feasible grid point.
        List<Sweep> second = first.stream().map(s -> new Sweep(s.market(), s.seed(), s.anyFeasible() ? List.of()
                : FrontierRefine.points(c.grid(), c.limits(), Arrays.asList(s.results())))).toList();
        iterations += run(second, c, false);
        List<FrontierCell> cells = IntStream.range(0, first.size()).mapToObj(i -> {
            Sweep s = first.get(i);
            Sweep r = second.get(i);
            List<FrontierCell.Refined> refined = IntStream.range(0, r.points().size())
                    .mapToObj(j -> new FrontierCell.Refined(r.points().get(j), r.results()[j])).toList();
            return new FrontierCell(s.market().name(), s.seed(), Arrays.asList(s.results()),
                    Arrays.stream(s.results()).allMatch(Objects::nonNull), refined);
        }).toList();
        return new Result(cells, c.grid(), c.seeds(), (System.nanoTime() - start) / 1e9, iterations);
    }

    /** The points one market x seed runs, and what each gave (null until run, or after an early stop). */
    private record Sweep(FrontierMarket market, long seed, List<Overrides> points, FrontierCell.Point[] results) {
        Sweep(FrontierMarket market, long seed, List<Overrides> points) {
            this(market, seed, points, new FrontierCell.Point[points.size()]);
        }

        boolean anyFeasible() {
            return Arrays.stream(results).anyMatch(p -> p != null && p.feasible());
        }
    }

    /**
     * Runs every sweep in chunks of {@link #CHUNK} points, or each whole when it stops at its first feasible
     * point; returns how many iterations they ran.
     */
    private static long run(List<Sweep> sweeps, Config c, boolean stopAtFeasible) throws Exception {
        List<Callable<Integer>> tasks = new ArrayList<>();
        for (Sweep s : sweeps) {
            int size = s.points().size();
            int chunk = stopAtFeasible ? size : CHUNK;
            for (int from = 0; from < size; from += chunk) {
                int f = from;
                int to = Math.min(size, from + chunk);
                tasks.add(() -> sweep(s, f, to, c, stopAtFeasible));
            }
        }
        return Workers.run(c.threads(), "bench-frontier", tasks).stream().mapToLong(Integer::longValue).sum();
    }

    /** Runs points [from, to) of one sweep into its results; returns how many iterations it ran. */
    private static int sweep(Sweep s, int from, int to, Config c, boolean stopAtFeasible) throws Exception {
        MarketSimulator sim = s.market().simulator(s.seed(), c.iterationMinutes());
        SimState fresh = sim.state();
        int ran = 0;
        for (int i = from; i < to; i++) {
            sim.restore(fresh);
            // the point's applied parameters: CurrentValues as in run, then the profile on top
            Overrides values = CurrentValues.resolve(s.points().get(i), c.profile(), c.limits()).values();
            Map<String, Double> applied = c.profile().applyRuntime(values);
            Set<String> missed = new LinkedHashSet<>();
            double net = Double.POSITIVE_INFINITY;
            for (int iteration = 1; iteration <= c.judged().to(); iteration++) {
                EdgeReport report = sim.runIteration(iteration, applied);
                if (iteration >= c.judged().from()) {
                    GateResult gate = KpiGate.judge(report.totals(), c.targets().thresholds());
                    missed.addAll(KpiTargets.failing(gate));
                    net = Math.min(net, report.totals().getNetBps());
                }
            }
            s.results()[i] = new FrontierCell.Point(List.copyOf(missed), net);
            ran += c.judged().to();
            if (stopAtFeasible && s.results()[i].feasible()) {
                break;
            }
        }
        return ran;
    }
}
