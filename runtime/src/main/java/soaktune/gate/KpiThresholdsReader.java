package soaktune.gate;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import soaktune.io.InputException;
import soaktune.io.Json;
import soaktune.io.JsonFields;
import soaktune.model.MetricName;

/**
 * Reads {@code kpi_thresholds.json} (versioned beside the rules), then applies {@code KPI_*} environment
 * overrides: {@code KPI_<METRIC>_WARN}, {@code KPI_<METRIC>_FAIL} and {@code KPI_MIN_FILLS}. A WARN bound
 * beyond its FAIL bound is an error, wherever it came from.
 */
public final class KpiThresholdsReader {
    public static final String FILE = "kpi_thresholds.json";

    private KpiThresholdsReader() {
    }

    public static KpiThresholds read(Path file, Map<String, String> env) throws InputException {
        return fromJson(file.toString(), Json.readFile(file), env);
    }

    /** The thresholds file's bytes, named {@code source} in every message (e.g. {@code builtin:v1/kpi_thresholds.json}). */
    public static KpiThresholds read(String source, byte[] bytes, Map<String, String> env) throws InputException {
        return fromJson(source, Json.parse(source, bytes), env);
    }

    private static KpiThresholds fromJson(String source, JsonNode root, Map<String, String> env)
            throws InputException {
        JsonFields f = JsonFields.ofObject(source, root);
        f.onlyKeys(root, "", Set.of("metrics", "min_fills"));
        JsonNode metrics = f.object(root.get("metrics"), "metrics");
        Map<String, KpiThreshold> byKey = new TreeMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = metrics.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String path = "metrics." + e.getKey();
            MetricName metric = MetricName.fromKey(e.getKey()).orElseThrow(() -> new InputException(source, path,
                    "is not a metric of the EDGE_REPORT"));
            byKey.put(e.getKey(), threshold(f, path, metric, f.object(e.getValue(), path)));
        }
        int minFills = (int) wholeNumber(f, root.get("min_fills"), "min_fills");
        for (Map.Entry<String, String> e : new TreeMap<>(env).entrySet()) {
            if (!e.getKey().startsWith("KPI_")) {
                continue;
            }
            String name = e.getKey();
            if (name.equals("KPI_MIN_FILLS")) {
                minFills = (int) envNumber(name, e.getValue(), true);
                continue;
            }
            String kind = name.endsWith("_WARN") ? "WARN" : name.endsWith("_FAIL") ? "FAIL" : null;
            String metricKey = kind == null ? null : name.substring(4, name.length() - kind.length() - 1)
                    .toLowerCase(java.util.Locale.ROOT);
            KpiThreshold t = metricKey == null ? null : byKey.get(metricKey);
            if (t == null) {
                throw new InputException(name, "unknown KPI override (use KPI_<METRIC>_WARN, KPI_<METRIC>_FAIL or "
                        + "KPI_MIN_FILLS with a metric of " + Path.of(source).getFileName() + ": " + String.join(", ", byKey.keySet())
                        + ")");
            }
            double v = envNumber(name, e.getValue(), false);
            KpiThreshold changed = kind.equals("WARN") ? t.with(v, t.fail()) : t.with(t.warn(), v);
            check(name, "", changed);
            byKey.put(metricKey, changed);
        }
        return new KpiThresholds(new ArrayList<>(byKey.values()), minFills, source);
    }

    private static KpiThreshold threshold(JsonFields f, String path, MetricName metric, JsonNode node)
            throws InputException {
        f.onlyKeys(node, path, Set.of("tag", "warn_above", "fail_above", "warn_below", "fail_below"));
        String tag = f.text(node.get("tag"), path + ".tag");
        boolean above = node.has("warn_above") || node.has("fail_above");
        boolean below = node.has("warn_below") || node.has("fail_below");
        if (above == below) {
            throw new InputException(f.source(), path, "needs warn_above/fail_above or warn_below/fail_below, not "
                    + (above ? "both" : "neither"));
        }
        String dir = above ? "above" : "below";
        Double warn = node.has("warn_" + dir) ? f.number(node.get("warn_" + dir), path + ".warn_" + dir) : null;
        Double fail = node.has("fail_" + dir) ? f.number(node.get("fail_" + dir), path + ".fail_" + dir) : null;
        KpiThreshold t = new KpiThreshold(metric, tag, above, warn, fail);
        check(f.source(), path, t);
        return t;
    }

    private static void check(String source, String path, KpiThreshold t) throws InputException {
        if (t.warn() == null || t.fail() == null) {
            return;
        }
        boolean beyond = t.upperBound() ? t.warn() > t.fail() : t.warn() < t.fail();
        if (beyond) {
            throw new InputException(source, path, "WARN " + t.warn() + " is beyond FAIL " + t.fail() + " for "
                    + t.metric().key() + " (" + (t.upperBound() ? "WARN must be <= FAIL" : "WARN must be >= FAIL") + ")");
        }
    }

    private static double wholeNumber(JsonFields f, JsonNode node, String path) throws InputException {
        double v = f.number(node, path);
        if (v < 0 || v != Math.rint(v) || v > 1e9) {
            throw new InputException(f.source(), path, "must be a whole number >= 0, got " + v);
        }
        return v;
    }

    private static double envNumber(String name, String text, boolean whole) throws InputException {
        double v;
        try {
            v = Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new InputException(name, "must be a number, got '" + text + "'");
        }
        if (!Double.isFinite(v) || (whole && (v < 0 || v != Math.rint(v)))) {
            throw new InputException(name, "must be a " + (whole ? "whole number >= 0" : "finite number") + ", got '"
                    + text + "'");
        }
        return v;
    }
}
