package soaktune.cli;

import picocli.CommandLine.Command;

/** {@code rules}: tools for the people who edit the rules folder. Only lists its subcommands. */
@Command(name = "rules", description = "Checks and tests a rules folder without running a soak.",
        subcommands = {RulesCheckCommand.class, RulesTestCommand.class})
public final class RulesCommand extends CliCommand.Group {
}
