package soaktune.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import soaktune.gate.KpiThresholdsReader;
import soaktune.io.InputException;
import soaktune.rules.engine.RuleCheck;
import soaktune.rules.RuleProblem;
import soaktune.rules.engine.RuleSetLoader;
import soaktune.rules.engine.RuleSource;
import soaktune.rules.engine.RulesSnapshot;
import soaktune.rules.engine.ThresholdDrift;

/** {@code rules check [DIR]}: lint and compile a rules folder, every problem as {@code file:line:col: message}. */
@Command(name = "check",
        description = {"Lints and compiles a rules folder and prints every problem as file:line:col: message "
                + "(paths relative to DIR, a base set's file too), the form editors jump to.",
                "Exit codes: 0 no errors (warnings allowed), 1 errors, 2 DIR is not a folder or not a built-in set."})
public final class RulesCheckCommand extends CliCommand {
    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR|v1|v2", description = "The same as --rules.")
    String positional;

    @Mixin
    RulesOption rulesOption;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = out();
        RuleSource source = rulesOption.source(positional);
        RulesSnapshot snapshot = source.snapshot(); // the set composed with its bases, read once
        RuleCheck check = RuleSetLoader.check(snapshot);
        List<RuleProblem> problems = new ArrayList<>(check.problems());
        // The thresholds run and kpi-gate read with this set, through the same reader (env overrides too).
        String thresholds = source.nameOf(KpiThresholdsReader.FILE);
        try {
            RulesOption.thresholds(source, env());
        } catch (InputException e) {
            String file = e.source().equals(thresholds)
                    ? snapshot.names().getOrDefault(KpiThresholdsReader.FILE, KpiThresholdsReader.FILE) : e.source();
            String field = e.field() == null || e.field().isEmpty() ? "" : e.field() + ": ";
            problems.add(RuleProblem.error(file, 0, 0, field + e.problem()));
        }
        // A threshold written twice (condition and reason tag, or rules and KPI gate) that drifted apart.
        List<RuleProblem> drift = ThresholdDrift.check(snapshot);
        problems.addAll(drift);
        problems.forEach(p -> out.println(p.render()));
        int errors = (int) problems.stream().filter(p -> p.severity() == RuleProblem.Severity.ERROR).count();
        int warnings = check.warnings().size() + drift.size();
        String status = errors > 0 ? "FAILED"
                : check.ruleSet().map(r -> "OK VERSION=" + r.version() + " SHA=" + r.shortSha()).orElse("FAILED");
        out.println(source.display() + ": " + errors + " error" + (errors == 1 ? "" : "s") + ", " + warnings + " warning"
                + (warnings == 1 ? "" : "s") + " (" + status + ")");
        out.flush();
        return check.ok() && errors == 0 ? ExitCodes.OK : ExitCodes.FAILED;
    }
}
