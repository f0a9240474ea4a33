package soaktune.sim.replay;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import java.util.stream.DoubleStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import soaktune.io.InputException;

/**
 * A market-data folder loaded for replay: one quotes file ({@code *bookTicker*.csv[.gz]}) and one trades file
 * ({@code *trades*.csv[.gz]}), Binance streams flattened to CSV (the shared data's columns); other files in
 * the folder are ignored.
 */
public record MarketData(Path quotesFile, Quotes quotes, Trades trades) {
    static final List<String> QUOTES_HEADER = List.of("local_ts_ns", "update_id", "best_bid_price", "best_bid_qty",
            "best_ask_price", "best_ask_qty");
    static final List<String> TRADES_HEADER = List.of("local_ts_ns", "trade_id", "price", "qty", "trade_time_ms",
            "event_time_ms", "is_buyer_maker");

    public static MarketData load(Path dir) throws InputException {
        if (!Files.isDirectory(dir)) {
            throw new InputException(dir.toString(), "--market-data", "is not a folder");
        }
        Path quotes = find(dir, "bookTicker", "quotes");
        Path trades = find(dir, "trades", "trades");
        MarketData data = new MarketData(quotes, readQuotes(quotes), readTrades(trades));
        if (data.spanNs() < MIN_SPAN_NS) {
            // Each iteration walks the capture; a capture of no length would wrap forever.
            throw new InputException(quotes.toString(), String.format(java.util.Locale.ROOT,
                    "covers %.3f s of market time from first to last quote; a replay needs at least 1 s",
                    data.spanNs() / 1e9));
        }
        return data;
    }

    static final long MIN_SPAN_NS = 1_000_000_000L;

    /** Market time covered, from the first to the last quote, in nanoseconds. */
    public long spanNs() {
        return quotes.ns()[quotes.size() - 1] - quotes.ns()[0];
    }

    private static Path find(Path dir, String marker, String what) throws InputException {
        List<Path> found;
        try (Stream<Path> files = Files.list(dir)) {
            found = files.filter(Files::isRegularFile).filter(p -> {
                String n = p.getFileName().toString();
                return n.contains(marker) && (n.endsWith(".csv") || n.endsWith(".csv.gz"));
            }).sorted().toList();
        } catch (IOException e) {
            throw new InputException(dir.toString(), "cannot list: " + e.getMessage());
        }
        if (found.isEmpty()) {
            throw new InputException(dir.toString(), "no " + what + " file (*" + marker + "*.csv or *" + marker
                    + "*.csv.gz) in the folder");
        }
        if (found.size() > 1) {
            throw new InputException(dir.toString(), "more than one " + what + " file: " + found.stream()
                    .map(p -> p.getFileName().toString()).toList());
        }
        return found.get(0);
    }

    /** {@code @bookTicker} rows; a crossed quote is an error. */
    static Quotes readQuotes(Path file) throws InputException {
        LongStream.Builder ns = LongStream.builder();
        DoubleStream.Builder bid = DoubleStream.builder();
        DoubleStream.Builder bidQty = DoubleStream.builder();
        DoubleStream.Builder ask = DoubleStream.builder();
        DoubleStream.Builder askQty = DoubleStream.builder();
        CsvSource csv = new CsvSource(file, QUOTES_HEADER);
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

    /** {@code @trade} rows. */
    static Trades readTrades(Path file) throws InputException {
        LongStream.Builder ns = LongStream.builder();
        DoubleStream.Builder price = DoubleStream.builder();
        DoubleStream.Builder qty = DoubleStream.builder();
        BitSet buyerAggressor = new BitSet();
        int[] row = {0};
        CsvSource csv = new CsvSource(file, TRADES_HEADER);
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
