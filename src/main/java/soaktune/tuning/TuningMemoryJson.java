package soaktune.tuning;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import soaktune.io.InputException;
import soaktune.io.JsonFields;
import soaktune.model.FieldMove;
import soaktune.model.Infeasible;
import soaktune.model.TunableField;

/**
 * {"moves": [{"field", "iteration", "direction"}], "frozen": {"field": remaining}, "kpi_misses": {"kpi": streak},
 * "at_limit": {"field": streak}, "infeasible": [{"kpi", "field", "rule", "iteration"}]} for state files, serve's
 * requests and scenario files; the last three are optional when read (memory written before they existed).
 */
public final class TuningMemoryJson {
    private TuningMemoryJson() {
    }

    public static Map<String, Object> toJson(TuningMemory memory) {
        Map<String, Object> out = new LinkedHashMap<>();
        List<Map<String, Object>> moves = new ArrayList<>();
        for (FieldMove m : memory.moves()) {
            moves.add(Map.of("field", m.field(), "iteration", m.iteration(), "direction", m.direction()));
        }
        out.put("moves", moves);
        out.put("frozen", memory.frozen());
        out.put("kpi_misses", memory.misses());
        out.put("at_limit", memory.atLimit());
        List<Map<String, Object>> infeasible = new ArrayList<>();
        for (Infeasible i : memory.infeasible()) {
            infeasible.add(Map.of("kpi", i.kpi(), "field", i.field(), "rule", i.rule(), "iteration", i.iteration()));
        }
        out.put("infeasible", infeasible);
        return out;
    }

    public static TuningMemory fromJson(JsonFields f, JsonNode node, String path) throws InputException {
        if (node == null || node.isNull()) {
            return TuningMemory.empty();
        }
        f.object(node, path);
        List<FieldMove> moves = new ArrayList<>();
        JsonNode list = node.get("moves");
        if (list == null || !list.isArray()) {
            throw new InputException(f.source(), path + ".moves", "must be an array");
        }
        for (int k = 0; k < list.size(); k++) {
            String at = path + ".moves[" + k + "]";
            JsonNode m = f.object(list.get(k), at);
            String field = field(f, m.get("field"), at + ".field");
            int direction = (int) f.number(m.get("direction"), at + ".direction");
            if (direction != 1 && direction != -1) {
                throw new InputException(f.source(), at + ".direction", "must be 1 or -1");
            }
            moves.add(new FieldMove(field, (int) f.number(m.get("iteration"), at + ".iteration"), direction));
        }
        Map<String, Integer> frozen = new TreeMap<>();
        JsonNode frozenNode = f.object(node.get("frozen"), path + ".frozen");
        Iterator<Map.Entry<String, JsonNode>> it = frozenNode.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String at = path + ".frozen." + e.getKey();
            frozen.put(field(f, new com.fasterxml.jackson.databind.node.TextNode(e.getKey()), at),
                    (int) f.number(e.getValue(), at));
        }
        Map<String, Integer> misses = streaks(f, node.get("kpi_misses"), path + ".kpi_misses", false);
        Map<String, Integer> atLimit = streaks(f, node.get("at_limit"), path + ".at_limit", true);
        List<Infeasible> infeasible = new ArrayList<>();
        JsonNode verdicts = node.get("infeasible");
        if (verdicts != null && !verdicts.isNull()) {
            if (!verdicts.isArray() || verdicts.size() > MAX_ENTRIES) {
                throw new InputException(f.source(), path + ".infeasible", "must be an array of at most "
                        + MAX_ENTRIES + " entries");
            }
            for (int k = 0; k < verdicts.size(); k++) {
                String at = path + ".infeasible[" + k + "]";
                JsonNode v = f.object(verdicts.get(k), at);
                infeasible.add(new Infeasible(kpi(f, f.text(v.get("kpi"), at + ".kpi"), at + ".kpi"),
                        field(f, v.get("field"), at + ".field"), f.text(v.get("rule"), at + ".rule"),
                        (int) f.number(v.get("iteration"), at + ".iteration")));
            }
        }
        return new TuningMemory(moves, frozen, misses, atLimit, infeasible);
    }

    /** A request may carry no more streaks or verdicts than this (one per KPI a rule set names is far less). */
    static final int MAX_ENTRIES = 64;

    /** {"name": streak}: names are KPIs or, with {@code fields}, tunable fields; streaks whole numbers >= 1. */
    private static Map<String, Integer> streaks(JsonFields f, JsonNode node, String path, boolean fields)
            throws InputException {
        Map<String, Integer> out = new TreeMap<>();
        if (node == null || node.isNull()) {
            return out;
        }
        f.object(node, path);
        if (node.size() > MAX_ENTRIES) {
            throw new InputException(f.source(), path, "has " + node.size() + " entries, more than " + MAX_ENTRIES);
        }
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String at = path + "." + e.getKey();
            String name = fields ? field(f, new com.fasterxml.jackson.databind.node.TextNode(e.getKey()), at)
                    : kpi(f, e.getKey(), at);
            double streak = f.number(e.getValue(), at);
            if (streak != Math.rint(streak) || streak < 1 || streak > 1_000_000_000) {
                throw new InputException(f.source(), at, "must be a whole number >= 1, got " + e.getValue().asText());
            }
            out.put(name, (int) streak);
        }
        return out;
    }

    private static String kpi(JsonFields f, String name, String path) throws InputException {
        if (!name.matches("[a-z][a-z0-9_]{0,39}")) {
            throw new InputException(f.source(), path, "is not a KPI name (1 to 40 of a-z, 0-9, _): " + name);
        }
        return name;
    }

    private static String field(JsonFields f, JsonNode node, String path) throws InputException {
        String key = f.text(node, path);
        if (TunableField.fromKey(key).isEmpty()) {
            throw new InputException(f.source(), path, "is not a tunable field: " + key);
        }
        return key;
    }
}
