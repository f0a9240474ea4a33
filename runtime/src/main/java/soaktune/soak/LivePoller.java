package soaktune.soak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Duration;
import java.util.Map;
import org.apache.commons.codec.digest.DigestUtils;
import soaktune.io.EdgeReportReader;
import soaktune.io.InputException;
import soaktune.io.Json;
import soaktune.model.EdgeReport;

/**
 * The waiting part of live mode, shared by the file and HTTP sources: poll until a report arrives that is
 * complete, valid and different from the last one used, or until the timeout, or until a stop signal.
 * A report that is still being written (truncated JSON) is simply polled again.
 */
abstract class LivePoller implements StrategySource {
    private final Duration timeout;
    private final Duration pollEvery;
    private String lastFingerprint;

    LivePoller(Duration timeout, Duration pollEvery) {
        this.timeout = timeout;
        this.pollEvery = pollEvery;
    }

    /**
     * One look at the source: the bytes of the current report, or null when there is none yet. It must
     * return by {@code deadlineNanos} ({@link System#nanoTime()}), however slowly the source answers.
     */
    protected abstract byte[] fetch(long deadlineNanos) throws NoReportException;

    /** Where the report comes from, for error messages. */
    protected String where() {
        return describe();
    }

    @Override
    public EdgeReport runIteration(int iteration, Map<String, Double> appliedParams) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        String lastProblem = "no_new_report";
        String lastDetail = "no report at " + where() + " within " + timeout.toSeconds() + " s";
        while (true) {
            if (StopSignal.requested()) {
                throw new NoReportException("stop_requested", "stopped while waiting for a report");
            }
            byte[] bytes = fetch(deadline);
            if (bytes != null) {
                String fingerprint = DigestUtils.sha256Hex(bytes); // tells a new report from the one already used
                if (fingerprint.equals(lastFingerprint)) {
                    lastProblem = "stale_report";
                    lastDetail = "the report at " + where() + " has not changed since the last iteration";
                } else {
                    try {
                        EdgeReport report = EdgeReportReader.fromJson(where(), Json.parse(where(), bytes));
                        lastFingerprint = fingerprint;
                        return report;
                    } catch (InputException e) {
                        lastProblem = "malformed_report";
                        lastDetail = e.getMessage();
                    }
                }
            }
            if (System.nanoTime() >= deadline) {
                throw new NoReportException(lastProblem, lastDetail);
            }
            Thread.sleep(Math.max(1, pollEvery.toMillis()));
        }
    }

    @Override
    public JsonNode saveState() {
        return JsonNodeFactory.instance.objectNode().put("last_report_sha256", lastFingerprint);
    }

    @Override
    public void restoreState(JsonNode state) {
        if (state != null && state.hasNonNull("last_report_sha256")) {
            lastFingerprint = state.get("last_report_sha256").asText();
        }
    }
}
