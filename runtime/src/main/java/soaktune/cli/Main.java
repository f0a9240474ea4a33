package soaktune.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import soaktune.soak.StopSignal;

/** Entry point; {@link #commandLine} builds the same CLI for tests, with their own writers and env. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        StopSignal.install();
        int code = commandLine(System.getenv(), out, err).execute(args);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /**
     * The commands built from {@code src/bench/java} (benchmarks, the CDS training run). The runtime is compiled
     * without them (and without JMH), so they are found by name; the one jar holds both.
     */
    private static final List<String> TOOLING = List.of("soaktune.cli.BenchCommand", "soaktune.cli.CdsTrainingCommand");

    private static void addTooling(CommandLine cli) {
        for (String name : TOOLING) {
            try {
                cli.addSubcommand(Class.forName(name).getDeclaredConstructor().newInstance());
            } catch (ClassNotFoundException absent) {
                // a runtime-only build: the tooling is simply not there
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot create " + name, e);
            }
        }
    }

    public static CommandLine commandLine(Map<String, String> env, PrintWriter out, PrintWriter err) {
        SoaktuneCommand root = new SoaktuneCommand(env);
        CommandLine cli = new CommandLine(root);
        addTooling(cli);
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler(new ErrorHandler(root));
        cli.setParameterExceptionHandler(new UsageErrorHandler());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        ExitCodes.addToHelp(cli);
        return cli;
    }
}
