package soaktune.cli;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import soaktune.io.Clocks;
import soaktune.io.ProfileLoader;
import soaktune.model.Profile;
import soaktune.tuning.Markers;
import soaktune.rules.engine.HotRules;
import soaktune.rules.engine.RuleSet;
import soaktune.serve.TuneServer;
import soaktune.soak.StopSignal;

/** The resident tuner: decisions over HTTP from a rule base kept compiled, for bots that cannot wait for a JVM. */
@Command(name = "serve",
        description = {"Answers POST /v1/tune (body: {\"edge_report\": {\"totals\": {...}}, \"overrides\": {...}, "
                + "\"profile\": \"S1\"}) with the new overrides and the explanation, and GET /healthz. Stateless per "
                + "request; reloads the rules when their folder changes. Stops on Ctrl-C or SIGTERM."})
public final class ServeCommand extends CliCommand {
    @Option(names = "--port", required = true, paramLabel = "P", description = "TCP port (0: any free port, printed).")
    int port;

    @Option(names = "--host", paramLabel = "ADDR", defaultValue = "127.0.0.1",
            description = "Address to bind. Default: ${DEFAULT-VALUE} (this machine only).")
    String host;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "4",
            description = "Request threads (1..256); headers are read without one. Default: ${DEFAULT-VALUE}.")
    int threads;

    @Option(names = "--reload-ms", paramLabel = "MS", defaultValue = "1000",
            description = "Check the rules folder for edits at most this often; 0: never. Default: ${DEFAULT-VALUE}.")
    long reloadMs;

    @Mixin
    RulesOption rulesOption;

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65535) {
            throw new ExitException(ExitCodes.INVALID_INPUT, "serve: --port must be between 0 and 65535, got " + port);
        }
        if (threads < 1 || threads > 256) {
            throw new ExitException(ExitCodes.INVALID_INPUT, "serve: --threads must be between 1 and 256, got "
                    + threads);
        }
        if (reloadMs < 0) {
            throw new ExitException(ExitCodes.INVALID_INPUT, "serve: --reload-ms must be 0 (never) or more, got "
                    + reloadMs);
        }
        try {
            InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            // A typo in the address is a bad command line, not a failed write: say so before binding.
            throw new ExitException(ExitCodes.INVALID_INPUT, "serve: --host: not an address of this machine or a "
                    + "name that resolves, got '" + host + "'");
        }
        Map<String, String> env = env();
        Markers markers = markers();
        Map<String, Profile> profiles = new LinkedHashMap<>();
        for (String name : ProfileLoader.BUILT_IN) {
            profiles.put(name, ProfileLoader.load(name, "built-in profile"));
        }
        TuneServer server;
        try {
            server = TuneServer.start(host, port, threads, profiles, Clocks.fromEnv(env), markers);
        } catch (BindException e) {
            throw new ExitException(ExitCodes.INVALID_INPUT, "serve: cannot listen on " + host + ":" + port + ": "
                    + e.getMessage());
        } catch (IOException | IllegalArgumentException e) {
            throw new ExitException(ExitCodes.IO_ERROR, "serve: cannot listen on " + host + ":" + port + ": " + e);
        }
        try (server) {
            markers.emit("serve_listen", "OK", "ADDRESS=" + host + ":" + server.port());
            RuleSet rules = rulesOption.load(env);
            markers.emit("rules_load", "OK", rules.loadMarker());
            server.ready(HotRules.watching(rules), reloadMs);
            markers.emit("serve_ready", "OK", "URL=http://" + host + ":" + server.port() + TuneServer.TUNE_PATH);
            while (!StopSignal.requested()) {
                Thread.sleep(100);
            }
            markers.emit("serve_stop", "OK", "DECISIONS=" + server.decisions());
        }
        return StopSignal.signal() == 2 ? ExitCodes.INTERRUPTED : ExitCodes.TERMINATED;
    }
}
