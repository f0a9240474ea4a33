package soaktune.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import soaktune.bench.Percentiles;

final class QuantileTest {
    /** The values R's quantile(type = 7) and NumPy's default give for 1..10. */
    @Test
    void matchesTheR7RuleOnAKnownSample() {
        double[] v = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        assertThat(Quantile.of(v, v.length, 0.5)).isEqualTo(5.5);
        assertThat(Quantile.of(v, v.length, 0.95)).isCloseTo(9.55, within(1e-12));
        assertThat(Quantile.of(v, v.length, 0.0)).isEqualTo(1.0);
        assertThat(Quantile.of(v, v.length, 1.0)).isEqualTo(10.0);
        assertThat(Quantile.of(v, 0, 0.5)).isNaN();
    }

    /** Benchmarks and EDGE_REPORT agree: the bench's percentiles are this definition, whatever the order given. */
    @Property(tries = 200)
    void benchPercentilesAreTheSameDefinition(@ForAll @Size(min = 1, max = 50) double[] values,
            @ForAll @DoubleRange(min = 0, max = 1) double q) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        Percentiles p = new Percentiles(values);
        assertThat(p.at(q)).isEqualTo(Quantile.of(sorted, sorted.length, q));
        assertThat(p.at(q)).isBetween(sorted[0], sorted[sorted.length - 1]);
    }
}
