package soaktune.soak;

import java.util.Map;
import soaktune.model.EdgeReport;

/**
 * Where an iteration's EDGE_REPORT comes from: a simulated strategy (mock) or a real one (live). The runner
 * hands it the parameters the strategy should run with for this iteration.
 */
public interface StrategySource {
    EdgeReport runIteration(int iteration, Map<String, Double> appliedParams) throws Exception;

    /** A short label for markers and summaries, e.g. {@code mock:simple seed=1}. */
    String describe();
}
