package soaktune.cli;

import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The root command: lists the subcommands and holds what they share (environment, verbosity). */
@Command(name = "soaktune", description = "Tunes a market-making strategy between soak iterations with Drools rules.",
        subcommands = {TuneCommand.class, RunCommand.class, KpiGateCommand.class, RulesCommand.class, InitCommand.class,
                ReportCommand.class, ServeCommand.class})
public final class SoaktuneCommand extends CliCommand.Group {
    private final Map<String, String> env;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "Print stack traces for errors and log more.")
    boolean verbose;

    SoaktuneCommand(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    @Override
    Map<String, String> env() {
        return env;
    }
}
