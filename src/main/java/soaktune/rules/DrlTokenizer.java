package soaktune.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits DRL text into {@link DrlToken}s the way both the DRL parser and the Java compiler see it: {@code //}
 * and {@code /* *}{@code /} comments, {@code "..."} and {@code '...'} literals with backslash escapes.
 *
 * <p>The safety lint depends on this split being exact: if the lint took code for a comment or a string,
 * forbidden code could hide there. So anything where DRL, MVEL and Java might disagree about what is code
 * is reported as a problem instead of guessed: unicode escapes (Java decodes {@code \u0022} before it
 * lexes, so it can end a string early), string literals spanning lines, text blocks and {@code #} comments.
 */
public final class DrlTokenizer {
    /** The tokens, plus the spots the lexer refused to guess about. */
    public record Result(List<DrlToken> tokens, List<Ambiguity> ambiguities) {
    }

    /** A construct the lint will not interpret; the caller reports it as an error. */
    public record Ambiguity(int line, int column, String message) {
    }

    private final String text;
    private final List<DrlToken> tokens = new ArrayList<>();
    private final List<Ambiguity> ambiguities = new ArrayList<>();
    private int pos;
    private int line = 1;
    private int lineStart;

    private DrlTokenizer(String text) {
        this.text = text;
    }

    public static Result tokenize(String text) {
        DrlTokenizer t = new DrlTokenizer(text);
        t.run();
        return new Result(List.copyOf(t.tokens), List.copyOf(t.ambiguities));
    }

    private void run() {
        reportUnicodeEscapes();
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '\n') {
                newline(pos + 1);
                pos++;
            } else if (Character.isWhitespace(c)) {
                pos++;
            } else if (c == '/' && peek(1) == '/') {
                skipLineComment();
            } else if (c == '/' && peek(1) == '*') {
                skipBlockComment();
            } else if (c == '#') {
                ambiguity(pos, "'#' is not allowed outside strings (DRL may read it as a comment, Java does not);"
                        + " use // for comments");
                skipLineComment();
            } else if (c == '"' || c == '\'') {
                string(c);
            } else if (Character.isJavaIdentifierStart(c)) {
                identifier();
            } else if (Character.isDigit(c) || (c == '.' && Character.isDigit(peek(1)))) {
                number();
            } else {
                symbol();
            }
        }
    }

    private void reportUnicodeEscapes() {
        for (int i = text.indexOf("\\u"); i >= 0; i = text.indexOf("\\u", i + 2)) {
            int[] lc = lineColumn(i);
            ambiguities.add(new Ambiguity(lc[0], lc[1], "unicode escapes (\\uXXXX) are not allowed in rule files:"
                    + " Java decodes them before reading the code, so they can hide code; write the character itself"));
        }
    }

    private void skipLineComment() {
        while (pos < text.length() && text.charAt(pos) != '\n') {
            pos++;
        }
    }

    private void skipBlockComment() {
        int start = pos;
        pos += 2;
        while (pos < text.length() && !(text.charAt(pos) == '*' && peek(1) == '/')) {
            if (text.charAt(pos) == '\n') {
                newline(pos + 1);
            }
            pos++;
        }
        if (pos >= text.length()) {
            ambiguity(start, "comment is never closed (missing */)");
            return;
        }
        pos += 2;
    }

    private void string(char quote) {
        int start = pos;
        int startLine = line;
        int startColumn = pos - lineStart + 1;
        if (quote == '"' && text.startsWith("\"\"\"", pos)) {
            ambiguity(start, "text blocks (\"\"\") are not allowed in rule files; use a one-line string");
        }
        StringBuilder value = new StringBuilder();
        pos++;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '\\' && pos + 1 < text.length()) {
                value.append(c).append(text.charAt(pos + 1));
                pos += 2;
                continue;
            }
            if (c == quote) {
                pos++;
                tokens.add(new DrlToken(DrlToken.Kind.STRING, value.toString(), startLine, startColumn, start));
                return;
            }
            if (c == '\n') {
                ambiguity(start, "string literal runs past the end of the line (missing closing " + quote + ")");
                newline(pos + 1);
            }
            value.append(c);
            pos++;
        }
        ambiguity(start, "string literal is never closed (missing " + quote + ")");
    }

    private void identifier() {
        int start = pos;
        while (pos < text.length() && Character.isJavaIdentifierPart(text.charAt(pos))) {
            pos++;
        }
        add(DrlToken.Kind.IDENTIFIER, start);
    }

    private void number() {
        int start = pos;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            boolean exponentSign = (c == '+' || c == '-') && pos > start
                    && (text.charAt(pos - 1) == 'e' || text.charAt(pos - 1) == 'E')
                    && !text.substring(start, pos).toLowerCase().startsWith("0x");
            if (Character.isLetterOrDigit(c) || c == '.' || c == '_' || exponentSign) {
                pos++;
            } else {
                break;
            }
        }
        add(DrlToken.Kind.NUMBER, start);
    }

    private void symbol() {
        int start = pos;
        // Two-character operators the checks care about; everything else is one character.
        for (String op : new String[] {"::", "?.", "==", "!=", "<=", ">=", "&&", "||"}) {
            if (text.startsWith(op, pos)) {
                pos += 2;
                add(DrlToken.Kind.SYMBOL, start);
                return;
            }
        }
        pos++;
        add(DrlToken.Kind.SYMBOL, start);
    }

    private void add(DrlToken.Kind kind, int start) {
        tokens.add(new DrlToken(kind, text.substring(start, pos), line, start - lineStart + 1, start));
    }

    private void ambiguity(int at, String message) {
        int[] lc = lineColumn(at);
        ambiguities.add(new Ambiguity(lc[0], lc[1], message));
    }

    private void newline(int nextLineStart) {
        line++;
        lineStart = nextLineStart;
    }

    private char peek(int ahead) {
        int i = pos + ahead;
        return i < text.length() ? text.charAt(i) : '\0';
    }

    /** 1-based line and column of a character offset (computed directly: used only for rare problems). */
    private int[] lineColumn(int offset) {
        int l = 1;
        int ls = 0;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                l++;
                ls = i + 1;
            }
        }
        return new int[] {l, offset - ls + 1};
    }
}
