package soaktune.cli;

import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;
import soaktune.tuning.Markers;

/**
 * A bad command line (unknown option, a value of the wrong type, options that exclude each other) as one line on
 * stderr and exit 2, like every other bad input: picocli's default adds the whole usage text, which buries the
 * one line that says what is wrong. The line names the command and where its options are listed.
 */
final class UsageErrorHandler implements IParameterExceptionHandler {
    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        PrintWriter err = cmd.getErr();
        String name = cmd.getCommandSpec().qualifiedName();
        // Some picocli messages start with their own "Error: ".
        String message = e.getMessage().replaceFirst("^Error: ", "");
        List<String> guesses = e instanceof UnmatchedArgumentException u ? likely(u) : List.of();
        String guess = guesses.isEmpty() ? "" : "; did you mean " + String.join(" or ", guesses) + "?";
        err.println(Markers.oneLine("soaktune: error: " + message + guess + " (" + name
                + " --help lists the options)"));
        err.flush();
        return ExitCodes.INVALID_INPUT;
    }

    /**
     * picocli's suggestions that begin as the mistyped word does (its dashes and two letters): it also offers
     * names that merely share letters, such as "kpi-gate" for "frobnicate", which mislead more than they help.
     */
    private static List<String> likely(UnmatchedArgumentException e) {
        if (e.getUnmatched().isEmpty()) {
            return List.of();
        }
        String typed = e.getUnmatched().get(0);
        int dashes = typed.length() - typed.replaceFirst("^-+", "").length();
        String start = typed.substring(0, Math.min(typed.length(), dashes + 2));
        return e.getSuggestions().stream().filter(s -> s.startsWith(start)).toList();
    }
}
