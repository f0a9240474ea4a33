package soaktune.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Percentiles are computed from the samples by linear interpolation between closest ranks. */
final class DoubleSamplesTest {
    @Test
    void quantile_interpolatesBetweenRanks() {
        DoubleSamples s = new DoubleSamples(4);
        for (double v : new double[] {50, 10, 40, 20, 30}) {
            s.add(v);
        }
        // sorted 10 20 30 40 50; q=0.95 -> position 0.95 x 4 = 3.8 -> 40 + 0.8 x (50 - 40) = 48
        assertThat(s.quantile(0.95)).isEqualTo(48.0);
        // q=0.5 -> position 2 -> 30; q=0.05 -> position 0.2 -> 10 + 0.2 x 10 = 12
        assertThat(s.quantile(0.5)).isEqualTo(30.0);
        assertThat(s.quantile(0.05)).isEqualTo(12.0);
        assertThat(s.mean()).isEqualTo(30.0);
    }

    @Test
    void quantile_ofNoSamplesIsZero_andGrowsPastCapacity() {
        DoubleSamples s = new DoubleSamples(16);
        assertThat(s.quantile(0.95)).isZero();
        for (int i = 1; i <= 1000; i++) {
            s.add(i);
        }
        assertThat(s.size()).isEqualTo(1000);
        // position 0.95 x 999 = 949.05 -> 950 + 0.05 = 950.05
        assertThat(s.quantile(0.95)).isCloseTo(950.05, org.assertj.core.data.Offset.offset(1e-9));
    }
}
