package soaktune.cli;

import java.util.Map;
import picocli.CommandLine.Option;
import soaktune.gate.KpiThresholds;
import soaktune.gate.KpiThresholdsReader;
import soaktune.io.InputException;
import soaktune.rules.engine.DecisionBudget;
import soaktune.rules.engine.RuleBaseCache;
import soaktune.rules.engine.RuleSet;
import soaktune.rules.engine.RuleSetLoader;
import soaktune.rules.engine.RuleSource;
import soaktune.rules.RulesException;

/** {@code --rules DIR|v1|v2}: a rules folder, or a set carried in the jar; read and compiled at run time. */
public final class RulesOption {
    @Option(names = "--rules", paramLabel = "DIR|v1|v2", description = "Rules folder (DRL, limits.json) or a built-in "
            + "set (v1, v2). Default: ./rules/v1 if that folder exists, else the built-in v1.")
    String spec;

    RuleSource source() throws InputException {
        return RuleSource.resolve(spec);
    }

    /** The named set, checked to exist (a folder that is there, or a built-in name); not yet loaded. */
    RuleSource checkedSource() throws InputException {
        RuleSource source = source();
        if (!source.builtin() && !java.nio.file.Files.isDirectory(source.root())) {
            throw new InputException(source.display(), "rules folder does not exist or is not a folder");
        }
        return source;
    }

    /** For {@code rules check/test}, which also take the set as a positional argument; both at once is an error. */
    RuleSource source(String positional) throws InputException {
        if (positional != null && spec != null && !positional.equals(spec)) {
            throw new InputException("rules", "DIR/--rules", "give the rule set once, got '" + positional + "' and '"
                    + spec + "'");
        }
        return RuleSource.resolve(positional != null ? positional : spec);
    }

    /** Loads the set, through the compiled-rule-base cache the environment names (if any). */
    RuleSet load(Map<String, String> env) throws RulesException, InputException {
        DecisionBudget.configure(env);
        return RuleSetLoader.load(source(), RuleBaseCache.fromEnv(env));
    }

    /** The KPI thresholds versioned with a rule set (its {@code kpi_thresholds.json}, KPI_* env overrides applied). */
    static KpiThresholds thresholds(RuleSource rules, Map<String, String> env) throws InputException {
        return KpiThresholdsReader.read(rules.nameOf(KpiThresholdsReader.FILE), rules.read(KpiThresholdsReader.FILE),
                env);
    }
}
