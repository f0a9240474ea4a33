package soaktune.serve;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import soaktune.io.EdgeReportReader;
import soaktune.io.InputException;
import soaktune.io.Json;
import soaktune.io.JsonFields;
import soaktune.io.OverridesReader;
import soaktune.io.ProfileLoader;
import soaktune.model.FieldMove;
import soaktune.model.Metrics;
import soaktune.model.Overrides;
import soaktune.model.Profile;
import soaktune.model.TunableField;
import soaktune.tuning.TuningMemory;
import soaktune.tuning.TuningMemoryJson;

/**
 * A {@code POST /v1/tune} body, checked field by field:
 * {@code {"edge_report": {"totals": {...}}, "overrides": {...}, "profile": "S1", "tuning_memory": {...},
 * "iteration": N, "healthy_streak": K}}; all but {@code edge_report} optional. Errors name the field as a
 * path from the body's root ({@code edge_report.totals.cancel_ratio}).
 *
 * <p>The server keeps no state between requests: what a decision depends on besides the report (current
 * overrides, the anti-oscillation memory, the iteration number) comes with the request, and the response
 * carries the memory to send with the next one.
 */
public record TuneRequest(Metrics metrics, Overrides overrides, Profile profile, TuningMemory memory, int iteration,
        int healthyStreak) {
    static final String SOURCE = "request";
    /**
     * The most moves a request may carry: one per field and iteration over the memory's horizon, which is
     * the most a response ever returns. Beyond it the request is refused (400) before any rule runs.
     */
    public static final int MAX_MOVES = TunableField.values().length * TuningMemory.HORIZON;

    /** The body as sent; the report, overrides and memory are checked by their own readers. */
    private record Body(@JsonProperty(value = "edge_report", required = true) JsonNode edgeReport, JsonNode overrides,
            String profile, @JsonProperty("tuning_memory") JsonNode tuningMemory, Double iteration,
            @JsonProperty("healthy_streak") Double healthyStreak) {
    }

    /**
     * @param profiles the profiles a request may name (built in only: a path would let a client read the
     *                 server's files)
     */
    public static TuneRequest parse(byte[] body, Map<String, Profile> profiles) throws InputException {
        Body b = Json.bindStrict(SOURCE, Json.parse(SOURCE, body), Body.class);
        Metrics metrics = prefixed("edge_report", () -> EdgeReportReader.fromJson(SOURCE, b.edgeReport()).totals());
        Overrides overrides = Overrides.empty();
        if (b.overrides() != null && !b.overrides().isNull()) {
            OverridesReader.Loaded loaded = prefixed("overrides",
                    () -> OverridesReader.parse(SOURCE, b.overrides(), "request", Optional.empty()));
            if (!loaded.notAllowed().isEmpty()) {
                throw new InputException(SOURCE, "overrides." + loaded.notAllowed().get(0),
                        "is not a tunable field (tunable: " + String.join(", ", TunableField.keys()) + ")");
            }
            overrides = loaded.overrides();
        }
        Profile profile = profiles.get(b.profile() == null ? ProfileLoader.DEFAULT : b.profile());
        if (profile == null) {
            throw new InputException(SOURCE, "profile", "unknown profile '" + b.profile() + "' (built in: "
                    + String.join(", ", new TreeSet<>(profiles.keySet())) + ")");
        }
        JsonNode moves = b.tuningMemory() == null ? null : b.tuningMemory().get("moves");
        if (moves != null && moves.isArray() && moves.size() > MAX_MOVES) {
            throw new InputException(SOURCE, "tuning_memory.moves", "has " + moves.size() + " entries, more than the "
                    + MAX_MOVES + " a request may carry (one per field per iteration for the last "
                    + TuningMemory.HORIZON + " iterations)");
        }
        TuningMemory memory = TuningMemoryJson.fromJson(new JsonFields(SOURCE), b.tuningMemory(), "tuning_memory");
        requireOneMovePerFieldAndIteration(memory);
        int iteration = b.iteration() != null ? whole(b.iteration(), "iteration", 1)
                : memory.moves().stream().mapToInt(FieldMove::iteration).max().orElse(0) + 1;
        int streak = b.healthyStreak() != null ? whole(b.healthyStreak(), "healthy_streak", 0) : 0;
        return new TuneRequest(metrics, overrides, profile, memory.window(iteration), iteration, streak);
    }

    /** A field moves at most once per iteration (net); repeats would only multiply the rules' work. */
    private static void requireOneMovePerFieldAndIteration(TuningMemory memory) throws InputException {
        Set<String> seen = new java.util.HashSet<>();
        for (int k = 0; k < memory.moves().size(); k++) {
            FieldMove m = memory.moves().get(k);
            if (!seen.add(m.field() + "@" + m.iteration())) {
                throw new InputException(SOURCE, "tuning_memory.moves[" + k + "]", "repeats " + m.field()
                        + " at iteration " + m.iteration() + ": one move per field per iteration");
            }
        }
    }

    private static int whole(double v, String field, int min) throws InputException {
        if (v != Math.rint(v) || v < min || v > 1_000_000_000) {
            throw new InputException(SOURCE, field, "must be a whole number >= " + min + ", got " + v);
        }
        return (int) v;
    }

    private interface Reader<T> {
        T read() throws InputException;
    }

    /** Readers name fields from their own root; a request nests them one level down. */
    private static <T> T prefixed(String prefix, Reader<T> reader) throws InputException {
        try {
            return reader.read();
        } catch (InputException e) {
            String field = e.field() == null || e.field().isEmpty() ? prefix : prefix + "." + e.field();
            throw new InputException(SOURCE, field, e.problem());
        }
    }
}
