package soaktune.rules.lint;

/**
 * One lexical token of a DRL file. Comments are dropped; string literals are kept as one token (their text
 * without quotes) so checks can read a literal argument such as a proposal's field name but never mistake
 * its content for code. Lines and columns are 1-based; {@code offset} is the 0-based character index.
 */
public record DrlToken(Kind kind, String text, int line, int column, int offset) {
    public enum Kind { IDENTIFIER, NUMBER, STRING, SYMBOL }

    public boolean is(Kind k, String t) {
        return kind == k && text.equals(t);
    }

    public boolean isSymbol(String t) {
        return is(Kind.SYMBOL, t);
    }

    public boolean isIdentifier() {
        return kind == Kind.IDENTIFIER;
    }
}
