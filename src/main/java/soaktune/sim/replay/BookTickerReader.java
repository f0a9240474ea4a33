package soaktune.sim.replay;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.DoubleStream;
import java.util.stream.LongStream;
import soaktune.io.InputException;

/** Binance {@code @bookTicker} rows flattened to CSV (the shared data's columns); crossed quotes are errors. */
final class BookTickerReader {
    static final List<String> HEADER = List.of("local_ts_ns", "update_id", "best_bid_price", "best_bid_qty",
            "best_ask_price", "best_ask_qty");

    private BookTickerReader() {
    }

    static Quotes load(Path file) throws InputException {
        LongStream.Builder ns = LongStream.builder();
        DoubleStream.Builder bid = DoubleStream.builder();
        DoubleStream.Builder bidQty = DoubleStream.builder();
        DoubleStream.Builder ask = DoubleStream.builder();
        DoubleStream.Builder askQty = DoubleStream.builder();
        CsvSource csv = new CsvSource(file, HEADER);
        csv.read((line, c) -> {
            ns.add(csv.timestamp(line, "local_ts_ns", c[0]));
            double b = csv.positive(line, "best_bid_price", c[2]);
            bidQty.add(csv.positive(line, "best_bid_qty", c[3]));
            double a = csv.positive(line, "best_ask_price", c[4]);
            askQty.add(csv.positive(line, "best_ask_qty", c[5]));
            if (b >= a) {
                throw csv.bad(line, "crossed quote: best_bid_price " + c[2] + " is not below best_ask_price " + c[4]);
            }
            bid.add(b);
            ask.add(a);
        });
        return new Quotes(ns.build().toArray(), bid.build().toArray(), bidQty.build().toArray(),
                ask.build().toArray(), askQty.build().toArray());
    }
}
