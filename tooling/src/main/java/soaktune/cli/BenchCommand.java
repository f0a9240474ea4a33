package soaktune.cli;

import picocli.CommandLine.Command;

/** {@code bench}: benchmarks that print figures (never timed tests). Lists its subcommands when run bare. */
@Command(name = "bench",
        description = "Benchmarks that print tables and figures: tuning quality of a rule set, the feasibility frontier of the limits box, simulator speed, "
                + "start time, decision cost, the resident tuner, hot reloads.",
        subcommands = {BenchTuningCommand.class, BenchFrontierCommand.class, BenchSimCommand.class, BenchStartupCommand.class,
                BenchDecisionCommand.class, BenchServeCommand.class, BenchReloadCommand.class})
public final class BenchCommand extends CliCommand.Group {
}
