package soaktune.sim.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import soaktune.sim.event.MarketEvent;

/** Slicing a capture into iterations: order of events, the next slice, wrapping and stopping. */
final class ReplayMarketTest {
    @TempDir
    Path dir;

    /** Quotes every second for 10 s (mid 100 rising 0.01 a second), one trade between each pair of quotes. */
    private MarketData data() throws Exception {
        StringBuilder q = new StringBuilder(ReplayReadersTest.QUOTES_HEADER);
        StringBuilder t = new StringBuilder(ReplayReadersTest.TRADES_HEADER);
        for (int s = 0; s <= 10; s++) {
            double bid = 99.99 + 0.01 * s;
            q.append(s * 1_000_000_000L).append(",").append(s).append(",").append(bid).append(",1,")
                    .append(bid + 0.02).append(",2\n");
            if (s < 10) {
                t.append(s * 1_000_000_000L + 500_000_000L).append(",").append(s).append(",100,0.5,0,0,")
                        .append(s % 2 == 0).append("\n");
            }
        }
        Files.writeString(dir.resolve("t_bookTicker.csv"), q.toString());
        Files.writeString(dir.resolve("t_trades.csv"), t.toString());
        return MarketData.load(dir);
    }

    private static List<String> drain(ReplayMarket m) {
        List<String> out = new ArrayList<>();
        MarketEvent e = new MarketEvent();
        while (m.next(e)) {
            out.add((e.kind == MarketEvent.BOOK ? "B" : e.takerBuys ? "T+" : "T-") + (long) e.timeMs);
        }
        return out;
    }

    @Test
    void slices_followOnAndMerge_quotesAndTrades() throws Exception {
        ReplayMarket m = new ReplayMarket(data(), ReplayEnd.WRAP);
        MarketEvent start = new MarketEvent();
        assertThat(m.begin(3_000, new SplittableRandom(1), start)).isEqualTo(3_000);
        assertThat(start.mid).isCloseTo(100.0, org.assertj.core.data.Offset.offset(1e-9));
        // is_buyer_maker true (even seconds) means the taker sold
        assertThat(drain(m)).containsExactly("T-500", "B1000", "T+1500", "B2000", "T-2500");
        m.begin(3_000, new SplittableRandom(1), start);
        assertThat(start.mid).isCloseTo(100.02, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(drain(m)).containsExactly("B0", "T+500", "B1000", "T-1500", "B2000", "T+2500");
    }

    @Test
    void wrap_continuesTheMidAcrossTheSeam() throws Exception {
        ReplayMarket m = new ReplayMarket(data(), ReplayEnd.WRAP);
        MarketEvent e = new MarketEvent();
        m.begin(12_000, new SplittableRandom(1), e);
        List<Double> mids = new ArrayList<>();
        while (m.next(e)) {
            if (e.kind == MarketEvent.BOOK && e.timeMs >= 9_000) {
                mids.add(e.mid);
            }
        }
        // 9 s: 100.09; 10 s: the last quote, 100.10, then the wrapped first quote rescaled to 100.10;
        // 11 s: the second quote, 100.01 x 100.10 / 100.00.
        assertThat(mids).hasSize(4);
        assertThat(mids.get(0)).isCloseTo(100.09, Offset.offset(1e-9));
        assertThat(mids.get(1)).isCloseTo(100.10, Offset.offset(1e-9));
        assertThat(mids.get(2)).isCloseTo(100.10, Offset.offset(1e-9));
        assertThat(mids.get(3)).isCloseTo(100.01 * 100.10 / 100.00, Offset.offset(1e-9));
        assertThat(m.position().wraps()).isEqualTo(1);
    }

    @Test
    void stop_coversWhatIsLeftThenRefuses() throws Exception {
        ReplayMarket m = new ReplayMarket(data(), ReplayEnd.STOP);
        MarketEvent e = new MarketEvent();
        assertThat(m.begin(6_000, new SplittableRandom(1), e)).isEqualTo(6_000);
        drain(m);
        assertThat(m.begin(6_000, new SplittableRandom(1), e)).isEqualTo(4_000);
        drain(m);
        assertThat(m.exhausted()).isTrue();
        assertThatThrownBy(() -> m.begin(6_000, new SplittableRandom(1), new MarketEvent()))
                .isInstanceOf(IllegalStateException.class);
    }
}
