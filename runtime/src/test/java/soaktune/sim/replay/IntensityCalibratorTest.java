package soaktune.sim.replay;

import static org.assertj.core.api.Assertions.assertThat;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** The fit recovers A and k from trades built to follow P(reach delta) = A exp(-k delta) exactly. */
final class IntensityCalibratorTest {
    @Test
    void fit_recoversAAndK() {
        double a = 0.6;
        double k = 0.8;
        int n = 20_000;
        long[] qns = {0};
        Quotes quotes = new Quotes(qns, new double[] {99.99}, new double[] {1}, new double[] {100.01},
                new double[] {1}); // mid 100 throughout
        long[] ns = new long[n];
        double[] price = new double[n];
        double[] qty = new double[n];
        boolean[] buyer = new boolean[n];
        for (int i = 0; i < n; i++) {
            // The i-th of n survival levels u = (i + 0.5) / n: a trade reaches delta(u) = ln(A / u) / k when
            // u < A, else it stays inside the mid (delta < 0). Then the share reaching delta is A exp(-k delta).
            double u = (i + 0.5) / n;
            double delta = u < a ? Math.log(a / u) / k : -1;
            ns[i] = 2_000_000_000L + i;
            buyer[i] = i % 2 == 0;
            price[i] = buyer[i] ? 100 * (1 + delta * 1e-4) : 100 * (1 - delta * 1e-4);
            qty[i] = 1;
        }
        Calibration c = IntensityCalibrator.fit(quotes, new Trades(ns, price, qty, buyer), 1000, 0.9, 0.3);
        assertThat(c.fitted()).isTrue();
        assertThat(c.a()).isCloseTo(a, Offset.offset(0.02));
        assertThat(c.k()).isCloseTo(k, Offset.offset(0.03));
        assertThat(c.rSquared()).isGreaterThan(0.99);
    }

    @Test
    void tooFewTrades_fallsBackToTheScenario() {
        Quotes quotes = new Quotes(new long[] {0}, new double[] {99.99}, new double[] {1}, new double[] {100.01},
                new double[] {1});
        Trades trades = new Trades(new long[] {5_000_000_000L}, new double[] {100.5}, new double[] {1},
                new boolean[] {true});
        Calibration c = IntensityCalibrator.fit(quotes, trades, 1000, 0.9, 0.3);
        assertThat(c.fitted()).isFalse();
        assertThat(c.a()).isEqualTo(0.9);
        assertThat(c.k()).isEqualTo(0.3);
    }
}
