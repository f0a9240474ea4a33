package soaktune.sim.replay;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import soaktune.io.InputException;

/**
 * The shared part of every market-data reader: opens a CSV file (gunzipping {@code .gz}), checks the header,
 * hands each row's cells to the reader with its line number, and turns every way a file can be bad into
 * one {@link InputException} naming the file and the line. Rows are parsed with Jackson's CSV parser.
 */
final class CsvSource {
    /** Each row as the array of its cells. */
    private static final ObjectReader ROWS = new CsvMapper().readerFor(String[].class)
            .with(CsvParser.Feature.WRAP_AS_ARRAY);

    /** One data row; {@code line} is its 1-based line number in the file (the header is line 1). */
    interface Row {
        void accept(long line, String[] cells) throws InputException;
    }

    private final Path file;
    private final List<String> header;
    private long lastNs = Long.MIN_VALUE;
    private long lastNsLine;

    /** A source of {@code file}, whose header must be exactly {@code header}. */
    CsvSource(Path file, List<String> header) {
        this.file = file;
        this.header = header;
    }

    /** Reads the whole file, handing each data row to {@code row}; returns the number of data rows. */
    long read(Row row) throws InputException {
        long rows = 0;
        try (Reader reader = open(); MappingIterator<String[]> it = ROWS.readValues(reader)) {
            while (it.hasNextValue()) {
                long line = it.getParser().currentLocation().getLineNr(); // the row's start: read before it is
                String[] cells = it.nextValue();
                if (cells.length == 1 && cells[0].isEmpty()) {
                    continue; // a blank line
                }
                if (cells.length != header.size()) {
                    throw bad(line, "expected " + header.size() + " columns (" + String.join(",", header) + "), got "
                            + cells.length);
                }
                if (rows == 0) {
                    checkHeader(line, cells); // the first non-blank row is the header
                } else {
                    row.accept(line, cells);
                }
                rows++;
            }
            if (rows == 0) {
                throw new InputException(file.toString(), "is empty, expected a header line "
                        + String.join(",", header));
            }
            if (rows == 1) {
                throw new InputException(file.toString(), "has a header but no data rows");
            }
            return rows - 1;
        } catch (NoSuchFileException e) {
            throw new InputException(file.toString(), "no such file");
        } catch (ZipException | EOFException e) {
            throw new InputException(file.toString(), "is not a readable gzip file (" + e.getMessage() + ")");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw bad(line, "malformed CSV: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InputException(file.toString(), "cannot read: " + e.getMessage());
        }
    }

    private void checkHeader(long line, String[] cells) throws InputException {
        if (!header.equals(Arrays.stream(cells).map(String::strip).toList())) {
            throw bad(line, "header must be " + String.join(",", header) + ", got " + String.join(",", cells));
        }
    }

    private Reader open() throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        if (file.getFileName().toString().endsWith(".gz")) {
            in = new GZIPInputStream(in, 1 << 16);
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }

    InputException bad(long line, String problem) {
        return new InputException(file.toString(), "line " + line, problem);
    }

    /** Receive times must not go backwards: every source is replayed in receive order. */
    long timestamp(long line, String column, String text) throws InputException {
        long ns = parse(line, column, text, "an integer", Long::parseLong);
        if (ns < lastNs) {
            throw bad(line, "rows out of time order: " + column + " " + ns + " is before " + lastNs + " on line "
                    + lastNsLine);
        }
        lastNs = ns;
        lastNsLine = line;
        return ns;
    }

    double positive(long line, String column, String text) throws InputException {
        double v = parse(line, column, text, "a number", Double::parseDouble);
        if (!(v > 0) || Double.isInfinite(v)) {
            throw bad(line, column + " must be a positive number, got '" + text + "'");
        }
        return v;
    }

    boolean bool(long line, String column, String text) throws InputException {
        return switch (text.strip()) {
            case "true", "True", "TRUE" -> true;
            case "false", "False", "FALSE" -> false;
            default -> throw bad(line, column + " must be true or false, got '" + text + "'");
        };
    }

    private <T> T parse(long line, String column, String text, String kind, Function<String, T> parser)
            throws InputException {
        try {
            return parser.apply(text.strip());
        } catch (NumberFormatException e) {
            throw bad(line, column + " must be " + kind + ", got '" + text + "'");
        }
    }
}
