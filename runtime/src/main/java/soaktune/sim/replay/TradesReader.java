package soaktune.sim.replay;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import soaktune.io.InputException;

/** Binance {@code @trade} rows flattened to CSV (the shared data's columns). */
final class TradesReader extends CsvSource {
    static final List<String> HEADER = List.of("local_ts_ns", "trade_id", "price", "qty", "trade_time_ms",
            "event_time_ms", "is_buyer_maker");

    private long[] ns = new long[1 << 15];
    private double[] price = new double[1 << 15];
    private double[] qty = new double[1 << 15];
    private boolean[] buyerAggressor = new boolean[1 << 15];
    private int size;

    TradesReader(Path file) {
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
            price = Arrays.copyOf(price, n);
            qty = Arrays.copyOf(qty, n);
            buyerAggressor = Arrays.copyOf(buyerAggressor, n);
        }
        ns[size] = timestamp(line, "local_ts_ns", c[0]);
        price[size] = positive(line, "price", c[2]);
        qty[size] = positive(line, "qty", c[3]);
        // is_buyer_maker = true: the buyer rested, so the aggressor sold.
        buyerAggressor[size] = !bool(line, "is_buyer_maker", c[6]);
        size++;
    }

    Trades load() throws InputException {
        read();
        return new Trades(Arrays.copyOf(ns, size), Arrays.copyOf(price, size), Arrays.copyOf(qty, size),
                Arrays.copyOf(buyerAggressor, size));
    }
}
