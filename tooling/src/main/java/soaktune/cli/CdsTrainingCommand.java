package soaktune.cli;

import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import soaktune.bench.StartupTraining;

/**
 * Hidden: the training run {@code bin/soaktune} records its class-data-sharing archive from
 * ({@code java -XX:ArchiveClassesAtExit=... -jar soaktune.jar cds-training}). Not for users.
 */
@Command(name = "cds-training", hidden = true,
        description = "Runs tune twice (compiling, then from the rule-base cache) in a temporary folder.")
public final class CdsTrainingCommand extends CliCommand {
    @Mixin
    RulesOption rulesOption;

    @Override
    public Integer call() throws Exception {
        Path rules = Path.of(rulesOption.checkedSource().recorded()); // the tune runs take it as --rules
        PrintWriter discard = new PrintWriter(Writer.nullWriter());
        List<Integer> codes = StartupTraining.run(rules,
                run -> Main.commandLine(run.getKey(), discard, discard).execute(run.getValue()));
        return codes.stream().allMatch(c -> c == ExitCodes.OK) ? ExitCodes.OK : ExitCodes.FAILED;
    }
}
