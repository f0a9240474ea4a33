package soaktune.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;
import org.openjdk.jmh.util.Statistics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import soaktune.bench.DecisionBenchmark;
import soaktune.bench.MachineInfo;

/** {@code bench decision}: JMH, one warm decision on the v1 rules vs the same logic as plain Java (target <= 10 us). */
@Command(name = "decision",
        description = {"Runs the JMH benchmark of one decision (Drools, a new session per decision) next to the "
                + "same logic as plain Java, and prints medians and the ratio, per scenario."})
public final class BenchDecisionCommand extends CliCommand {
    @Mixin
    RulesOption rulesOption;

    @Option(names = "--forks", paramLabel = "N", defaultValue = "2", description = "JMH forks. Default: ${DEFAULT-VALUE}.")
    int forks;

    @Option(names = "--iterations", paramLabel = "N", defaultValue = "5",
            description = "Warm-up and measurement iterations (1 s each) per fork. Default: ${DEFAULT-VALUE}.")
    int iterations;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write JMH's JSON results here.")
    Path json;

    @Option(names = "--smoke", description = "No fork, one 0.2 s iteration (CI: proves the bench still works).")
    boolean smoke;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = out();
        String rules = rulesOption.checkedSource().recorded(); // forked JVMs find it from anywhere
        out.println("bench decision: " + MachineInfo.describe());
        out.flush();
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(DecisionBenchmark.class.getName() + "\\.")
                .param("rules", rules)
                .verbosity(smoke ? VerboseMode.SILENT : VerboseMode.NORMAL)
                .shouldFailOnError(true);
        if (smoke) {
            options.forks(0).warmupIterations(0).measurementIterations(1).measurementTime(TimeValue.milliseconds(200));
        } else {
            options.forks(forks).warmupIterations(iterations).warmupTime(TimeValue.seconds(1))
                    .measurementIterations(iterations).measurementTime(TimeValue.seconds(1));
        }
        if (json != null) {
            options.resultFormat(ResultFormatType.JSON).result(json.toString());
        }
        Collection<RunResult> results = new Runner(options.build()).run();
        print(out, results);
        return ExitCodes.OK;
    }

    /** Per scenario: median, p90 and p99 of each benchmark, and the Drools-to-plain ratio of the medians. */
    static void print(PrintWriter out, Collection<RunResult> results) {
        Map<String, Map<String, Statistics>> byScenario = new TreeMap<>();
        for (RunResult r : results) {
            String method = r.getParams().getBenchmark().substring(r.getParams().getBenchmark().lastIndexOf('.') + 1);
            byScenario.computeIfAbsent(r.getParams().getParam("scenario"), k -> new TreeMap<>())
                    .put(method, r.getPrimaryResult().getStatistics());
        }
        out.println();
        out.printf(Locale.ROOT, "%-12s %-16s %10s %10s %10s %10s%n", "scenario", "benchmark", "p50_us", "p90_us",
                "p99_us", "samples");
        for (Map.Entry<String, Map<String, Statistics>> s : byScenario.entrySet()) {
            for (Map.Entry<String, Statistics> b : s.getValue().entrySet()) {
                Statistics st = b.getValue();
                out.printf(Locale.ROOT, "%-12s %-16s %10.3f %10.3f %10.3f %10d%n", s.getKey(), b.getKey(),
                        st.getPercentile(50), st.getPercentile(90), st.getPercentile(99), st.getN());
            }
            ratio(out, s.getKey(), "decision", s.getValue().get("droolsDecision"), s.getValue().get("plainDecision"));
            ratio(out, s.getKey(), "rules only", s.getValue().get("droolsRulesOnly"), s.getValue().get("plainRulesOnly"));
        }
        out.flush();
    }

    private static void ratio(PrintWriter out, String scenario, String what, Statistics drools, Statistics plain) {
        if (drools != null && plain != null && plain.getPercentile(50) > 0) {
            out.printf(Locale.ROOT, "%-12s %-16s %9.1fx  (median Drools / median plain Java)%n", scenario, what,
                    drools.getPercentile(50) / plain.getPercentile(50));
        }
    }
}
