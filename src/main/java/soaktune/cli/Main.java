package soaktune.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
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

    public static CommandLine commandLine(Map<String, String> env, PrintWriter out, PrintWriter err) {
        SoaktuneCommand root = new SoaktuneCommand(env);
        CommandLine cli = new CommandLine(root);
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler(new ErrorHandler(root));
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        ExitCodes.addToHelp(cli);
        return cli;
    }
}
