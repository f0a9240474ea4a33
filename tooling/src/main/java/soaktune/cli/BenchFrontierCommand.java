package soaktune.cli;

import static soaktune.cli.SimulatorOptions.fmt;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import soaktune.bench.FrontierBench;
import soaktune.bench.FrontierGrid;
import soaktune.bench.FrontierJson;
import soaktune.bench.FrontierMarket;
import soaktune.bench.FrontierSummary;
import soaktune.bench.FrontierTable;
import soaktune.bench.KpiTargets;
import soaktune.bench.MachineInfo;
import soaktune.bench.SeedRange;
import soaktune.gate.KpiThresholdsReader;
import soaktune.io.InputException;
import soaktune.io.Json;
import soaktune.io.LimitsReader;
import soaktune.rules.engine.RuleSource;
import soaktune.model.Limits;
import soaktune.model.Profile;
import soaktune.sim.Scenario;
import soaktune.sim.replay.MarketData;

/** {@code bench frontier}: what the limits box allows at all, per scenario x seed, judged by the KPI gate. */
@Command(name = "frontier",
        description = {"Sweeps a grid over the limits box (limits.json of --rules) for every scenario x seed: one "
                + "soak iteration (iteration 1, --iteration-minutes of market, the profile plus the point as runtime "
                + "overrides, as run --mock) per point, judged by the KPI gate (kpi_thresholds.json of --rules). "
                + "No rules run. Prints per market: seeds with at least one point meeting every KPI target, the "
                + "share of such points, the best point (feasible on the most seeds, then fewest missed targets, "
                + "then best net_bps), the KPIs missed at every point, and where the feasible points lie.",
                "",
                "The default grid, 6x3x3x2 (108 points), is a sub-grid of the issue's 6x5x5x5, coarser where the "
                        + "verdicts were measured insensitive (replace_rate 180-360, tail_age, spread steps): its "
                        + "feasible seeds are a lower bound of the full grid's (measured: 1 of 20 thin-book seeds "
                        + "missed). Every point is a full-length iteration and is simulated; no early stop. "
                        + "Measured: 6 scenarios + the BTCUSDT replay x 20 seeds = 15,120 iterations in 113.5 s "
                        + "wall, 98.4 s CPU on 2 busy cores; 6x5x5x5 costs about 7x that. See "
                        + "docs/tuning-benchmark.md, \"Feasibility frontier\"."})
public final class BenchFrontierCommand extends CliCommand {
    /** Resolution of the default grid; see the command's description and docs/tuning-benchmark.md. */
    static final String DEFAULT_GRID = "6x3x3x2";
    static final String SMOKE_GRID = "2x2x2x2";

    @Option(names = "--scenarios", paramLabel = "all|none|A,B", defaultValue = "all",
            description = "Scenarios: all, none (only --market-data), or names / scenario files separated by "
                    + "commas. Default: ${DEFAULT-VALUE}.")
    String scenarios;

    @Option(names = "--market-data", paramLabel = "DIR",
            description = "Also sweep a replay of this capture (repeatable); its latency, queue and fees come from "
                    + "the default scenario, A and k from the capture, as in run --market-data.")
    List<Path> marketData = new ArrayList<>();

    @Option(names = "--seeds", paramLabel = "N|A..B", defaultValue = "20",
            description = "Seeds 1..N, or A..B (e.g. 21..40: seeds a rule set was not written against). "
                    + "Default: ${DEFAULT-VALUE}.")
    String seedsOption;

    @Option(names = "--grid", paramLabel = "AxBxCxD[xE]",
            description = "Values per field, evenly spaced from min to max of limits.json, in the order "
                    + "min_interval_ms x replace_rate_per_min x base_spread_bps_delta x tail_age_ms "
                    + "[x impact_cap_ratio]. 1 (or a missing count) holds a field at the profile's value. "
                    + "Default: " + DEFAULT_GRID + " (impact_cap_ratio held).")
    String grid;

    @Option(names = "--iterations", paramLabel = "[K..]N", defaultValue = "1",
            description = "Iterations each point is judged by: it runs iterations 1..N in a row from the fresh start "
                    + "(as run --mock with the point held fixed) and is feasible when every target is met in each of "
                    + "K..N (K defaults to 1). 3..8 is the yardstick of bench tuning's \"stay met\": no fixed setting "
                    + "does better on a seed than the best point here. Default: ${DEFAULT-VALUE}.")
    String iterations;

