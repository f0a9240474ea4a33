package soaktune.cli;

import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;
import soaktune.io.InputException;
import soaktune.rules.DecisionBudget;
import soaktune.rules.RuleBaseCache;
import soaktune.rules.RuleSet;
import soaktune.rules.RuleSetLoader;
import soaktune.rules.RulesException;

/** {@code --rules DIR}: the rule folder, read and compiled at run time. */
public final class RulesOption {
    @Option(names = "--rules", paramLabel = "DIR", defaultValue = "rules/v1",
            description = "Rules folder (DRL, limits.json). Default: ${DEFAULT-VALUE}.")
    Path dir;

    /** Loads the folder, through the compiled-rule-base cache the environment names (if any). */
    RuleSet load(Map<String, String> env) throws RulesException, InputException {
        DecisionBudget.configure(env);
        return RuleSetLoader.load(dir, RuleBaseCache.fromEnv(env));
    }
}
