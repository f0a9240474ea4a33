package soaktune.rules.engine;

import soaktune.rules.RuleProblem;
import java.util.List;
import java.util.Optional;

/** Everything known about a rules folder: its problems (errors and warnings) and, when usable, the rule set. */
public record RuleCheck(List<RuleProblem> problems, Optional<RuleSet> ruleSet) {
    public RuleCheck {
        problems = List.copyOf(problems);
    }

    public List<RuleProblem> errors() {
        return problems.stream().filter(p -> p.severity() == RuleProblem.Severity.ERROR).toList();
    }

    public List<RuleProblem> warnings() {
        return problems.stream().filter(p -> p.severity() == RuleProblem.Severity.WARNING).toList();
    }

    public boolean ok() {
        return errors().isEmpty() && ruleSet.isPresent();
    }
}
