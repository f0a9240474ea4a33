package soaktune.tuning;

import com.fasterxml.jackson.databind.JsonNode;
import soaktune.io.InputException;
import soaktune.io.Json;
import soaktune.io.JsonFields;
import java.util.Map;
import soaktune.model.FieldMove;
import soaktune.model.Infeasible;
import soaktune.model.TunableField;

/**
 * Reads {"moves": [{"field", "iteration", "direction"}], "frozen": {"field": remaining}, "kpi_misses": {"kpi":
 * streak}, "at_limit": {"field": streak}, "infeasible": [{"kpi", "field", "rule", "iteration"}]} from requests,
 * scenarios and state files (the last three optional: memory written before they existed); {@link TuningMemory}
 * is written as it is (a record with those components).
 */
public final class TuningMemoryJson {
    private TuningMemoryJson() {
    }

    /** A request may carry no more streaks or verdicts than this (one per KPI a rule set names is far less). */
    static final int MAX_ENTRIES = 64;

    /**
     * Checks a memory bound from JSON (the record is its own JSON): every field tunable, every direction 1 or -1,
     * streaks whole and at least 1, KPI names plain words, at most {@value #MAX_ENTRIES} streaks and verdicts.
     */
    public static void check(String source, String path, TuningMemory memory) throws InputException {
        for (int k = 0; k < memory.moves().size(); k++) {
            FieldMove m = memory.moves().get(k);
            String at = path + ".moves[" + k + "]";
            known(source, m.field(), at + ".field");
            if (m.direction() != 1 && m.direction() != -1) {
                throw new InputException(source, at + ".direction", "must be 1 or -1");
            }
        }
        for (String key : memory.frozen().keySet()) {
            known(source, key, path + ".frozen." + key);
        }
        streaks(source, path + ".kpi_misses", memory.misses(), false);
        streaks(source, path + ".at_limit", memory.atLimit(), true);
        if (memory.infeasible().size() > MAX_ENTRIES) {
            throw new InputException(source, path + ".infeasible", "must be an array of at most " + MAX_ENTRIES
                    + " entries");
        }
        for (int k = 0; k < memory.infeasible().size(); k++) {
            Infeasible i = memory.infeasible().get(k);
            String at = path + ".infeasible[" + k + "]";
            kpi(source, i.kpi(), at + ".kpi");
            known(source, i.field(), at + ".field");
            if (i.rule() == null) {
                throw new InputException(source, at + ".rule", "is missing");
            }
        }
    }

    private static void streaks(String source, String path, Map<String, Integer> streaks, boolean fields)
            throws InputException {
        if (streaks.size() > MAX_ENTRIES) {
            throw new InputException(source, path, "has " + streaks.size() + " entries, more than " + MAX_ENTRIES);
        }
        for (Map.Entry<String, Integer> e : streaks.entrySet()) {
            String at = path + "." + e.getKey();
            if (fields) {
                known(source, e.getKey(), at);
            } else {
                kpi(source, e.getKey(), at);
            }
            if (e.getValue() == null || e.getValue() < 1) {
                throw new InputException(source, at, "must be a whole number >= 1, got " + e.getValue());
            }
        }
    }

    private static void kpi(String source, String name, String path) throws InputException {
        if (name == null || !name.matches("[a-z][a-z0-9_]{0,39}")) {
            throw new InputException(source, path, "is not a KPI name (1 to 40 of a-z, 0-9, _): " + name);
        }
    }

    /** The memory at {@code path} of a request or scenario; empty when absent. */
    public static TuningMemory fromJson(JsonFields f, JsonNode node, String path) throws InputException {
        if (node == null || node.isNull()) {
            return TuningMemory.empty();
        }
        TuningMemory memory = Json.bind(f.source(), path, node, TuningMemory.class);
        check(f.source(), path, memory);
        return memory;
    }

    private static void known(String source, String key, String path) throws InputException {
        if (key == null) {
            throw new InputException(source, path, "is missing");
        }
        if (TunableField.fromKey(key).isEmpty()) {
            throw new InputException(source, path, "is not a tunable field: " + key);
        }
    }
}
