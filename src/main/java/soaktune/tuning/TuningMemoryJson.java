package soaktune.tuning;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import soaktune.io.InputException;
import soaktune.io.JsonFields;
import soaktune.model.FieldMove;
import soaktune.model.TunableField;

/**
 * Reads {"moves": [{"field", "iteration", "direction"}], "frozen": {"field": remaining}} from requests and
 * scenarios; {@link TuningMemory} is written as it is (a record with those two components).
 */
public final class TuningMemoryJson {
    private TuningMemoryJson() {
    }

    /**
     * Checks a memory bound straight from a state file (the record is its own JSON): every field tunable,
     * every direction 1 or -1.
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
        return new TuningMemory(moves, frozen);
    }

    private static String field(JsonFields f, JsonNode node, String path) throws InputException {
        String key = f.text(node, path);
        known(f.source(), key, path);
        return key;
    }

    private static void known(String source, String key, String path) throws InputException {
        if (TunableField.fromKey(key).isEmpty()) {
            throw new InputException(source, path, "is not a tunable field: " + key);
        }
    }
}
