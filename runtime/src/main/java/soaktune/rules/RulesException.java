package soaktune.rules;

import java.util.List;

/** A rule set that cannot be used: it does not compile, lacks a file, or breaks the safety check. */
public final class RulesException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient List<RuleProblem> problems;

    public RulesException(List<RuleProblem> problems) {
        super(problems.isEmpty() ? "rule set is invalid" : problems.get(0).render());
        this.problems = List.copyOf(problems);
    }

    public List<RuleProblem> problems() {
        return problems;
    }
}
