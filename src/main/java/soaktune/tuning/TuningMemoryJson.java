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
import soaktune.model.TunableField;

/** {"moves": [{"field", "iteration", "direction"}], "frozen": {"field": remaining}} for state files. */
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
        return new TuningMemory(moves, frozen);
    }

    private static String field(JsonFields f, JsonNode node, String path) throws InputException {
        String key = f.text(node, path);
        if (TunableField.fromKey(key).isEmpty()) {
            throw new InputException(f.source(), path, "is not a tunable field: " + key);
        }
        return key;
    }
}
