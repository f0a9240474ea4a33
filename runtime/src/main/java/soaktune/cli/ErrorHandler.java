package soaktune.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;
import soaktune.io.InputException;
import soaktune.model.MissingMetricException;
import soaktune.rules.RuleEvaluationException;
import soaktune.rules.RulesException;

/**
 * Turns any failure into one clear line on stderr and a documented exit code. The stack trace is shown
 * only with --verbose: users need the file and field to fix, not soaktune's internals.
 */
record ErrorHandler(SoaktuneCommand root) implements IExecutionExceptionHandler {
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parseResult) {
        PrintWriter err = cmd.getErr();
        int code = report(e, line -> err.println(oneLine(line)));
        if (root.verbose) {
            e.printStackTrace(err);
        }
        err.flush();
        return code;
    }

    private static int report(Exception e, Consumer<String> err) {
        // Both messages already name the file and the field.
        if (e instanceof InputException || e instanceof MissingMetricException) {
            err.accept("soaktune: error: " + e.getMessage());
            return ExitCodes.INVALID_INPUT;
        }
        if (e instanceof RulesException rules && rules.problems().size() == 1) {
            err.accept("soaktune: error: " + rules.problems().get(0).render() + " (rule set rejected)");
            return ExitCodes.RULES_INVALID;
        }
        if (e instanceof RulesException rules) {
            rules.problems().forEach(p -> err.accept(p.render()));
            err.accept("soaktune: error: rule set rejected (" + rules.problems().size() + " problem"
                    + (rules.problems().size() == 1 ? "" : "s") + ")");
            return ExitCodes.RULES_INVALID;
        }
        if (e instanceof RuleEvaluationException evaluation) {
            err.accept("soaktune: error: " + evaluation.getMessage());
            return ExitCodes.RULES_INVALID;
        }
        if (e instanceof ExitException exit) {
            err.accept("soaktune: error: " + exit.getMessage());
            return exit.code();
        }
        if (e instanceof IOException io) {
            err.accept("soaktune: error: cannot write: " + io.getMessage());
            return ExitCodes.IO_ERROR;
        }
        err.accept("soaktune: internal error: " + e + " (rerun with --verbose for the stack trace)");
        return ExitCodes.INTERNAL;
    }

    /**
     * The message on one line, whatever it quotes: a file name or a value with a newline in it would otherwise
     * split the error over lines a script reads one by one. Line breaks become {@code \n}, other control
     * characters {@code \}{@code uXXXX}; a backslash stays as it is (unlike a marker, this line is for people).
     */
    static String oneLine(String text) {
        String lines = text.replaceAll("\\R", Matcher.quoteReplacement("\\n"));
        return CONTROL.matcher(lines).replaceAll(m -> Matcher.quoteReplacement(
                String.format("\\u%04x", (int) m.group().charAt(0))));
    }
}
