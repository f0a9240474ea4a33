package soaktune.gate;

import java.util.LinkedHashMap;
import java.util.Map;

/** The KPI_GATE.json document for one verdict. */
public final class GateJson {
    private GateJson() {
    }

    public static Map<String, Object> of(GateResult r, KpiThresholds thresholds, String edgeReport, String ts) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("verdict", r.verdict().name());
        doc.put("reasons", r.reasons());
        Map<String, Object> metrics = new LinkedHashMap<>();
        for (GateResult.MetricResult m : r.metrics()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("tag", m.threshold().tag());
            entry.put("value", m.value());
            entry.put("verdict", m.verdict().name());
            String dir = m.threshold().upperBound() ? "above" : "below";
            entry.put("warn_" + dir, m.threshold().warn());
            entry.put("fail_" + dir, m.threshold().fail());
            metrics.put(m.threshold().metric().key(), entry);
        }
        doc.put("metrics", metrics);
        doc.put("fills", r.fills());
        doc.put("min_fills", r.minFills());
        doc.put("thresholds", thresholds.source());
        doc.put("edge_report", edgeReport);
        doc.put("ts", ts);
        return doc;
    }
}
