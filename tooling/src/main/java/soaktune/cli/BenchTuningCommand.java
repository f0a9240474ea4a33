package soaktune.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import soaktune.bench.FrontierBench;
import soaktune.bench.FrontierCell;
import soaktune.bench.FrontierGrid;
import soaktune.bench.FrontierMarket;
import soaktune.bench.KpiTargets;
import soaktune.bench.SeedRange;
import soaktune.bench.TuningBench;
import soaktune.bench.TuningTable;
import soaktune.model.Limits;
import soaktune.model.Profile;
import soaktune.tuning.Tuner;

/** {@code bench tuning}: does a rule set bring each scenario to its KPI targets, and how fast, how steadily? */
@Command(name = "tuning",
        description = {"Runs every scenario x seed with and without auto-tune and prints how often every KPI "
                + "target is met by iteration 3 and 5, whether it stays met, oscillations and limit stops.",
                "Exit codes: 0 measured, 2 bad option, 4 the rules do not load."})
public final class BenchTuningCommand extends CliCommand {
    @Option(names = "--scenarios", paramLabel = "all|A,B", defaultValue = "all",
            description = "Scenarios: all, or names / scenario files separated by commas. Default: ${DEFAULT-VALUE}.")
    String scenarios;

    @Option(names = "--seeds", paramLabel = "N|A..B", defaultValue = "20",
            description = "Seeds 1..N, or A..B (e.g. 21..40: seeds a rule set was not written against). "
                    + "Default: ${DEFAULT-VALUE}.")
    String seedsOption;

    @Option(names = "--iterations", paramLabel = "N", defaultValue = "8",
            description = "Iterations per run. Default: ${DEFAULT-VALUE}.")
    int iterations;

    @Option(names = "--iteration-minutes", paramLabel = "M", defaultValue = "10",
            description = "Market minutes per iteration. Default: ${DEFAULT-VALUE}.")
    double iterationMinutes;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads. Default: the number of cores.")
    Integer threads;

    @Option(names = "--frontier", description = "Add a \"feasible\" column: per scenario, the share of seeds on "
            + "which bench frontier (default grid " + BenchFrontierCommand.DEFAULT_GRID + ", the rules' limits and "
            + "KPI thresholds) finds a point meeting every target. Each seed stops at its first feasible point; "
            + "infeasible scenarios cost a whole grid per seed.")
    boolean frontier;

    @Option(names = "--vs", paramLabel = "DIR|v1|v2", description = "A second rule set, run on the same scenario x "
            + "seed paths as --rules: one table with both sets' rows side by side (met by it1/2/3/5, stay met, first "
            + "iteration met, oscillations, limit stops, median net_bps, verdicts at the last iteration).")
    String vs;

    @Option(names = "--smoke", description = "One scenario, 2 seeds, 3 iterations (CI: proves the bench still works).")
    boolean smoke;

    @Mixin
    RulesOption rulesOption;

    @Mixin
    ProfileOption profileOption;

    @Override
    public Integer call() throws Exception {
        if (smoke) {
            scenarios = "default";
            seedsOption = "2";
            iterations = 3;
        }
        SeedRange seeds = BenchRanges.seeds("bench tuning", seedsOption);
        BenchRanges.count("bench tuning", "--iterations", iterations);
        BenchRanges.iterationMinutes("bench tuning", iterationMinutes);
        int n = BenchRanges.threads("bench tuning", threads);
        Profile profile = profileOption.resolve(env());
        Tuner tuner = new Tuner(rulesOption.load(env()));
        KpiTargets targets = targets(tuner);
        TuningBench.Config config = new TuningBench.Config(ScenarioList.parse(scenarios), seeds, iterations, n, tuner,
                targets, profile, iterationMinutes);
        PrintWriter out = out();
        if (vs != null) {
            RulesOption other = new RulesOption();
            other.spec = vs;
            Tuner tunerB = new Tuner(other.load(env()));
            KpiTargets targetsB = targets(tunerB);
            // A rule set's row label: its version (v1, v2, or the folder's name).
            String labelA = tuner.ruleSet().version();
            String labelB = tunerB.ruleSet().version().equals(labelA) ? labelA + " (vs)" : tunerB.ruleSet().version();
            TuningBench.Result result = TuningBench.vs(config, labelA, tunerB, targetsB, labelB);
            out.println("Rules: " + labelA + " = " + tuner.ruleSet().source().display() + " (sha "
                    + tuner.ruleSet().shortSha() + ") vs " + labelB + " = " + tunerB.ruleSet().source().display()
                    + " (sha " + tunerB.ruleSet().shortSha() + "), profile " + profile.name() + ", seeds " + seeds
                    + ", " + iterations + " iterations of " + iterationMinutes + " min, the same paths for both");
            if (!targetsB.describe().replace(targetsB.thresholds().source(), "")
                    .equals(targets.describe().replace(targets.thresholds().source(), ""))) {
                // each set's loop gates with its own thresholds, as run does; the table judges by each set's own
                out.println("KPI targets of " + labelB + ": " + targetsB.describe());
            }
            TuningTable.printVs(out, result, iterations, targets,
                    frontier ? frontier(profile, tuner, targets, n, seeds) : null, seeds.count());
            return ExitCodes.OK;
        }
        TuningBench.Result result = TuningBench.run(config);
        out.println("Rules: " + tuner.ruleSet().source().display() + " (sha " + tuner.ruleSet().shortSha()
                + "), profile " + profile.name() + ", seeds " + seeds + ", " + iterations + " iterations of "
                + iterationMinutes + " min");
        TuningTable.print(out, result, iterations, targets,
                frontier ? frontier(profile, tuner, targets, n, seeds) : null, seeds.count());
        return ExitCodes.OK;
    }

    private KpiTargets targets(Tuner tuner) throws Exception {
        return new KpiTargets(RulesOption.thresholds(tuner.ruleSet().source(), env()));
    }

    /** Per scenario, the seeds on which the frontier has a point meeting every target (computed here, not read). */
    private Map<String, Set<Long>> frontier(Profile profile, Tuner tuner, KpiTargets targets, int n, SeedRange seeds)
            throws Exception {
        Limits limits = tuner.ruleSet().limits();
        FrontierGrid grid = FrontierGrid.of(limits, profile, FrontierGrid.parseCounts(BenchFrontierCommand.DEFAULT_GRID));
        List<FrontierMarket> markets = ScenarioList.parse(scenarios).stream().map(FrontierMarket::synthetic).toList();
        FrontierBench.Result r = FrontierBench.run(new FrontierBench.Config(markets, seeds, grid, limits, profile,
                targets, iterationMinutes, n, true, FrontierBench.Judged.FIRST));
        out().println(String.format(Locale.ROOT, "Feasible: share of seeds where the frontier "
                + "(grid %s, %d points) has a point meeting every target; %,d iterations in %.1f s wall",
                BenchFrontierCommand.DEFAULT_GRID, grid.size(), r.iterations(), r.wallSeconds()));
        return r.cells().stream().collect(Collectors.groupingBy(FrontierCell::market, LinkedHashMap::new, Collectors
                .filtering(FrontierCell::feasible, Collectors.mapping(FrontierCell::seed, Collectors.toSet()))));
    }
}
