package soaktune.rules.sandbox;

/** 1-based line and column of offsets in one rule file's text. */
public final class SourcePositions {
    private final String text;
    private final int[] lineStarts;

    public SourcePositions(String text) {
        this.text = text;
        int lines = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lines++;
            }
        }
        lineStarts = new int[lines];
        int l = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lineStarts[l++] = i + 1;
            }
        }
    }

    public int line(int offset) {
        int lo = 0;
        int hi = lineStarts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (lineStarts[mid] <= offset) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo + 1;
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

    String text() {
        return text;
    }
}
