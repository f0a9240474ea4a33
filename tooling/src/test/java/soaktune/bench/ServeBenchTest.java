package soaktune.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code bench serve}'s printed tables: every figure ends where its header does. */
final class ServeBenchTest {
    @Test
    void everyRowsFiguresSitUnderTheirHeaders() {
        Percentiles due = new Percentiles(new double[] {356_127e3, 383_422e3, 400_652e3});
        Percentiles send = new Percentiles(new double[] {16_512e3, 29_983e3, 370_527e3});
        HttpLoad.Result load = new HttpLoad.Result(200, 200, 0, 1.3, due, send, null);
        List<ServeBench.HeapSample> heap = List.of(
                new ServeBench.HeapSample(0, 0, Optional.of(13_630L), Optional.of(120_004L)),
                new ServeBench.HeapSample(60, 60_000, Optional.empty(), Optional.empty()));
        StringWriter text = new StringWriter();
        ServeBench.print(new PrintWriter(text), new ServeBench.Result(load, heap, Optional.empty(), Optional.empty()));
        List<String> lines = text.toString().lines().toList();

        String latency = lines.get(1);
        assertThat(latency).startsWith("latency (us)");
        for (String row : lines.subList(2, 4)) {
            assertThat(row).startsWith("from ");
            assertThat(ends(row, 5)).as(row).isEqualTo(ends(latency, 5));
        }
        String heapHead = lines.get(4);
        assertThat(heapHead).startsWith("at_s ");
        for (String row : lines.subList(5, 7)) {
            assertThat(ends(row, 3)).as(row).isEqualTo(ends(heapHead, 3));
        }
        assertThat(lines.get(6)).endsWith(" n/a          n/a");
    }

    /** Where the last {@code n} space-separated cells of a line end: the right edges of its figure columns. */
    private static List<Integer> ends(String line, int n) {
        List<Integer> ends = new ArrayList<>();
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) != ' ' && (i + 1 == line.length() || line.charAt(i + 1) == ' ')) {
                ends.add(i + 1);
            }
        }
        return ends.subList(ends.size() - n, ends.size());
    }
}
