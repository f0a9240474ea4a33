package soaktune.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/** Runs the CLI in-process with captured output, the way a user would call it. */
record CliRun(int code, String out, String err) {
    static CliRun of(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.commandLine(env, new PrintWriter(out), new PrintWriter(err)).execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    static CliRun of(String... args) {
        return of(Map.of("MM_FREEZE_UTC_ISO", "2025-01-01T00:00:00Z"), args);
    }
}
