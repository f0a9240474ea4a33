package soaktune.rules;

/** One compile or lint problem in a rule file, printed as {@code file:line:col: message} for editors. */
public record RuleProblem(String file, int line, int column, Severity severity, String message) {
    public enum Severity { ERROR, WARNING }

    public static RuleProblem error(String file, int line, int column, String message) {
        return new RuleProblem(file, line, column, Severity.ERROR, message);
    }

    public static RuleProblem warning(String file, int line, int column, String message) {
        return new RuleProblem(file, line, column, Severity.WARNING, message);
    }

    /** Editor-jumpable form; line and column are 1-based, 0 when unknown. */
    public String render() {
        String where = line > 0 ? file + ":" + line + (column > 0 ? ":" + column : "") : file;
        String kind = severity == Severity.WARNING ? "warning: " : "";
        return where + ": " + kind + message.replaceAll("\\s+", " ").trim();
    }
}
