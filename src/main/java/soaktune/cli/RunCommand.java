package soaktune.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import soaktune.io.Clocks;
import soaktune.io.InputException;
import soaktune.model.Profile;
import soaktune.report.Markers;
import soaktune.rules.RuleSet;
import soaktune.soak.SoakConfig;
import soaktune.soak.SoakRunner;
import soaktune.soak.StrategySource;
import soaktune.tuning.Tuner;

/** A soak: N iterations (or H hours) of strategy, EDGE_REPORT, decision, new overrides. */
@Command(name = "run", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Runs a soak: each iteration applies the overrides, runs the strategy, keeps its "
                + "EDGE_REPORT and, with --auto-tune, decides and writes new overrides.")
public final class RunCommand implements Callable<Integer> {
    @ParentCommand
    SoaktuneCommand root;

    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Length length;

    static final class Length {
        @Option(names = "--iterations", paramLabel = "N", description = "Number of iterations.")
        Integer iterations;

        @Option(names = "--hours", paramLabel = "H",
                description = "Soak length in hours; iterations = hours x 60 / --iteration-minutes.")
        Double hours;
    }

    @Option(names = "--iteration-minutes", paramLabel = "M", defaultValue = "10",
            description = "Market minutes per iteration. Default: ${DEFAULT-VALUE}.")
    double iterationMinutes;

    @Option(names = "--mock", description = "Run against the simulated strategy instead of a live one.")
    boolean mock;

    @Option(names = "--auto-tune", description = "Decide and write new runtime overrides after each iteration.")
    boolean autoTune;

    @Option(names = "--artifacts", paramLabel = "DIR", defaultValue = "artifacts/soak",
            description = "Output folder. Default: ${DEFAULT-VALUE}.")
    Path artifacts;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Mock seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Mixin
    SimulatorOptions simulator;

    @Mixin
    ProfileOption profileOption;

    @Mixin
    RulesOption rulesOption;

    @Override
    public Integer call() throws Exception {
        Map<String, String> env = root.env();
        Clock clock = Clocks.fromEnv(env);
        int iterations = iterations();
        Profile profile = profileOption.resolve(env);
        RuleSet rules = rulesOption.load();
        if (!mock) {
            throw new InputException("run", "--mock", "is required: live mode (reading a real strategy's reports) "
                    + "is not available in this version");
        }
        Markers markers = new Markers(spec.commandLine().getOut());
        StrategySource strategy = simulator.build(seed, iterationMinutes, iterations, Clocks.isoNow(clock), markers);
        SoakConfig config = new SoakConfig(iterations, autoTune, artifacts, profile, env, clock);
        new SoakRunner(config, new Tuner(rules), strategy, markers).run();
        return ExitCodes.OK;
    }

    private int iterations() throws InputException {
        if (!(iterationMinutes > 0) || Double.isInfinite(iterationMinutes)) {
            throw new InputException("run", "--iteration-minutes", "must be a positive number, got " + iterationMinutes);
        }
        if (length.iterations != null) {
            if (length.iterations < 1 || length.iterations > 1_000_000) {
                throw new InputException("run", "--iterations", "must be between 1 and 1000000, got " + length.iterations);
            }
            return length.iterations;
        }
        double hours = length.hours;
        if (!(hours > 0) || hours > 24 * 365) {
            throw new InputException("run", "--hours", "must be a positive number of hours up to a year, got " + hours);
        }
        return (int) Math.max(1, Math.ceil(hours * 60 / iterationMinutes - 1e-9));
    }
}
