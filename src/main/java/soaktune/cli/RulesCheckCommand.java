package soaktune.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import soaktune.gate.KpiThresholdsReader;
import soaktune.io.InputException;
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

    @ParentCommand
    RulesCommand parent;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", defaultValue = "rules/v1",
            description = "Rules folder. Default: ${DEFAULT-VALUE}.")
    Path dir;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        RuleCheck check = RuleSetLoader.check(dir);
        List<RuleProblem> problems = new ArrayList<>(check.problems());
        // The thresholds run and kpi-gate read from this folder, through the same reader (env overrides too).
        Path thresholds = dir.resolve(KpiThresholdsReader.FILE);
        try {
            KpiThresholdsReader.read(thresholds, parent.root().env());
        } catch (InputException e) {
            String file = e.source().equals(thresholds.toString()) ? KpiThresholdsReader.FILE : e.source();
            String field = e.field() == null || e.field().isEmpty() ? "" : e.field() + ": ";
            problems.add(RuleProblem.error(file, 0, 0, field + e.problem()));
        }
        for (RuleProblem p : problems) {
            out.println(p.render());
        }
        int errors = (int) problems.stream().filter(p -> p.severity() == RuleProblem.Severity.ERROR).count();
        int warnings = check.warnings().size();
        String status = errors > 0 ? "FAILED" : check.ruleSet().map(r -> "OK VERSION=" + r.version() + " SHA=" + r.shortSha()).orElse("FAILED");
        out.println(dir + ": " + errors + " error" + (errors == 1 ? "" : "s") + ", " + warnings + " warning"
                + (warnings == 1 ? "" : "s") + " (" + status + ")");
        out.flush();
        return check.ok() && errors == 0 ? ExitCodes.OK : ExitCodes.FAILED;
    }
}
