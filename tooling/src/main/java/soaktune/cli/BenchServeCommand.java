package soaktune.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import soaktune.bench.MachineInfo;
import soaktune.bench.ServeBench;

/** {@code bench serve}: decision latency over loopback HTTP at a fixed rate (target p50 <= 100 us, p99 <= 1 ms). */
@Command(name = "serve",
        description = {"Starts 'serve' (or targets --url), sends POST /v1/tune open-loop at --rate for --duration "
                + "seconds and prints latency percentiles, errors and, for a server it started, heap after GC "
                + "and peak RSS. Exits 1 if any request failed."})
public final class BenchServeCommand extends CliCommand {
    @Option(names = "--rate", paramLabel = "N", defaultValue = "1000", description = "Requests per second. Default: ${DEFAULT-VALUE}.")
    int rate;

    @Option(names = "--duration", paramLabel = "S", defaultValue = "60", description = "Measured seconds. Default: ${DEFAULT-VALUE}.")
    double duration;

    @Option(names = "--warmup", paramLabel = "S", defaultValue = "60", description = "Unmeasured seconds first. Default: ${DEFAULT-VALUE}.")
    double warmup;

    @Option(names = "--segments", paramLabel = "N", defaultValue = "1",
            description = "Split the measured time into N parts, sampling the server's heap after each. Default: ${DEFAULT-VALUE}.")
    int segments;

    @Option(names = "--connections", paramLabel = "N", defaultValue = "4", description = "Keep-alive connections. Default: ${DEFAULT-VALUE}.")
    int connections;

    @Option(names = "--url", paramLabel = "URL", description = "An already running server's tune URL (no server is started).")
    URI url;

    @Option(names = "--server-jvm", paramLabel = "OPT", split = ",",
            description = "JVM options for the started server, comma-separated (e.g. -Xmx64m,-XX:+UseSerialGC).")
    List<String> serverJvm = new ArrayList<>();

    @Option(names = "--server-threads", paramLabel = "N", defaultValue = "4",
            description = "serve --threads for the started server. Default: ${DEFAULT-VALUE}.")
    int serverThreads;

    @Mixin
    RulesOption rulesOption;

    @Option(names = "--smoke", description = "200 req/s for 1 s, no warm-up (CI: proves the bench still works).")
    boolean smoke;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = out();
        if (smoke) {
            rate = 200;
            duration = 1;
            warmup = 0;
            segments = 1;
        }
        if (rate < 1 || !(duration > 0) || warmup < 0 || segments < 1 || connections < 1 || connections > 64) {
            throw new ExitException(ExitCodes.INVALID_INPUT, "bench serve: --rate, --duration, --segments must be "
                    + "positive, --warmup >= 0, --connections 1..64");
        }
        out.println("bench serve: " + MachineInfo.describe() + " rate=" + rate + "/s duration=" + duration
                + "s warmup=" + warmup + "s connections=" + connections);
        ServeBench bench = new ServeBench(out);
        ServeBench.Result result;
        if (url != null) {
            result = bench.run(url, Optional.empty(), rate, warmup, segments, duration / segments, connections);
        } else {
            Path log = Files.createTempFile("soaktune-serve", ".log");
            try (ServeBench.Server server = ServeBench.Server.start(BenchJar.own(), Path.of(rulesOption.checkedSource().recorded()), serverJvm,
                    serverThreads, log)) {
                out.println("server: pid " + server.process().pid() + " at " + server.uri());
                result = bench.run(server.uri(), Optional.of(server.process().pid()), rate, warmup, segments,
                        duration / segments, connections);
            } finally {
                Files.deleteIfExists(log);
            }
        }
        ServeBench.print(out, result);
        out.println("load after: " + MachineInfo.loadAverage().orElse("?"));
        return result.load().errors() == 0 ? ExitCodes.OK : ExitCodes.FAILED;
    }
}
