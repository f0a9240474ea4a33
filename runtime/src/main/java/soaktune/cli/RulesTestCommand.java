package soaktune.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import soaktune.regression.JUnitXmlReport;
import soaktune.regression.ScenarioResult;
import soaktune.regression.ScenarioRunner;
import soaktune.rules.engine.RuleBaseCache;
import soaktune.rules.engine.RuleSet;
import soaktune.rules.engine.RuleSetLoader;
import soaktune.rules.engine.RuleSource;

/**
 * {@code rules test [DIR]}: runs the regression scenarios in DIR/tests, and those its bases' it inherits,
 * against the rules in DIR (composed with its bases).
 */
@Command(name = "test",
        description = {"Runs the regression scenarios in DIR/tests (*.yaml, *.yml, *.json), and those of its base "
                + "sets it has no file of the same name for, against the rules in DIR: one PASS/FAIL line per "
                + "scenario, a SKIP line per base scenario skip_base_tests leaves out, then 'N passed, M failed'.",
                "Exit codes: 0 all pass, 1 any fails (or there are none), 2 bad input, 4 the rules do not load, "
                        + "6 cannot write --junit-xml."})
public final class RulesTestCommand extends CliCommand {
    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR|v1|v2", description = "The same as --rules.")
    String positional;

    @Mixin
    RulesOption rulesOption;

    @Option(names = "--junit-xml", paramLabel = "FILE", description = "Also write a Surefire-style XML report.")
    Path junitXml;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = out();
        RuleSource source = rulesOption.source(positional);
        RuleSet rules = RuleSetLoader.load(source, RuleBaseCache.disabled());
        ScenarioRunner.Suite suite = ScenarioRunner.scenarios(source);
        List<Path> files = suite.files();
        ScenarioRunner runner = new ScenarioRunner(rules);
        List<ScenarioResult> results = new ArrayList<>();
        for (Path file : files) {
            ScenarioResult r = runner.run(file);
            results.add(r);
            out.println(r.line());
            out.flush();
        }
        suite.skipped().forEach(skipped -> out.println("SKIP " + skipped));
        long failed = results.stream().filter(r -> !r.passed()).count();
        if (files.isEmpty()) {
            out.println("no scenario files in " + source.nameOf(RuleSetLoader.TESTS_DIR) + " (*.yaml, *.yml, *.json)");
        }
        out.println((results.size() - failed) + " passed, " + failed + " failed");
        out.flush();
        if (junitXml != null) {
            JUnitXmlReport.write(junitXml, "rules " + source.display(), "rules." + rules.version(), results, now());
        }
        return failed == 0 && !files.isEmpty() ? ExitCodes.OK : ExitCodes.FAILED;
    }
}
