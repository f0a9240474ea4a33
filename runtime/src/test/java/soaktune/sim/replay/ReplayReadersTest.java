package soaktune.sim.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;
import soaktune.io.InputException;

/** The CSV readers on tiny files: what loads, and every bad file as one error naming the file and the line. */
final class ReplayReadersTest {
    static final String QUOTES_HEADER = "local_ts_ns,update_id,best_bid_price,best_bid_qty,best_ask_price,best_ask_qty\n";
    static final String TRADES_HEADER = "local_ts_ns,trade_id,price,qty,trade_time_ms,event_time_ms,is_buyer_maker\n";

    @TempDir
    Path dir;

    private Path write(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }

    /** Quotes or trades, by the file's name. */
    private static Object load(Path file) throws InputException {
        return file.getFileName().toString().contains("bookTicker") ? MarketData.readQuotes(file)
                : MarketData.readTrades(file);
    }

    @Test
    void quotes_loadInOrder_andGzipIsRead() throws Exception {
        Path f = dir.resolve("x_bookTicker.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(f))) {
            out.write((QUOTES_HEADER + "1000,1,100.00,2.0,100.02,3.0\n1000,2,100.01,1.0,100.03,1.5\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        Quotes q = MarketData.readQuotes(f);
        assertThat(q.size()).isEqualTo(2);
        assertThat(q.mid(0)).isCloseTo(100.01, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(q.askQty()[1]).isEqualTo(1.5);
    }

    @Test
    void trades_sideComesFromIsBuyerMaker() throws Exception {
        Path f = write("x_trades.csv", TRADES_HEADER + "5,1,100.0,0.5,6,6,true\n6,2,100.1,0.2,7,7,false\n");
        Trades t = MarketData.readTrades(f);
        assertThat(t.buyerAggressor()).containsExactly(false, true);
        assertThat(t.qty()[0]).isEqualTo(0.5);
    }

    /** Files that fail with one exact error: file, line where there is one, and what is wrong. */
    static Stream<Arguments> badFiles() {
        return Stream.of(
                Arguments.of("q_bookTicker.csv", QUOTES_HEADER + "2000,1,100,1,101,1\n1999,2,100,1,101,1\n",
                        "line 3: rows out of time order: local_ts_ns 1999 is before 2000 on line 2"),
                Arguments.of("q_bookTicker.csv", QUOTES_HEADER + "1,1,100,1,101,1\n2,2,101.5,1,101.5,1\n",
                        "line 3: crossed quote: best_bid_price 101.5 is not below best_ask_price 101.5"),
                Arguments.of("h_trades.csv", TRADES_HEADER, "has a header but no data rows"),
                Arguments.of("n_trades.csv", TRADES_HEADER + "5,1,abc,0.5,6,6,true\n",
                        "line 2: price must be a number, got 'abc'"),
                Arguments.of("b_trades.csv", TRADES_HEADER + "5,1,100,0.5,6,6,yes\n",
                        "line 2: is_buyer_maker must be true or false, got 'yes'"),
                Arguments.of("m_bookTicker.csv", QUOTES_HEADER + "1,1,-100,1,101,1\n",
                        "line 2: best_bid_price must be a positive number, got '-100'"));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("badFiles")
    void badFile_isOneErrorNamingTheFile(String name, String text, String problem) throws Exception {
        Path f = write(name, text);
        assertThatThrownBy(() -> load(f)).isInstanceOf(InputException.class).hasMessage(f + ": " + problem);
    }

    @Test
    void emptyFile_andWrongColumnCount_areErrors() throws Exception {
        Path empty = write("e_trades.csv", "");
        assertThatThrownBy(() -> MarketData.readTrades(empty))
                .isInstanceOf(InputException.class).hasMessageStartingWith(empty + ": is empty");
        Path columns = write("c_trades.csv", TRADES_HEADER + "5,1,100,0.5,6,true\n");
        assertThatThrownBy(() -> MarketData.readTrades(columns))
                .hasMessageStartingWith(columns + ": line 2: expected 7 columns");
    }

    @Test
    void wrongHeader_isAnError() throws Exception {
        Path f = write("w_bookTicker.csv", "ts,id,bid,bq,ask,aq\n1,1,100,1,101,1\n");
        assertThatThrownBy(() -> MarketData.readQuotes(f))
                .hasMessageStartingWith(f + ": line 1: header must be local_ts_ns,update_id,");
    }

    @Test
    void corruptGzip_isAnError() throws Exception {
        Path f = dir.resolve("z_bookTicker.csv.gz");
        Files.write(f, new byte[] {0x1f, (byte) 0x8b, 8, 0, 1, 2, 3});
        assertThatThrownBy(() -> MarketData.readQuotes(f))
                .isInstanceOf(InputException.class).hasMessageContaining("not a readable gzip file");
    }

    @Test
    void captureShorterThanASecond_isAnError() throws Exception {
        Path q = write("a_bookTicker.csv", QUOTES_HEADER + "1,1,100,1,101,1\n500000000,2,100,1,101,1\n");
        write("a_trades.csv", TRADES_HEADER + "5,1,100,0.5,6,6,true\n");
        assertThatThrownBy(() -> MarketData.load(dir))
                .isInstanceOf(InputException.class)
                .hasMessage(q + ": covers 0.500 s of market time from first to last quote; a replay needs at least 1 s");
    }

    @Test
    void folder_needsExactlyOneQuotesAndOneTradesFile() throws Exception {
        write("a_bookTicker.csv", QUOTES_HEADER + "1,1,100,1,101,1\n");
        assertThatThrownBy(() -> MarketData.load(dir))
                .isInstanceOf(InputException.class).hasMessageContaining("no trades file");
        write("a_trades.csv", TRADES_HEADER + "5,1,100,0.5,6,6,true\n");
        write("b_trades.csv.gz", "");
        assertThatThrownBy(() -> MarketData.load(dir))
                .isInstanceOf(InputException.class).hasMessageContaining("more than one trades file");
        assertThatThrownBy(() -> MarketData.load(dir.resolve("missing")))
                .isInstanceOf(InputException.class).hasMessageContaining("is not a folder");
    }
}
