package soaktune.sim.replay;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import soaktune.io.InputException;

/**
 * A market-data folder loaded for replay: one quotes file ({@code *bookTicker*.csv[.gz]}) and one trades file
 * ({@code *trades*.csv[.gz]}); other files in the folder are ignored.
 */
public record MarketData(Path dir, Path quotesFile, Path tradesFile, Quotes quotes, Trades trades) {

    public static MarketData load(Path dir) throws InputException {
        if (!Files.isDirectory(dir)) {
            throw new InputException(dir.toString(), "--market-data", "is not a folder");
        }
        Path quotes = find(dir, "bookTicker", "quotes");
        Path trades = find(dir, "trades", "trades");
        MarketData data = new MarketData(dir, quotes, trades, BookTickerReader.load(quotes),
                TradesReader.load(trades));
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
}
