package soaktune.rules.engine;

import soaktune.rules.RuleProblem;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import soaktune.rules.sandbox.SourcePositions;

/**
 * Warnings for {@code rules check} when one threshold is written in two places that have drifted apart: a
 * trigger row's condition literal and the number in its reason tag ({@code cancelRatio > 0.60} tagged
 * {@code "cancel_ratio>0.55"}), or the literal and the matching bound in {@code kpi_thresholds.json} (the tuner
 * acts at one value, the gate warns at another). Read from the rule text only; it never affects a decision.
 */
public final class ThresholdDrift {
    public static final String THRESHOLDS_FILE = "kpi_thresholds.json";
    private static final Pattern RULE = Pattern.compile("(?s)\\brule\\s+\"([^\"]+)\"(.*?)\\bwhen\\b(.*?)\\bthen\\b(.*?)\\bend\\b");
    private static final Pattern CONSTRAINT = Pattern.compile("\\b([a-z][A-Za-z0-9]*)\\s*(>=|<=|>|<)\\s*(-?\\d+(?:\\.\\d+)?)");
    private static final Pattern TAG = Pattern.compile("\\b(?:trigger|fallback)\\s*\\(\\s*drools\\s*,\\s*\"([^\"]*)\"");
    private static final Pattern TAG_NUMBER = Pattern.compile("(?:>=|<=|>|<)\\s*(-?\\d+(?:\\.\\d+)?)");

    private ThresholdDrift() {
    }

    /** Every drift in {@code snapshot}'s rule files; none when it has no KPI thresholds file or it is unreadable. */
    public static List<RuleProblem> check(RulesSnapshot snapshot) {
        List<RuleProblem> out = new ArrayList<>();
        JsonNode metrics = null;
        byte[] thresholds = snapshot.files().get(THRESHOLDS_FILE);
        if (thresholds != null) {
            try {
                metrics = soaktune.io.Json.parse(THRESHOLDS_FILE, thresholds).get("metrics");
            } catch (soaktune.io.InputException e) {
                metrics = null; // the gate reports a broken file where it reads it
            }
        }
        Map<String, String> sources;
        try {
            sources = snapshot.drlSources();
        } catch (soaktune.io.InputException e) {
            return out; // the check reports undecodable files
        }
        for (Map.Entry<String, String> source : sources.entrySet()) {
            check(source.getKey(), source.getValue(), metrics, out);
        }
        return out;
    }

    private static void check(String file, String text, JsonNode kpis, List<RuleProblem> out) {
        String code = withoutComments(text);
        Matcher rule = RULE.matcher(code);
        while (rule.find()) {
            List<Constraint> constraints = new ArrayList<>();
            Matcher c = CONSTRAINT.matcher(code).region(rule.start(3), rule.end(3));
            while (c.find()) {
                constraints.add(new Constraint(c.group(1), c.group(2), c.group(3), c.start(3)));
            }
            List<Double> literals = constraints.stream().map(k -> Double.parseDouble(k.literal())).toList();
            Matcher tag = TAG.matcher(code).region(rule.start(4), rule.end(4));
            while (tag.find()) {
                Matcher n = TAG_NUMBER.matcher(tag.group(1));
                while (n.find()) {
                    double said = Double.parseDouble(n.group(1));
                    if (!literals.isEmpty() && !literals.contains(said)) {
                        out.add(warning(file, code, tag.start(1), "rule \"" + rule.group(1) + "\": its reason \""
                                + tag.group(1) + "\" says " + n.group(1) + " but its condition compares with "
                                + join(literals) + "; the audit trail would name the wrong threshold"));
                    }
                }
            }
            if (kpis == null) {
                continue;
            }
            for (Constraint m : constraints) {
                String metric = snake(m.property());
                JsonNode bound = kpis.get(metric);
                if (bound == null) {
                    continue;
                }
                boolean above = m.op().startsWith(">");
                String dir = above ? "above" : "below";
                JsonNode warn = bound.get("warn_" + dir);
                JsonNode fail = bound.get("fail_" + dir);
                if (warn == null && fail == null) {
                    continue;
                }
                double literal = Double.parseDouble(m.literal());
                boolean matches = (warn != null && warn.asDouble() == literal) || (fail != null && fail.asDouble() == literal);
                if (!matches) {
                    out.add(warning(file, code, m.offset(), "rule \"" + rule.group(1) + "\" acts at " + m.property()
                            + " " + m.op() + " " + m.literal() + " but " + THRESHOLDS_FILE + " gates " + metric
                            + " at " + (warn != null ? "warn_" + dir + " " + warn.asText() : "")
                            + (warn != null && fail != null ? ", " : "")
                            + (fail != null ? "fail_" + dir + " " + fail.asText() : "")
                            + "; the tuner and the gate disagree about the threshold"));
                }
            }
        }
    }

    /** One {@code property op literal} comparison of a rule's conditions; {@code offset}: the literal's. */
    private record Constraint(String property, String op, String literal, int offset) {
    }

    private static String join(List<Double> values) {
        return String.join(", ", values.stream().map(v -> v == Math.rint(v) ? String.valueOf(v.longValue())
                : String.valueOf(v)).toList());
    }

    /** camelCase property to the EDGE_REPORT key: {@code wsLagP95Ms} to {@code ws_lag_p95_ms}. */
    static String snake(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    /** Comments blanked out (same length, newlines kept) so offsets still give lines and columns. */
    private static String withoutComments(String text) {
        StringBuilder sb = new StringBuilder(text);
        Matcher m = Pattern.compile("(?m)//[^\\n]*|(?s)/\\*.*?\\*/|\"(?:[^\"\\\\\\n]|\\\\.)*\"").matcher(text);
        while (m.find()) {
            if (m.group().startsWith("\"")) {
                continue; // strings stay: reason tags live in them
            }
            for (int i = m.start(); i < m.end(); i++) {
                if (sb.charAt(i) != '\n') {
                    sb.setCharAt(i, ' ');
                }
            }
        }
        return sb.toString();
    }

    private static RuleProblem warning(String file, String code, int offset, String message) {
        SourcePositions at = new SourcePositions(code);
        return RuleProblem.warning(file, at.line(offset), at.column(offset), message);
    }
}
