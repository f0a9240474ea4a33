package soaktune.sim.replay;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import soaktune.io.InputException;

/** Binance {@code @bookTicker} rows flattened to CSV (the shared data's columns); crossed quotes are errors. */
final class BookTickerReader extends CsvSource {
    static final List<String> HEADER = List.of("local_ts_ns", "update_id", "best_bid_price", "best_bid_qty",
            "best_ask_price", "best_ask_qty");

    private long[] ns = new long[1 << 16];
    private double[] bid = new double[1 << 16];
    private double[] bidQty = new double[1 << 16];
    private double[] ask = new double[1 << 16];
    private double[] askQty = new double[1 << 16];
    private int size;

    BookTickerReader(Path file) {
        super(file);
    }

    @Override
    protected List<String> header() {
        return HEADER;
    }

    @Override
    protected void row(long line, String[] c) throws InputException {
        if (size == ns.length) {
            int n = size * 2;
            ns = Arrays.copyOf(ns, n);
            bid = Arrays.copyOf(bid, n);
            bidQty = Arrays.copyOf(bidQty, n);
            ask = Arrays.copyOf(ask, n);
            askQty = Arrays.copyOf(askQty, n);
        }
        ns[size] = timestamp(line, "local_ts_ns", c[0]);
        bid[size] = positive(line, "best_bid_price", c[2]);
        bidQty[size] = positive(line, "best_bid_qty", c[3]);
        ask[size] = positive(line, "best_ask_price", c[4]);
        askQty[size] = positive(line, "best_ask_qty", c[5]);
        if (bid[size] >= ask[size]) {
            throw bad(line, "crossed quote: best_bid_price " + c[2] + " is not below best_ask_price " + c[4]);
        }
        size++;
    }

    Quotes load() throws InputException {
        read();
        return new Quotes(Arrays.copyOf(ns, size), Arrays.copyOf(bid, size), Arrays.copyOf(bidQty, size),
                Arrays.copyOf(ask, size), Arrays.copyOf(askQty, size));
    }
}
