package soaktune.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import soaktune.io.Json;

/**
 * Hand-made artifacts folders in the shapes the soak runner writes, small enough to work out every
 * expected number by hand. Thresholds are the v1 defaults (adverse WARN>4 FAIL>6, cancel WARN>0.55 FAIL>0.7,
 * net_bps FAIL<2.5, ...).
 */
final class SoakFixture {
    static final String SHA = "abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789";
    static final double PROFILE_SPREAD = 0.85;

    final Path dir;
    String rulesDir = "rules/v1";

    SoakFixture(Path dir) {
        this.dir = dir;
    }

    /** The seven KPIs, all healthy unless {@code changes} says otherwise (key -> value). */
    static Map<String, Double> kpis(Map<String, Double> changes) {
        Map<String, Double> v = new LinkedHashMap<>(Map.of("net_bps", 3.0, "cancel_ratio", 0.4,
                "adverse_bps_p95", 2.0, "slippage_bps_p95", 1.0, "order_age_p95_ms", 250.0, "ws_lag_p95_ms", 80.0,
                "maker_share_pct", 92.0));
        v.putAll(changes);
        return v;
    }

    /** The gate section: each KPI judged by hand with the default thresholds. */
    static Map<String, Object> gate(Map<String, Double> kpis) {
        Map<String, Object> metrics = new LinkedHashMap<>();
        List<String> reasons = new ArrayList<>();
        String worst = "OK";
        for (Map.Entry<String, Double> e : kpis.entrySet()) {
            Object[] t = switch (e.getKey()) {
                case "net_bps" -> new Object[] {false, null, 2.5, "EDGE:net_bps"};
                case "maker_share_pct" -> new Object[] {false, null, 85.0, "EDGE:maker_share"};
                case "cancel_ratio" -> new Object[] {true, 0.55, 0.70, "EDGE:cancel"};
                case "adverse_bps_p95" -> new Object[] {true, 4.0, 6.0, "EDGE:adverse"};
                case "slippage_bps_p95" -> new Object[] {true, 3.0, 5.0, "EDGE:slippage"};
                case "order_age_p95_ms" -> new Object[] {true, 330.0, 360.0, "EDGE:order_age"};
                default -> new Object[] {true, 120.0, 180.0, "EDGE:ws_lag"};
            };
            boolean upper = (Boolean) t[0];
            Double warn = (Double) t[1];
            double fail = (Double) t[2];
            double v = e.getValue();
            String verdict = (upper ? v > fail : v < fail) ? "FAIL"
                    : warn != null && (upper ? v > warn : v < warn) ? "WARN" : "OK";
            if (!verdict.equals("OK")) {
                reasons.add((String) t[3]);
                worst = worst.equals("FAIL") || verdict.equals("FAIL") ? "FAIL" : "WARN";
            }
            Map<String, Object> m = new LinkedHashMap<>();
            String side = upper ? "above" : "below";
            m.put("value", v);
            m.put("verdict", verdict);
            m.put("warn_" + side, warn);
            m.put("fail_" + side, fail);
            m.put("tag", t[3]);
            metrics.put(e.getKey(), m);
        }
        Map<String, Object> gate = new LinkedHashMap<>();
        gate.put("verdict", worst);
        gate.put("reasons", reasons);
        gate.put("metrics", metrics);
        gate.put("fills", 300.0);
        gate.put("min_fills", 50);
        gate.put("thresholds", "rules/v1/kpi_thresholds.json");
        return gate;
    }

    static Map<String, Object> overrides(int minInterval, int replaceRate, double spreadDelta, double impactCap,
            int tailAge) {
        return Map.of("min_interval_ms", minInterval, "replace_rate_per_min", replaceRate,
                "base_spread_bps_delta", spreadDelta, "impact_cap_ratio", impactCap, "tail_age_ms", tailAge);
    }

