package soaktune.serve;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import soaktune.io.EdgeReportReader;
import soaktune.io.InputException;
import soaktune.io.Json;
import soaktune.io.JsonFields;
import soaktune.io.OverridesReader;
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
    private static final Set<String> KEYS = Set.of("edge_report", "overrides", "profile", "tuning_memory", "iteration",
            "healthy_streak");

    /**
     * @param profiles the profiles a request may name (built in only: a path would let a client read the
     *                 server's files)
     */
    public static TuneRequest parse(byte[] body, Map<String, Profile> profiles) throws InputException {
        JsonNode root = Json.parse(SOURCE, body);
        JsonFields f = JsonFields.ofObject(SOURCE, root);
        f.onlyKeys(root, "", KEYS);
        JsonNode report = root.get("edge_report");
        if (report == null || report.isNull()) {
            throw new InputException(SOURCE, "edge_report", "is missing");
        }
        Metrics metrics = prefixed("edge_report", () -> EdgeReportReader.fromJson(SOURCE, report).totals());
        Overrides overrides = Overrides.empty();
        JsonNode o = root.get("overrides");
        if (o != null && !o.isNull()) {
            OverridesReader.Loaded loaded = prefixed("overrides",
                    () -> OverridesReader.parse(SOURCE, o, "request", Optional.empty()));
            if (!loaded.notAllowed().isEmpty()) {
                throw new InputException(SOURCE, "overrides." + loaded.notAllowed().get(0),
                        "is not a tunable field (tunable: " + String.join(", ", TunableField.keys()) + ")");
            }
            overrides = loaded.overrides();
        }
        Profile profile = profile(f, root.get("profile"), profiles);
        JsonNode moves = root.at("/tuning_memory/moves");
        if (moves.isArray() && moves.size() > MAX_MOVES) {
            throw new InputException(SOURCE, "tuning_memory.moves", "has " + moves.size() + " entries, more than the "
                    + MAX_MOVES + " a request may carry (one per field per iteration for the last "
                    + TuningMemory.HORIZON + " iterations)");
        }
        TuningMemory memory = TuningMemoryJson.fromJson(f, root.get("tuning_memory"), "tuning_memory");
        requireOneMovePerFieldAndIteration(memory);
        int iteration = root.has("iteration") ? whole(f, root.get("iteration"), "iteration", 1)
                : memory.moves().stream().mapToInt(FieldMove::iteration).max().orElse(0) + 1;
        memory = memory.window(iteration);
        int streak = root.has("healthy_streak") ? whole(f, root.get("healthy_streak"), "healthy_streak", 0) : 0;
        return new TuneRequest(metrics, overrides, profile, memory, iteration, streak);
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

    private static Profile profile(JsonFields f, JsonNode node, Map<String, Profile> profiles) throws InputException {
        if (node == null || node.isNull()) {
            return profiles.get(soaktune.io.ProfileLoader.DEFAULT);
        }
        String name = f.text(node, "profile");
        Profile p = profiles.get(name);
        if (p == null) {
            throw new InputException(SOURCE, "profile", "unknown profile '" + name + "' (built in: "
                    + String.join(", ", new java.util.TreeSet<>(profiles.keySet())) + ")");
        }
        return p;
    }

    private static int whole(JsonFields f, JsonNode node, String field, int min) throws InputException {
        double v = f.number(node, field);
        if (v != Math.rint(v) || v < min || v > 1_000_000_000) {
            throw new InputException(SOURCE, field, "must be a whole number >= " + min + ", got " + node.asText());
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
