package soaktune.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code rules}: tools for the people who edit the rules folder. Only lists its subcommands. */
@Command(name = "rules", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Checks and tests a rules folder without running a soak.",
        subcommands = {RulesCheckCommand.class, RulesTestCommand.class})
public final class RulesCommand implements Callable<Integer> {
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
