package soaktune.io;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Iterator;
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
        JsonFields f = JsonFields.ofObject(source, root);
        JsonNode totals = f.object(root.get("totals"), "totals");
        Map<MetricName, Double> values = new EnumMap<>(MetricName.class);
        for (MetricName name : MetricName.values()) {
            JsonNode node = totals.get(name.key());
            if (node == null || node.isNull()) {
                continue;
            }
            String path = "totals." + name.key();
            double v = f.number(node, path);
            requireKind(source, path, name.kind(), v);
            values.put(name, v);
        }
        Map<String, Double> blocked = new TreeMap<>();
        JsonNode blockedNode = totals.get("blocked_ratio");
        if (blockedNode != null && !blockedNode.isNull()) {
            f.object(blockedNode, "totals.blocked_ratio");
            Iterator<Map.Entry<String, JsonNode>> it = blockedNode.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                String path = "totals.blocked_ratio." + e.getKey();
                double v = f.number(e.getValue(), path);
                requireKind(source, path, MetricKind.RATIO, v);
                blocked.put(e.getKey(), v);
            }
        }
        JsonNode runtime = root.get("runtime");
        if (runtime != null && !runtime.isNull()) {
            f.object(runtime, "runtime");
        }
        JsonNode symbols = root.get("symbols");
        if (symbols != null && !symbols.isNull()) {
            f.object(symbols, "symbols");
        }
        return new EdgeReport(new Metrics(values, blocked), root);
    }

    private static void requireKind(String source, String path, MetricKind kind, double v) throws InputException {
        if (!kind.accepts(v)) {
            throw new InputException(source, path, "must be " + kind.describe() + ", got " + v);
        }
    }
}
