package soaktune.tuning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import soaktune.model.Adjustment;
import soaktune.model.Limits;
import soaktune.model.MetricName;
import soaktune.model.Metrics;
import soaktune.model.Overrides;
import soaktune.model.Profile;
import soaktune.model.TunableField;
import soaktune.model.Trigger;

/**
 * Safety properties of the real v1 rules, for any metrics and any current overrides (including values far
 * outside the limits): the output stays within limits, no field changes more than twice, the spread moves
 * by at most 0.1, and under the multi-fail guard every change is a calming one.
 */
final class TunerProperties {
    private static final Tuner tuner = MetricsFixtures.tuner("rules/v1");
    private static final Profile profile = MetricsFixtures.s1();
    private static final Limits limits = tuner.ruleSet().limits();

    @Property(tries = 3000)
    void decisionsAreAlwaysSafe(@ForAll("metrics") Metrics metrics, @ForAll("overrides") Overrides current) {
        Decision d = tuner.decide(metrics, current, profile, 1, "2025-01-01T00:00:00Z", List.of());

        for (TunableField f : TunableField.values()) {
            double after = d.after().get(f).orElseThrow();
            assertThat(limits.of(f).contains(after)).as("%s=%s within limits", f.key(), after).isTrue();
            long changes = d.adjustments().stream().filter(a -> a.field() == f).count();
            assertThat(changes).as("changes to %s", f.key()).isLessThanOrEqualTo(2);
        }
        double spreadMove = Math.abs(d.after().get(TunableField.BASE_SPREAD_BPS_DELTA).orElseThrow()
                - d.before().get(TunableField.BASE_SPREAD_BPS_DELTA).orElseThrow());
        assertThat(spreadMove).isLessThanOrEqualTo(0.1 + 1e-9);

        long failing = d.outcome().triggers().stream().filter(Trigger::failure).count();
        assertThat(d.outcome().guardFired("multi_fail_guard")).isEqualTo(failing >= 3);
        if (failing >= 3) {
            for (Adjustment a : d.adjustments()) {
                boolean calming = switch (a.field()) {
                    case BASE_SPREAD_BPS_DELTA, MIN_INTERVAL_MS -> a.to() > a.from();
                    case REPLACE_RATE_PER_MIN -> a.to() < a.from();
                    default -> false;
                };
                assertThat(calming).as("calming: %s", a).isTrue();
            }
        }
    }

    @Provide
    Arbitrary<Metrics> metrics() {
        // Values cluster around the thresholds (where decisions flip) and also span wide ranges.
        Arbitrary<Double> cancel = Arbitraries.oneOf(Arbitraries.doubles().between(0, 1),
                Arbitraries.of(0.55, 0.5500001, 0.0, 1.0));
        Arbitrary<Double> adverse = Arbitraries.oneOf(Arbitraries.doubles().between(-20, 50), Arbitraries.of(4.0, 4.0000001));
        Arbitrary<Double> slippage = Arbitraries.oneOf(Arbitraries.doubles().between(-20, 50), Arbitraries.of(3.0, 3.0000001));
        Arbitrary<Double> age = Arbitraries.oneOf(Arbitraries.doubles().between(0, 5000), Arbitraries.of(330.0, 330.0001));
        Arbitrary<Double> lag = Arbitraries.oneOf(Arbitraries.doubles().between(0, 2000), Arbitraries.of(120.0, 120.0001));
        Arbitrary<Double> net = Arbitraries.oneOf(Arbitraries.doubles().between(-50, 50), Arbitraries.of(2.5, 2.4999999));
        return Combinators.combine(cancel, adverse, slippage, age, lag, net).as((c, a, s, o, w, n) -> {
            Map<MetricName, Double> v = new EnumMap<>(MetricName.class);
            v.put(MetricName.CANCEL_RATIO, c);
            v.put(MetricName.ADVERSE_BPS_P95, a);
            v.put(MetricName.SLIPPAGE_BPS_P95, s);
            v.put(MetricName.ORDER_AGE_P95_MS, o);
            v.put(MetricName.WS_LAG_P95_MS, w);
            v.put(MetricName.NET_BPS, n);
            return new Metrics(v, Map.of());
        });
    }

    @Provide
    Arbitrary<Overrides> overrides() {
        Arbitrary<Double> any = Arbitraries.oneOf(Arbitraries.doubles().between(-1000, 5000),
                Arbitraries.doubles().between(0, 1));
        return Arbitraries.maps(Arbitraries.of(TunableField.class), any).ofMaxSize(5).map(Overrides::new);
    }
}
