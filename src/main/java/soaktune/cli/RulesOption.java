package soaktune.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;
import soaktune.io.InputException;
import soaktune.rules.RuleSet;
import soaktune.rules.RuleSetLoader;
import soaktune.rules.RulesException;

/** {@code --rules DIR}: the rule folder, read and compiled at run time. */
public final class RulesOption {
    @Option(names = "--rules", paramLabel = "DIR", defaultValue = "rules/v1",
            description = "Rules folder (DRL, limits.json). Default: ${DEFAULT-VALUE}.")
    Path dir;

    RuleSet load() throws RulesException, InputException {
        return RuleSetLoader.load(dir);
    }
}
