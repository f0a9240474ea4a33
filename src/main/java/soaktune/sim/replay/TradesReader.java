package soaktune.sim.replay;

import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import java.util.stream.DoubleStream;
import java.util.stream.LongStream;
import soaktune.io.InputException;

/** Binance {@code @trade} rows flattened to CSV (the shared data's columns). */
final class TradesReader {
    static final List<String> HEADER = List.of("local_ts_ns", "trade_id", "price", "qty", "trade_time_ms",
            "event_time_ms", "is_buyer_maker");

    private TradesReader() {
    }

    static Trades load(Path file) throws InputException {
        LongStream.Builder ns = LongStream.builder();
        DoubleStream.Builder price = DoubleStream.builder();
        DoubleStream.Builder qty = DoubleStream.builder();
        BitSet buyerAggressor = new BitSet();
        int[] row = {0};
        CsvSource csv = new CsvSource(file, HEADER);
        csv.read((line, c) -> {
            ns.add(csv.timestamp(line, "local_ts_ns", c[0]));
            price.add(csv.positive(line, "price", c[2]));
            qty.add(csv.positive(line, "qty", c[3]));
            // is_buyer_maker = true: the buyer rested, so the aggressor sold.
            buyerAggressor.set(row[0]++, !csv.bool(line, "is_buyer_maker", c[6]));
        });
        boolean[] buys = new boolean[row[0]];
        for (int i = 0; i < buys.length; i++) {
            buys[i] = buyerAggressor.get(i);
        }
        return new Trades(ns.build().toArray(), price.build().toArray(), qty.build().toArray(), buys);
    }
}
