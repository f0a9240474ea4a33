package soaktune.io;

/**
 * Bad input: a file, environment variable or value the tool will not use. Carries the source (file path
 * or variable name) and the field, so the one-line message tells the user exactly what to fix.
 */
public final class InputException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String source;
    private final String field;
    private final String problem;

    public InputException(String source, String field, String problem) {
        super(render(source, field, problem));
        this.source = source;
        this.field = field;
        this.problem = problem;
    }

    public InputException(String source, String problem) {
        this(source, null, problem);
    }

    public String source() {
        return source;
    }

    public String field() {
        return field;
    }

    public String problem() {
        return problem;
    }

    private static String render(String source, String field, String problem) {
        return field == null || field.isEmpty() ? source + ": " + problem : source + ": " + field + ": " + problem;
    }
}
