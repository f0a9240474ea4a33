package soaktune.rules;

import java.util.List;
import soaktune.model.Frozen;
import soaktune.model.GuardFired;
import soaktune.model.Infeasible;
import soaktune.model.KpiMissed;
import soaktune.model.Proposal;
import soaktune.model.Trigger;

/**
 * What the rules concluded for one iteration: rows that fired, proposals (settled), iteration guards, and
 * the fields frozen this iteration (carried freezes and new ones), the KPIs the rules judged missed and the
 * "infeasible within limits" verdicts they declared (one per KPI and field).
 */
public record RuleOutcome(List<Trigger> triggers, List<Proposal> proposals, List<GuardFired> guards,
        List<Frozen> frozen, List<RuleFiring> firings, List<KpiMissed> missed, List<Infeasible> infeasible) {

    public boolean guardFired(String guard) {
        return guards.stream().anyMatch(g -> g.name().equals(guard));
    }
}
