package soaktune.rules;

import java.util.List;
import soaktune.model.Frozen;
import soaktune.model.GuardFired;
import soaktune.model.Proposal;
import soaktune.model.Trigger;

/**
 * What the rules concluded for one iteration: rows that fired, proposals (settled), iteration guards, and
 * the fields frozen this iteration (carried freezes and new ones).
 */
public record RuleOutcome(List<Trigger> triggers, List<Proposal> proposals, List<GuardFired> guards,
        List<Frozen> frozen, List<RuleFiring> firings) {

    public boolean guardFired(String guard) {
        return guards.stream().anyMatch(g -> g.name().equals(guard));
    }
}
