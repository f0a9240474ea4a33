package soaktune.tuning;

import java.util.List;
import soaktune.model.Adjustment;
import soaktune.model.Clamp;
import soaktune.model.Overrides;
import soaktune.model.Proposal;
import soaktune.rules.RuleOutcome;

/**
 * One tuning decision: the values before (after clamping into limits), the values after, the applied
 * adjustments, and everything the rules did on the way.
 */
public record Decision(Overrides before, Overrides after, List<Clamp> clamps, List<Adjustment> adjustments,
        RuleOutcome outcome, int limitStops) {

    public List<Proposal> proposals() {
        return outcome.proposals();
    }
}