    @Option(names = "--iteration-minutes", paramLabel = "M", defaultValue = "10",
            description = "Market minutes per iteration, as run. Default: ${DEFAULT-VALUE}.")
    double iterationMinutes;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads. Default: the number of cores.")
    Integer threads;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the results per market and per "
            + "market x seed as JSON (sorted keys, written atomically).")
    Path json;

    @Option(names = "--smoke", description = "For CI: grid " + SMOKE_GRID + " and one seed.")
    boolean smoke;

    @Mixin
    RulesOption rulesOption;

    @Mixin
    ProfileOption profileOption;

    @Override
    public Integer call() throws Exception {
        if (smoke) {
            grid = grid == null ? SMOKE_GRID : grid;
            seedsOption = "1";
        }
        SeedRange seeds = BenchRanges.seeds("bench frontier", seedsOption);
        BenchRanges.iterationMinutes("bench frontier", iterationMinutes);
        FrontierBench.Judged judged = judged();
        int n = BenchRanges.threads("bench frontier", threads);
        Profile profile = profileOption.resolve(env());
        // Only the limits and thresholds of the rule set are read: the frontier does not run its DRL.
        RuleSource rules = rulesOption.checkedSource();
        String limitsFile = rules.nameOf("limits.json");
        Limits limits = LimitsReader.fromJson(limitsFile, Json.parse(limitsFile, rules.read("limits.json")));
        KpiTargets targets = new KpiTargets(RulesOption.thresholds(rules, env()));
        FrontierGrid g = FrontierGrid.of(limits, profile, FrontierGrid.parseCounts(grid == null ? DEFAULT_GRID : grid));
        List<FrontierMarket> markets = markets();
        if (markets.isEmpty()) {
            throw new InputException("bench frontier", "--scenarios", "none given and no --market-data: nothing to sweep");
        }

        var out = out();
        out.println("Limits: " + limitsFile + ", profile " + profile.name() + ", seeds " + seeds
                + (judged.equals(FrontierBench.Judged.FIRST) ? ", one iteration of " : ", iterations " + judged
                + " judged (1.." + judged.to() + " run) of ") + fmt(iterationMinutes) + " min per point");
        out.println("KPI targets: " + targets.describe());
        out.println("Grid: " + g.describe());
        out.println("Machine: " + MachineInfo.describe());
        out.println();
        Optional<Long> cpuBefore = MachineInfo.processCpuMillis(ProcessHandle.current().pid());
        FrontierBench.Result result = FrontierBench.run(new FrontierBench.Config(markets, seeds, g, limits, profile,
                targets, iterationMinutes, n, false, judged));
        Optional<Long> cpuAfter = MachineInfo.processCpuMillis(ProcessHandle.current().pid());
        List<FrontierSummary> summaries = FrontierSummary.of(result);
        FrontierTable.print(out, result, summaries);
        out.println();
        String cpu = cpuBefore.isPresent() && cpuAfter.isPresent()
                ? String.format(Locale.ROOT, ", %.1f s CPU (process)", (cpuAfter.get() - cpuBefore.get()) / 1000.0) : "";
        out.println(String.format(Locale.ROOT, "%d markets x %d seeds x %d points x %d iterations, with the second pass "
                + "%,d iterations of %s min in %.1f s wall%s on %d threads", markets.size(), seeds.count(), g.size(),
                judged.to(), result.iterations(), fmt(iterationMinutes), result.wallSeconds(), cpu, n));
        if (json != null) {
            Map<String, Object> setup = Map.of("limits", limitsFile, "kpi_thresholds",
                    rules.nameOf(KpiThresholdsReader.FILE), "profile", profile.name(),
                    "iteration_minutes", iterationMinutes, "iterations_judged", List.of(judged.from(), judged.to()));
            Json.write(json, FrontierJson.of(result, summaries, setup));
            out.println("Results: " + json);
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** {@code --iterations}: N (judged 1..N) or K..N. */
    private FrontierBench.Judged judged() throws InputException {
        long[] range = BenchRanges.range(iterations, 3);
        if (range == null || range[0] < 1 || range[1] < range[0] || range[1] > 100) {
            throw new InputException("bench frontier", "--iterations", "must be N or K..N with 1 <= K <= N <= 100, got '"
                    + iterations + "'");
        }
        return new FrontierBench.Judged((int) range[0], (int) range[1]);
    }

    private List<FrontierMarket> markets() throws InputException {
        List<FrontierMarket> out = new ArrayList<>();
        if (!scenarios.strip().equals("none")) {
            ScenarioList.parse(scenarios).stream().map(FrontierMarket::synthetic).forEach(out::add);
        }
        for (Path dir : marketData) {
            out.add(FrontierMarket.replay(Scenario.DEFAULT.spec(), MarketData.load(dir)));
        }
        return out;
    }
}
