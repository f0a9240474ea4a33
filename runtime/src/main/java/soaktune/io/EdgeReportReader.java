package soaktune.io;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import soaktune.model.EdgeReport;
import soaktune.model.MetricKind;
import soaktune.model.MetricName;
import soaktune.model.Metrics;

/**
 * Reads the extended EDGE_REPORT format: {"totals": {...}, "symbols": {...}, "runtime": {...}}. Every
 * known metric present is checked for type and range; metrics may be absent here, and a rule that needs
 * an absent one fails the decision with a clear error instead of reading it as 0.
 */
public final class EdgeReportReader {
    private EdgeReportReader() {
    }

    public static EdgeReport read(Path file) throws InputException {
        return fromJson(file.toString(), Json.readFile(file));
    }

    public static EdgeReport fromJson(String source, JsonNode root) throws InputException {
        JsonFields f = new JsonFields(source);
        JsonNode totals = f.object(f.object(root, "").get("totals"), "totals");
        Map<MetricName, Double> values = new EnumMap<>(MetricName.class);
        for (MetricName name : MetricName.values()) {
            if (totals.hasNonNull(name.key())) {
                values.put(name, value(f, "totals." + name.key(), totals.get(name.key()), name.kind()));
            }
        }
        Map<String, Double> blocked = new TreeMap<>();
        if (totals.hasNonNull("blocked_ratio")) {
            for (Map.Entry<String, JsonNode> e : f.object(totals.get("blocked_ratio"), "totals.blocked_ratio")
                    .properties()) {
                blocked.put(e.getKey(), value(f, "totals.blocked_ratio." + e.getKey(), e.getValue(), MetricKind.RATIO));
            }
        }
        for (String part : List.of("runtime", "symbols")) {
            if (root.hasNonNull(part)) {
                f.object(root.get(part), part);
            }
        }
        return new EdgeReport(new Metrics(values, blocked), root);
    }

    private static double value(JsonFields f, String path, JsonNode node, MetricKind kind) throws InputException {
        double v = f.number(node, path);
        if (!kind.accepts(v)) {
            throw new InputException(f.source(), path, "must be " + kind.describe() + ", got " + v);
        }
        return v;
    }
}
