package soaktune.rules.engine;

import soaktune.rules.RuleProblem;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import soaktune.rules.lint.DrlToken;
import soaktune.rules.lint.DrlTokenizer;
import soaktune.rules.lint.RuleTokens;

/**
 * Warnings for {@code rules check} when one threshold is written in two places that have drifted apart: a
 * trigger row's condition literal and the number in its reason tag ({@code cancelRatio > 0.60} tagged
 * {@code "cancel_ratio>0.55"}), or the literal and the matching bound in {@code kpi_thresholds.json} (the tuner
 * acts at one value, the gate warns at another). Read from the rule text only; it never affects a decision.
 */
public final class ThresholdDrift {
    public static final String THRESHOLDS_FILE = "kpi_thresholds.json";
    private static final Pattern TAG_NUMBER = Pattern.compile("(?:>=|<=|>|<)\\s*(-?\\d+(?:\\.\\d+)?)");

    private ThresholdDrift() {
    }

    /** Every drift in {@code snapshot}'s rule files; none when it has no KPI thresholds file or it is unreadable. */
    public static List<RuleProblem> check(RulesSnapshot snapshot) {
        List<RuleProblem> out = new ArrayList<>();
        JsonNode metrics = thresholds(snapshot.files().get(THRESHOLDS_FILE));
        try {
            snapshot.drlSources().forEach((file, text) -> check(file, text, metrics, out));
        } catch (soaktune.io.InputException e) {
            return out; // the check reports undecodable files
        }
        return out;
    }

    /** The {@code metrics} of the KPI thresholds file; null when there is none. */
    private static JsonNode thresholds(byte[] bytes) {
        try {
            return bytes == null ? null : soaktune.io.Json.parse(THRESHOLDS_FILE, bytes).get("metrics");
        } catch (soaktune.io.InputException e) {
            return null; // the gate reports a broken file where it reads it
        }
    }

    private static void check(String file, String text, JsonNode kpis, List<RuleProblem> out) {
        List<DrlToken> tokens = DrlTokenizer.tokenize(text); // comments dropped, a reason tag one string token
        for (RuleOverrides.Span span : RuleOverrides.spans(tokens)) {
            RuleTokens rule = RuleTokens.of(tokens, span.from(), span.to());
            List<Constraint> constraints = constraints(rule.conditions());
            List<Double> literals = constraints.stream().map(k -> Double.parseDouble(k.literal())).toList();
            List<DrlToken> rhs = rule.consequence();
            for (int i = 0; i + 4 < rhs.size(); i++) {
                DrlToken tag = rhs.get(i + 4);
                boolean tagged = rhs.get(i).isIdentifier() && rhs.get(i).text().matches("trigger|fallback")
                        && rhs.get(i + 1).isSymbol("(") && rhs.get(i + 2).is(DrlToken.Kind.IDENTIFIER, "drools")
                        && rhs.get(i + 3).isSymbol(",") && tag.kind() == DrlToken.Kind.STRING;
                if (!tagged) {
                    continue;
                }
                Matcher n = TAG_NUMBER.matcher(tag.text());
                while (n.find()) {
                    double said = Double.parseDouble(n.group(1));
                    if (!literals.isEmpty() && !literals.contains(said)) {
                        // placed at the tag's text, just inside its opening quote
                        out.add(RuleProblem.warning(file, tag.line(), tag.column() + 1, "rule \"" + span.name()
                                + "\": its reason \"" + tag.text() + "\" says " + n.group(1) + " but its condition"
                                + " compares with " + join(literals) + "; the audit trail would name the wrong threshold"));
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
                    out.add(RuleProblem.warning(file, m.at().line(), m.at().column(), "rule \"" + span.name()
                            + "\" acts at " + m.property() + " " + m.op() + " " + m.literal() + " but " + THRESHOLDS_FILE
                            + " gates " + metric + " at " + (warn != null ? "warn_" + dir + " " + warn.asText() : "")
                            + (warn != null && fail != null ? ", " : "")
                            + (fail != null ? "fail_" + dir + " " + fail.asText() : "")
                            + "; the tuner and the gate disagree about the threshold"));
                }
            }
        }
    }

    /** One {@code property op literal} comparison of a rule's conditions; {@code at}: the literal's first token. */
    private record Constraint(String property, String op, String literal, DrlToken at) {
    }

    /** The {@code property < number} comparisons (any of < <= > >=, the number maybe negative) among the tokens. */
    private static List<Constraint> constraints(List<DrlToken> lhs) {
        List<Constraint> out = new ArrayList<>();
        for (int i = 0; i + 2 < lhs.size(); i++) {
            DrlToken property = lhs.get(i);
            boolean minus = lhs.get(i + 2).isSymbol("-") && i + 3 < lhs.size();
            DrlToken number = lhs.get(minus ? i + 3 : i + 2);
            if (property.isIdentifier() && property.text().matches("[a-z][A-Za-z0-9]*")
                    && lhs.get(i + 1).kind() == DrlToken.Kind.SYMBOL && lhs.get(i + 1).text().matches("[<>]=?")
                    && number.kind() == DrlToken.Kind.NUMBER && number.text().matches("\\d+(\\.\\d+)?")) {
                out.add(new Constraint(property.text(), lhs.get(i + 1).text(), (minus ? "-" : "") + number.text(),
                        lhs.get(i + 2)));
            }
        }
        return out;
    }

    private static String join(List<Double> values) {
        return String.join(", ", values.stream().map(v -> v == Math.rint(v) ? String.valueOf(v.longValue())
                : String.valueOf(v)).toList());
    }

    /** camelCase property to the EDGE_REPORT key: {@code wsLagP95Ms} to {@code ws_lag_p95_ms}. */
    static String snake(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }
}
