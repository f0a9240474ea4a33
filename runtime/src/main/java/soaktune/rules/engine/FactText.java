package soaktune.rules.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.base.rule.RuleConditionElement;
import org.drools.base.rule.constraint.Constraint;
import org.drools.mvel.MVELConstraint;
import org.kie.api.KieBase;
import org.kie.api.runtime.rule.Match;
import soaktune.model.MetricName;
import soaktune.model.Metrics;

/**
 * Describes what a firing matched, for the explanation: model facts as text, with a Metrics fact cut down
 * to the metrics the rule's conditions read ({@code Metrics(cancel_ratio=0.7)}), plus the values the rule
 * bound ({@code $failing=4}). Engine-internal objects are left out.
 */
final class FactText {
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w$.])([a-z][A-Za-z0-9]*)");

    private FactText() {
    }

    /**
     * What each rule's conditions read, worked out once per rule of a rule base (walking a rule's conditions
     * costs more than the rest of describing a firing). Keyed by the rule base itself (by identity: a reloaded
     * base with same-named rules is another key), weakly, so entries go with the base.
     */
    private static final Map<KieBase, Map<String, Set<MetricName>>> READ =
            Collections.synchronizedMap(new WeakHashMap<>());

    /** The per-rule memo for one rule base; hand it to {@link #describe} for each firing. */
    static Map<String, Set<MetricName>> memo(KieBase base) {
        return READ.computeIfAbsent(base, b -> new ConcurrentHashMap<>());
    }

    static List<String> describe(Match match, Map<String, Set<MetricName>> memo) {
        org.kie.api.definition.rule.Rule rule = match.getRule();
        Set<MetricName> read = memo.computeIfAbsent(rule.getPackageName() + "." + rule.getName(),
                k -> metricsRead(rule));
        List<String> out = new ArrayList<>();
        for (Object o : match.getObjects()) {
            if (o instanceof Metrics m) {
                out.add(metrics(m, read));
            } else if (o != null && o.getClass().getName().startsWith("soaktune.model.")) {
                out.add(String.valueOf(o));
            }
        }
        for (String id : match.getDeclarationIds()) {
            Object v = match.getDeclarationValue(id);
            if (v instanceof Number || v instanceof String || v instanceof Boolean) {
                out.add(id + "=" + v);
            }
        }
        return out;
    }

    private static String metrics(Metrics m, Set<MetricName> read) {
        if (read.isEmpty()) {
            return m.toString();
        }
        return read.stream().map(name -> name.key() + "=" + m.find(name).map(String::valueOf).orElse("missing"))
                .collect(Collectors.joining(" ", "Metrics(", ")"));
    }

    /** Metrics named in the conditions of the rule's Metrics patterns; empty if that cannot be told. */
    static Set<MetricName> metricsRead(org.kie.api.definition.rule.Rule rule) {
        Set<MetricName> out = new TreeSet<>();
        try {
            if (rule instanceof RuleImpl impl) {
                collect(impl.getLhs(), out);
            }
        } catch (RuntimeException | LinkageError e) {
            out.clear(); // engine internals changed: show the whole fact instead
        }
        return Collections.unmodifiableSet(out);
    }

    private static void collect(RuleConditionElement e, Set<MetricName> out) {
        if (e instanceof org.drools.base.rule.Pattern p && p.getObjectType() != null
                && p.getObjectType().getClassName().equals(Metrics.class.getName())) {
            for (Constraint c : p.getConstraints()) {
                if (c instanceof MVELConstraint mvel) {
                    Matcher m = IDENTIFIER.matcher(mvel.getExpression());
                    while (m.find()) {
                        MetricName.fromKey(ThresholdDrift.snake(m.group(1))).ifPresent(out::add);
                    }
                }
            }
        }
        for (RuleConditionElement child : e.getNestedElements()) {
            collect(child, out);
        }
    }
}
