package soaktune.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import soaktune.bench.MachineInfo;
import soaktune.bench.ReloadBench;

/** {@code bench reload}: many hot reloads in one JVM, heap after GC along the way (target: no growth). */
@Command(name = "reload",
        description = {"Edits a copy of the rules folder and hot-reloads it --count times in this JVM (one decision "
                + "after each), printing heap after a full GC, metaspace and class counts. Exits 1 if a reload failed."})
public final class BenchReloadCommand extends CliCommand {
    @Mixin
    RulesOption rulesOption;

    @Option(names = "--count", paramLabel = "N", defaultValue = "1000", description = "Reloads. Default: ${DEFAULT-VALUE}.")
    int count;

    @Option(names = "--sample-every", paramLabel = "N", defaultValue = "100",
            description = "Sample memory every N reloads. Default: ${DEFAULT-VALUE}.")
    int sampleEvery;

    @Option(names = "--smoke", description = "3 reloads (CI: proves the bench still works).")
    boolean smoke;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = out();
        if (smoke) {
            count = 3;
            sampleEvery = 1; // samples after 1, 2 and 3 reloads: the summary compares the first and the last
        }
        if (count < 1 || sampleEvery < 1) {
            throw new ExitException(ExitCodes.INVALID_INPUT, "bench reload: --count and --sample-every must be >= 1");
        }
        // A built-in set is copied out of the jar like a folder: the bench edits its copy.
        Path rules = rulesOption.checkedSource().root();
        out.println("bench reload: " + MachineInfo.describe() + " max heap " + Runtime.getRuntime().maxMemory() / 1024 / 1024 + " MB");
        ReloadBench.Result result = new ReloadBench(rules, out).run(count, sampleEvery);
        ReloadBench.summary(out, result);
        return result.failures() == 0 ? ExitCodes.OK : ExitCodes.FAILED;
    }
}
