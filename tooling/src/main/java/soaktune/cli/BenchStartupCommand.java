package soaktune.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import soaktune.bench.MachineInfo;
import soaktune.bench.StartupBench;

/** {@code bench startup}: one-shot tune as a whole process, cold, per start-up set-up (target: median <= 0.5 s). */
@Command(name = "startup",
        description = {"Times 'tune' as a whole process (JVM start to exit) in several set-ups, interleaved: plain, "
                + "rule-base cache, class-data-sharing archive, both, and bin/soaktune. Prints medians."})
public final class BenchStartupCommand extends CliCommand {
    @Option(names = "--runs", paramLabel = "N", defaultValue = "11", description = "Counted runs per set-up. Default: ${DEFAULT-VALUE}.")
    int runs;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "1",
            description = "Uncounted runs per set-up first (they fill the caches). Default: ${DEFAULT-VALUE}.")
    int warmup;

    @Mixin
    RulesOption rulesOption;

    @Option(names = "--launcher", paramLabel = "FILE", defaultValue = "bin/soaktune",
            description = "The launcher script to time too, if it exists. Default: ${DEFAULT-VALUE}.")
    Path launcher;

    @Option(names = "--smoke", description = "One counted run per set-up, no warm-up (CI: proves the bench still works).")
    boolean smoke;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = out();
        if (runs < 1 || warmup < 0) {
            throw new ExitException(ExitCodes.INVALID_INPUT, "bench startup: --runs must be >= 1 and --warmup >= 0");
        }
        Path jar = BenchJar.own();
        out.println("bench startup: " + MachineInfo.describe() + " jar=" + jar);
        StartupBench bench = new StartupBench(jar, Path.of(rulesOption.checkedSource().recorded()),
                Files.isExecutable(launcher) ? Optional.of(launcher.toAbsolutePath()) : Optional.empty(), out);
        List<StartupBench.Result> results = smoke ? bench.run(1, 0) : bench.run(runs, warmup);
        StartupBench.print(out, results);
        out.println("load after: " + MachineInfo.loadAverage().orElse("?"));
        return ExitCodes.OK;
    }
}
