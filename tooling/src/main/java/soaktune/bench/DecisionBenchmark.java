package soaktune.bench;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import soaktune.io.ProfileLoader;
import soaktune.model.IterationContext;
import soaktune.model.MetricName;
import soaktune.model.Metrics;
import soaktune.model.Overrides;
import soaktune.model.Profile;
import soaktune.rules.engine.RuleEngine;
import soaktune.rules.RuleOutcome;
import soaktune.rules.engine.RuleSet;
import soaktune.rules.engine.RuleBaseCache;
import soaktune.rules.engine.RuleSetLoader;
import soaktune.rules.engine.RuleSource;
import soaktune.tuning.Tuner;
import soaktune.tuning.TuningMemory;
import soaktune.tuning.TuningStep;

/**
 * One decision on the v1 rules, warm: the whole {@link Tuner} decision (current values, the rules in a clean
 * session with the explanation recorded, the limit clamp) and the rules alone, each next to the same logic as
 * plain Java ({@link PlainV1}), side by side in one run. Scenarios: healthy metrics (no row fires), one
 * row, and three rows (the multi-fail guard and the calming-only drop).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class DecisionBenchmark {
    @Param({"healthy", "one_row", "multi_fail"})
    public String scenario;

    /** The rules folder (set by {@code bench decision --rules}). */
    @Param({"rules/v1"})
    public String rules;

    private Tuner tuner;
    private RuleSet ruleSet;
    private Profile profile;
    private Metrics metrics;
    private Overrides overrides;
    private TuningStep step;

    @Setup
    public void setUp() throws Exception {
        ruleSet = RuleSetLoader.load(RuleSource.resolve(rules), RuleBaseCache.disabled());
        tuner = new Tuner(ruleSet);
        profile = ProfileLoader.load("S1", "bench");
        metrics = metrics(scenario);
        overrides = Overrides.empty();
        step = new TuningStep(metrics, overrides, profile, TuningMemory.empty(), 1, 0);
    }

    /** Metrics for a scenario; the values are the shipped regression scenarios' kind. */
    public static Metrics metrics(String scenario) {
        Map<MetricName, Double> v = new EnumMap<>(Map.ofEntries(Map.entry(MetricName.NET_BPS, 3.0),
                Map.entry(MetricName.GROSS_BPS, 4.0), Map.entry(MetricName.ADVERSE_BPS_P95, 2.0),
                Map.entry(MetricName.SLIPPAGE_BPS_P95, 1.0), Map.entry(MetricName.FEES_EFF_BPS, -0.5),
                Map.entry(MetricName.INVENTORY_BPS, -0.5), Map.entry(MetricName.ORDER_AGE_P95_MS, 250.0),
                Map.entry(MetricName.WS_LAG_P95_MS, 80.0), Map.entry(MetricName.REPLACE_RATIO, 0.3),
                Map.entry(MetricName.CANCEL_RATIO, 0.4), Map.entry(MetricName.MAKER_SHARE_PCT, 92.0),
                Map.entry(MetricName.FILLS, 500.0)));
        switch (scenario) {
            case "healthy" -> { }
            case "one_row" -> v.put(MetricName.CANCEL_RATIO, 0.6);
            case "multi_fail" -> {
                v.put(MetricName.CANCEL_RATIO, 0.6);
                v.put(MetricName.ADVERSE_BPS_P95, 4.6);
                v.put(MetricName.ORDER_AGE_P95_MS, 340.0);
            }
            default -> throw new IllegalArgumentException("unknown scenario " + scenario);
        }
        return new Metrics(v, Map.of());
    }

    /** The decision as tune, run and serve make it. */
    @Benchmark
    public TuningStep.Result droolsDecision() {
        return step.take(tuner, "2025-10-12T14:00:00Z");
    }

    /** The rule engine alone: new session, insert, fire, collect (with the explanation record). */
    @Benchmark
    public RuleOutcome droolsRulesOnly() {
        return RuleEngine.evaluate(ruleSet, List.of(metrics, new IterationContext(1, 0)));
    }

    /** The same decision as plain Java: the baseline of {@link #droolsDecision}. */
    @Benchmark
    public PlainV1.Outcome plainDecision() {
        return PlainV1.decide(metrics, overrides, profile, ruleSet.limits(), 0, Set.of());
    }

    /** The trigger table and guardrails as plain Java: the baseline of {@link #droolsRulesOnly}. */
    @Benchmark
    public PlainV1.Outcome plainRulesOnly() {
        return PlainV1.rules(metrics, 0, Set.of());
    }
}
