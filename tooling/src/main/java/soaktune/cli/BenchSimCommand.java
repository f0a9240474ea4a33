package soaktune.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import soaktune.bench.SimBench;
import soaktune.io.InputException;
import soaktune.model.Overrides;
import soaktune.model.Profile;
import soaktune.sim.Scenario;
import soaktune.sim.replay.MarketData;

/** {@code bench sim}: simulated market events per second on one thread, per scenario and for the replay. */
@Command(name = "sim",
        description = {"Measures simulated market events per second on one thread (median of timed runs after "
                + "warm-up) for each scenario, and the whole replay of a capture when one is present.",
                "Exit codes: 0 measured, 2 bad option or capture."})
public final class BenchSimCommand extends CliCommand {
    @Option(names = "--scenarios", paramLabel = "all|A,B", defaultValue = "all",
            description = "Scenarios to time. Default: ${DEFAULT-VALUE}.")
    String scenarios;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "11", description = "Timed runs. Default: ${DEFAULT-VALUE}.")
    int runs;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "5",
            description = "Untimed runs first. Default: ${DEFAULT-VALUE}.")
    int warmup;

    @Option(names = "--iterations", paramLabel = "N", defaultValue = "10",
            description = "10-minute iterations per synthetic run. Default: ${DEFAULT-VALUE}.")
    int iterations;

    @Option(names = "--market-data", paramLabel = "DIR", defaultValue = "../shared/data",
            description = "Capture to replay; skipped with a note when the folder is absent. Default: ${DEFAULT-VALUE}.")
    Path marketData;

    @Option(names = "--smoke", description = "One scenario, one warm-up and one timed run of one iteration, no replay "
            + "(CI: proves the bench still works).")
    boolean smoke;

    @Mixin
    ProfileOption profileOption;

    @Override
    public Integer call() throws Exception {
        if (smoke) {
            scenarios = "default";
            runs = 1;
            warmup = 1;
            iterations = 1;
            marketData = null;
        }
        if (runs < 1 || runs > 1000 || warmup < 0 || warmup > 1000 || iterations < 1 || iterations > 10_000) {
            throw new InputException("bench sim", "--runs/--warmup/--iterations",
                    "must be 1..1000, 0..1000 and 1..10000, got " + runs + ", " + warmup + ", " + iterations);
        }
        Profile profile = profileOption.resolve(env());
        Map<String, Double> applied = profile.applyRuntime(Overrides.empty());
        var out = out();
        out.println("Profile " + profile.name() + " without overrides; one thread; " + warmup + " warm-up + " + runs
                + " timed runs each");
        List<SimBench.Row> rows = new ArrayList<>(ScenarioList.parse(scenarios).stream()
                .map(s -> SimBench.synthetic(s, applied, warmup, runs, iterations)).toList());
        String note = null;
        if (marketData == null) {
            note = "Replay skipped: --smoke";
        } else if (Files.isDirectory(marketData)) {
            long start = System.nanoTime();
            MarketData data = MarketData.load(marketData);
            double loadMs = (System.nanoTime() - start) / 1e6;
            // A replay run is one short iteration; it gets four times the warm-up runs to reach compiled code.
            rows.add(SimBench.replay(data, Scenario.DEFAULT.spec(), applied, 4 * warmup, runs));
            note = String.format(java.util.Locale.ROOT, "Loading and checking the capture (both CSVs, once, cold): %.0f ms",
                    loadMs);
        } else {
            note = "Replay skipped: no market-data folder at " + marketData;
        }
        SimBench.print(out, rows);
        out.println();
        out.println(note);
        out.flush();
        return ExitCodes.OK;
    }
}
