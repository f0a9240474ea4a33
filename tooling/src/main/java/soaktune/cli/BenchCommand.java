package soaktune.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code bench}: benchmarks that print figures (never timed tests). Lists its subcommands when run bare. */
@Command(name = "bench", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Benchmarks that print tables and figures: tuning quality of a rule set, the feasibility frontier of the limits box, simulator speed, "
                + "start time, decision cost, the resident tuner, hot reloads.",
        subcommands = {BenchTuningCommand.class, BenchFrontierCommand.class, BenchSimCommand.class, BenchStartupCommand.class,
                BenchDecisionCommand.class, BenchServeCommand.class, BenchReloadCommand.class})
public final class BenchCommand implements Callable<Integer> {
    @ParentCommand
    SoaktuneCommand root;

    @Spec
    CommandSpec spec;

    SoaktuneCommand root() {
        return root;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return ExitCodes.OK;
    }
}
