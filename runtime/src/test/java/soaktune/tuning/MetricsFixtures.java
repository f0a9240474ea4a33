package soaktune.tuning;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import soaktune.io.InputException;
import soaktune.io.ProfileLoader;
import soaktune.model.MetricName;
import soaktune.model.Metrics;
import soaktune.model.Profile;
import soaktune.rules.RulesException;
import soaktune.rules.engine.RuleSetLoader;

/** Metrics for tests: healthy by default (no trigger row fires), with single values overridden. */
public final class MetricsFixtures {
    private final Map<MetricName, Double> values = new EnumMap<>(MetricName.class);

    private MetricsFixtures() {
        values.put(MetricName.NET_BPS, 3.0);
        values.put(MetricName.GROSS_BPS, 4.0);
        values.put(MetricName.ADVERSE_BPS_P95, 2.0);
        values.put(MetricName.SLIPPAGE_BPS_P95, 1.0);
        values.put(MetricName.FEES_EFF_BPS, -0.5);
        values.put(MetricName.INVENTORY_BPS, -0.5);
        values.put(MetricName.ORDER_AGE_P95_MS, 250.0);
        values.put(MetricName.WS_LAG_P95_MS, 80.0);
        values.put(MetricName.REPLACE_RATIO, 0.3);
        values.put(MetricName.CANCEL_RATIO, 0.4);
        values.put(MetricName.MAKER_SHARE_PCT, 92.0);
        values.put(MetricName.FILLS, 500.0);
    }

    /** A tuner on a shipped rule set ("rules/v1"); a set that does not load fails the test that asked. */
    public static Tuner tuner(String rulesDir) {
        try {
            return new Tuner(RuleSetLoader.load(Path.of(rulesDir)));
        } catch (InputException | RulesException e) {
            throw new IllegalStateException(rulesDir + " does not load: " + e.getMessage(), e);
        }
    }

    /** The built-in S1 profile. */
    public static Profile s1() {
        try {
            return ProfileLoader.load("S1", "test");
        } catch (InputException e) {
            throw new IllegalStateException(e);
        }
    }

    public static MetricsFixtures healthy() {
        return new MetricsFixtures();
    }

    public MetricsFixtures with(MetricName name, double value) {
        values.put(name, value);
        return this;
    }

    public MetricsFixtures without(MetricName name) {
        values.remove(name);
        return this;
    }

    public Metrics build() {
        return new Metrics(values, Map.of("min_interval", 0.1, "concurrency", 0.0, "risk", 0.0, "throttle", 0.0));
    }
}
