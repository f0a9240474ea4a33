package soaktune.tuning;

import com.fasterxml.jackson.databind.JsonNode;
import soaktune.io.InputException;
import soaktune.io.Json;
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

    /** Checks a memory bound from JSON (the record is its own JSON): every field tunable, every direction 1 or -1. */
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
