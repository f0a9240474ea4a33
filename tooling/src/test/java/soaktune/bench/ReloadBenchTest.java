package soaktune.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code bench reload}'s summary compares two different samples, never one with itself. */
final class ReloadBenchTest {
    private static final Percentiles MS = new Percentiles(new double[] {40, 50, 60});

    @Test
    void growthIsFromTheFirstSampleAfterReloadingToTheLast() {
        assertThat(summary(sample(0, 19_000, 26_000), sample(1, 20_000, 30_000), sample(3, 20_100, 30_500)))
                .contains("heap after GC: 20000 kB after 1 reloads -> 20100 kB after 3 (+100 kB); metaspace +500 kB;");
    }

    @Test
    void oneSampleAfterReloading_isNotComparedWithItself() {
        assertThat(summary(sample(0, 19_000, 26_000), sample(3, 20_000, 30_000)))
                .contains("heap after GC: n/a (one sample after reloads); classes unloaded 7");
        assertThat(summary(sample(0, 19_000, 26_000))).contains("heap after GC: n/a (one sample after reloads);");
    }

    private static ReloadBench.Sample sample(int reloads, long heapKb, long metaspaceKb) {
        return new ReloadBench.Sample(reloads, heapKb, metaspaceKb, 5000, 7);
    }

    private static String summary(ReloadBench.Sample... samples) {
        StringWriter text = new StringWriter();
        ReloadBench.summary(new PrintWriter(text), new ReloadBench.Result(List.of(samples), MS, 0));
        return text.toString();
    }
}
