package soaktune.soak;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import soaktune.model.EdgeReport;

/**
 * Where an iteration's EDGE_REPORT comes from: a simulated strategy (mock) or a real one (live). The runner
 * hands it the parameters the strategy should run with for this iteration.
 */
public interface StrategySource {
    /**
     * Runs (or waits for) one iteration.
     *
     * @throws NoReportException when no usable report arrived: the iteration is inconclusive
     */
    EdgeReport runIteration(int iteration, Map<String, Double> appliedParams) throws Exception;

    /** A short label for markers and summaries, e.g. {@code mock:simple seed=1}. */
    String describe();

    /** State to carry across a crash (written after every iteration); null when there is none. */
    default JsonNode saveState() {
        return null;
    }

    /** Restores what {@link #saveState} returned, before the first resumed iteration. */
    default void restoreState(JsonNode state) throws Exception {
    }
}
