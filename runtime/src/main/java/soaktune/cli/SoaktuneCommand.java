package soaktune.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The root command: lists the subcommands and holds what they share (environment, verbosity). */
@Command(name = "soaktune", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Tunes a market-making strategy between soak iterations with Drools rules.",
        subcommands = {TuneCommand.class, RunCommand.class, KpiGateCommand.class, RulesCommand.class, InitCommand.class,
                ReportCommand.class, ServeCommand.class})
public final class SoaktuneCommand implements Callable<Integer> {
    private final Map<String, String> env;

    @Spec
    CommandSpec spec;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "Print stack traces for errors and log more.")
    boolean verbose;

    SoaktuneCommand(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    Map<String, String> env() {
        return env;
    }

    boolean verbose() {
        return verbose;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return ExitCodes.OK;
    }
}
