package soaktune.rules.sandbox;

import java.util.Arrays;
import java.util.stream.IntStream;

/** 1-based line and column of offsets in one rule file's text. */
public final class SourcePositions {
    private final String text;
    private final int[] lineStarts;

    public SourcePositions(String text) {
        this.text = text;
        this.lineStarts = IntStream.concat(IntStream.of(0),
                IntStream.range(0, text.length()).filter(i -> text.charAt(i) == '\n').map(i -> i + 1)).toArray();
    }

    public int line(int offset) {
        // Line starts strictly increase: a hit starts its line, a miss lies on the line before the insertion point.
        int i = Arrays.binarySearch(lineStarts, Math.max(offset, 0));
        return i >= 0 ? i + 1 : -i - 1;
    }

    /** Offset of the start of a 1-based line; the end of the text past the last line. */
    int lineStart(int line) {
        return line <= lineStarts.length ? lineStarts[Math.max(line, 1) - 1] : text.length();
    }

    public int column(int offset) {
        return offset - lineStarts[line(offset) - 1] + 1;
    }

    /** Column of the first non-blank character of a 1-based line (1 when the line is blank or absent). */
    int firstCodeColumn(int line) {
        if (line < 1 || line > lineStarts.length) {
            return 1;
        }
        int i = lineStarts[line - 1];
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return i - lineStarts[line - 1] + 1;
    }

    /** Offset of {@code needle} at or after {@code from}, or {@code from} when it cannot be found. */
    int find(String needle, int from) {
        int at = from < 0 ? -1 : text.indexOf(needle, from);
        return at < 0 ? Math.max(from, 0) : at;
    }
}
