package soaktune.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import soaktune.rules.RuleCheck;
import soaktune.rules.RuleProblem;
import soaktune.rules.RuleSetLoader;

/** {@code rules check [DIR]}: lint and compile a rules folder, every problem as {@code file:line:col: message}. */
@Command(name = "check", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Lints and compiles a rules folder and prints every problem as file:line:col: message "
                + "(paths relative to DIR), the form editors jump to.",
                "Exit 0 when there are no errors (warnings allowed), 1 when there are errors, 2 when DIR is not "
                        + "a folder."})
public final class RulesCheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", defaultValue = "rules/v1",
            description = "Rules folder. Default: ${DEFAULT-VALUE}.")
    Path dir;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        RuleCheck check = RuleSetLoader.check(dir);
        for (RuleProblem p : check.problems()) {
            out.println(p.render());
        }
        int errors = check.errors().size();
        int warnings = check.warnings().size();
        String status = check.ruleSet().map(r -> "OK VERSION=" + r.version() + " SHA=" + r.shortSha()).orElse("FAILED");
        out.println(dir + ": " + errors + " error" + (errors == 1 ? "" : "s") + ", " + warnings + " warning"
                + (warnings == 1 ? "" : "s") + " (" + status + ")");
        out.flush();
        return check.ok() ? ExitCodes.OK : ExitCodes.FAILED;
    }
}
