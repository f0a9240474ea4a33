package soaktune.gate;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import soaktune.io.InputException;
import soaktune.io.Json;
import soaktune.model.MetricName;

/**
 * Reads {@code kpi_thresholds.json} (versioned beside the rules), then applies {@code KPI_*} environment
 * overrides: {@code KPI_<METRIC>_WARN}, {@code KPI_<METRIC>_FAIL} and {@code KPI_MIN_FILLS}. A WARN bound
 * beyond its FAIL bound is an error, wherever it came from.
 */
public final class KpiThresholdsReader {
    public static final String FILE = "kpi_thresholds.json";
    private static final Pattern OVERRIDE = Pattern.compile("KPI_(\\w+)_(WARN|FAIL)");

    private record Document(@JsonProperty(required = true) @JsonSetter(nulls = Nulls.FAIL, contentNulls = Nulls.FAIL)
            Map<String, Bounds> metrics, @JsonProperty(value = "min_fills", required = true) double minFills) {
        Document {
            if (minFills < 0 || minFills != Math.rint(minFills) || minFills > 1e9) {
                throw new IllegalArgumentException("min_fills: must be a whole number >= 0, got " + minFills);
            }
        }
    }

    /** One metric's tag and its bounds, either both above or both below. */
    private record Bounds(@JsonProperty(required = true) @JsonSetter(nulls = Nulls.FAIL) String tag,
            @JsonProperty("warn_above") Double warnAbove, @JsonProperty("fail_above") Double failAbove,
            @JsonProperty("warn_below") Double warnBelow, @JsonProperty("fail_below") Double failBelow) {
        Bounds {
            boolean above = warnAbove != null || failAbove != null;
            if (above == (warnBelow != null || failBelow != null)) {
                throw new IllegalArgumentException("needs warn_above/fail_above or warn_below/fail_below, not "
                        + (above ? "both" : "neither"));
            }
            if (Stream.of(warnAbove, failAbove, warnBelow, failBelow).anyMatch(v -> v != null && v.isInfinite())) {
                throw new IllegalArgumentException("bounds must be finite numbers"); // 1e400 reads as Infinity
            }
        }
    }

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
        Document doc = Json.bindStrict(source, root, Document.class);
        Map<String, KpiThreshold> byKey = new TreeMap<>();
        for (Map.Entry<String, Bounds> e : doc.metrics().entrySet()) {
            String path = "metrics." + e.getKey();
            MetricName metric = MetricName.fromKey(e.getKey()).orElseThrow(() -> new InputException(source, path,
                    "is not a metric of the EDGE_REPORT"));
            Bounds b = e.getValue();
            boolean above = b.warnAbove() != null || b.failAbove() != null;
            byKey.put(e.getKey(), threshold(source, path, new KpiThreshold(metric, b.tag(), above,
                    above ? b.warnAbove() : b.warnBelow(), above ? b.failAbove() : b.failBelow())));
        }
        int minFills = (int) doc.minFills();
        for (String name : env.keySet().stream().filter(k -> k.startsWith("KPI_")).sorted().toList()) {
            if (name.equals("KPI_MIN_FILLS")) {
                minFills = (int) envNumber(name, env.get(name), true);
                continue;
            }
            Matcher m = OVERRIDE.matcher(name);
            KpiThreshold t = m.matches() ? byKey.get(m.group(1).toLowerCase(Locale.ROOT)) : null;
            if (t == null) {
                throw new InputException(name, "unknown KPI override (use KPI_<METRIC>_WARN, KPI_<METRIC>_FAIL or "
                        + "KPI_MIN_FILLS with a metric of " + Path.of(source).getFileName() + ": " + String.join(", ", byKey.keySet())
                        + ")");
            }
            double v = envNumber(name, env.get(name), false);
            boolean warn = m.group(2).equals("WARN");
            byKey.put(t.metric().key(), threshold(name, "", new KpiThreshold(t.metric(), t.tag(), t.upperBound(),
                    warn ? v : t.warn(), warn ? t.fail() : v)));
        }
        return new KpiThresholds(new ArrayList<>(byKey.values()), minFills, source);
    }

    private static KpiThreshold threshold(String source, String path, KpiThreshold t) throws InputException {
        if (t.warn() != null && t.fail() != null && (t.upperBound() ? t.warn() > t.fail() : t.warn() < t.fail())) {
            throw new InputException(source, path, "WARN " + t.warn() + " is beyond FAIL " + t.fail() + " for "
                    + t.metric().key() + " (" + (t.upperBound() ? "WARN must be <= FAIL" : "WARN must be >= FAIL") + ")");
        }
        return t;
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