    static Map<String, Object> adjustment(int iteration, String field, Number from, Number to, String reason,
            String rule) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("iteration", iteration);
        a.put("field", field);
        a.put("from", from);
        a.put("to", to);
        a.put("reason", reason);
        a.put("rule", rule);
        a.put("ts", "2025-10-12T14:00:00Z");
        return a;
    }

    static Map<String, Object> decision(Map<String, Object> before, Map<String, Object> after,
            List<Map<String, Object>> adjustments, String... rulesFired) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("overrides_before", before);
        d.put("overrides_after", after);
        d.put("adjustments", adjustments);
        List<Map<String, Object>> fired = new ArrayList<>();
        for (int k = 0; k < rulesFired.length; k++) {
            fired.add(Map.of("order", k + 1, "rule", rulesFired[k], "facts", List.of()));
        }
        d.put("rules_fired", fired);
        d.put("proposals", List.of());
        d.put("guards", List.of());
        d.put("clamps", List.of());
        d.put("triggers", List.of());
        d.put("limit_stops", 0);
        return d;
    }

    /** A summary with a report: metrics, gate and (when not null) a decision. */
    Map<String, Object> summary(int i, int n, Map<String, Double> kpis, Map<String, Object> decision) {
        Map<String, Object> s = head(i, n);
        s.put("metrics", new LinkedHashMap<>(kpis));
        s.put("gate", gate(kpis));
        s.put("tuning", decision == null ? "disabled" : "applied");
        if (decision != null) {
            s.put("decision", decision);
        }
        return s;
    }

    /** A summary of an iteration whose report never came: the runner records why and what ran. */
    Map<String, Object> noReport(int i, int n, Map<String, Object> applied) {
        Map<String, Object> s = head(i, n);
        s.put("tuning", "held");
        s.put("inconclusive", "no new EDGE_REPORT within 0.2 s");
        s.put("applied", applied);
        return s;
    }

    private Map<String, Object> head(int i, int n) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("iteration", i);
        s.put("iterations", n);
        s.put("ts", "2025-10-12T14:0" + i + ":00Z");
        s.put("profile", "S1");
        s.put("rules", Map.of("version", "v1", "sha256", SHA, "dir", rulesDir));
        s.put("source", "test");
        return s;
    }

    SoakFixture write(int i, Map<String, Object> summary) {
        return writeFile("ITER_SUMMARY_" + i + ".json", summary);
    }

    SoakFixture appliedProfile(Map<String, Object> overridesRuntime) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("profile", "S1");
        doc.put("base", Map.of("base_spread_bps", PROFILE_SPREAD, "min_interval_ms", 60.0));
        doc.put("overrides_runtime", overridesRuntime);
        doc.put("runtime_adjustments", List.of());
        return writeFile("applied_profile.json", doc);
    }

    SoakFixture writeFile(String name, Object json) {
        try {
            Json.write(dir.resolve(name), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    SoakFixture writeText(String name, String text) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(name), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /**
     * The standard three-iteration soak of the model tests:
     * 1: net_bps 2.3 (FAIL) and cancel 0.6 (WARN); cancel_ratio_high moves min_interval_ms 60 -> 80.
     * 2: no report came (tuning held), the strategy ran with min_interval 80 and spread 0.85 + 0.0.
     * 3: adverse 4.5 (WARN); adverse_or_slippage_high moves the spread delta 0.0 -> 0.05.
     */
    SoakFixture threeIterations() {
        write(1, summary(1, 3, kpis(Map.of("net_bps", 2.3, "cancel_ratio", 0.6)),
                decision(overrides(60, 300, 0.0, 0.1, 700), overrides(80, 300, 0.0, 0.1, 700),
                        List.of(adjustment(1, "min_interval_ms", 60, 80, "cancel_ratio>0.55", "cancel_ratio_high")),
                        "cancel_ratio_high", "accept_proposal")));
        write(2, noReport(2, 3, Map.of("min_interval_ms", 80.0, "replace_rate_per_min", 300.0,
                "base_spread_bps", 0.85, "impact_cap_ratio", 0.1, "tail_age_ms", 700.0)));
        write(3, summary(3, 3, kpis(Map.of("adverse_bps_p95", 4.5)),
                decision(overrides(80, 300, 0.0, 0.1, 700), overrides(80, 300, 0.05, 0.1, 700),
                        List.of(adjustment(3, "base_spread_bps_delta", 0.0, 0.05, "adverse/slippage>threshold",
                                "adverse_or_slippage_high")),
                        "adverse_or_slippage_high", "accept_proposal")));
        return appliedProfile(overrides(80, 300, 0.05, 0.1, 700));
    }
}
