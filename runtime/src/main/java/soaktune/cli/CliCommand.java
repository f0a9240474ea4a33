package soaktune.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import soaktune.io.Clocks;
import soaktune.io.InputException;
import soaktune.tuning.Markers;

/**
 * What every soaktune command shares (as jbang's {@code BaseCommand}): --help and --version, its spec, and the
 * environment and writers the root was built with, so no command needs a reference to its parent.
 */
@Command(mixinStandardHelpOptions = true, versionProvider = VersionProvider.class)
abstract class CliCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /** The environment {@link Main#commandLine} was given (tests pass their own). */
    Map<String, String> env() {
        return ((SoaktuneCommand) spec.root().userObject()).env();
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    Markers markers() {
        return new Markers(out());
    }

    /** Now as ISO-8601 UTC, or the instant MM_FREEZE_UTC_ISO freezes. */
    String now() throws InputException {
        return Clocks.isoNow(Clocks.fromEnv(env()));
    }

    /** A command that only groups subcommands: run bare, it prints its usage. */
    abstract static class Group extends CliCommand {
        @Override
        public Integer call() {
            spec.commandLine().usage(out());
            return ExitCodes.OK;
        }
    }
}
