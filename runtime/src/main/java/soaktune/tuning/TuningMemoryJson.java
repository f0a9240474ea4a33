package soaktune.tuning;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import soaktune.io.InputException;
import soaktune.io.Json;
import soaktune.io.JsonFields;
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
            name(source, path + ".moves[" + k + "].field", m.field(), true);
            if (m.direction() != 1 && m.direction() != -1) {
                throw new InputException(source, path + ".moves[" + k + "].direction", "must be 1 or -1");
            }
        }
        for (String key : memory.frozen().keySet()) {
            name(source, path + ".frozen." + key, key, true);
        }
        streaks(source, path + ".kpi_misses", memory.misses(), false);
        streaks(source, path + ".at_limit", memory.atLimit(), true);
        atMost(source, path + ".infeasible", memory.infeasible().size());
        for (int k = 0; k < memory.infeasible().size(); k++) {
            Infeasible i = memory.infeasible().get(k);
            String at = path + ".infeasible[" + k + "]";
            name(source, at + ".kpi", i.kpi(), false);
            name(source, at + ".field", i.field(), true);
            if (i.rule() == null) {
                throw new InputException(source, at + ".rule", "is missing");
            }
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

    private static void streaks(String source, String path, Map<String, Integer> streaks, boolean fields)
            throws InputException {
        atMost(source, path, streaks.size());
        for (Map.Entry<String, Integer> e : streaks.entrySet()) {
            name(source, path + "." + e.getKey(), e.getKey(), fields);
            if (e.getValue() == null || e.getValue() < 1) {
                throw new InputException(source, path + "." + e.getKey(), "must be a whole number >= 1, got "
                        + e.getValue());
            }
        }
    }

    private static void atMost(String source, String path, int entries) throws InputException {
        if (entries > MAX_ENTRIES) {
            throw new InputException(source, path, "has " + entries + " entries, more than " + MAX_ENTRIES);
        }
    }

    /** A tunable field's key, or a KPI's name: a plain word of 1 to 40 characters. */
    private static void name(String source, String path, String name, boolean field) throws InputException {
        if (name == null) {
            throw new InputException(source, path, "is missing");
        }
        if (field ? TunableField.fromKey(name).isEmpty() : !name.matches("[a-z][a-z0-9_]{0,39}")) {
            throw new InputException(source, path, field ? "is not a tunable field: " + name
                    : "is not a KPI name (1 to 40 of a-z, 0-9, _): " + name);
        }
    }
}
