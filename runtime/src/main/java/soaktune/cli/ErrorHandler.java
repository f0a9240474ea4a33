package soaktune.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.function.Consumer;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;
import soaktune.io.InputException;
import soaktune.model.MissingMetricException;
import soaktune.rules.RuleEvaluationException;
import soaktune.rules.RulesException;
import soaktune.tuning.Markers;

/**
 * Turns any failure into one clear line on stderr and a documented exit code. The stack trace is shown
 * only with --verbose: users need the file and field to fix, not soaktune's internals.
 */
record ErrorHandler(SoaktuneCommand root) implements IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parseResult) {
        PrintWriter err = cmd.getErr();
        // One line each, whatever a message quotes: a script reads stderr line by line.
        int code = report(e, line -> err.println(Markers.oneLine(line)));
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
}
