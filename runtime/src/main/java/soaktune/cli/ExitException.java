package soaktune.cli;

/** A failure that already knows its exit code and its one-line message. */
public final class ExitException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int code;

    public ExitException(int code, String message) {
        super(message);
        this.code = code;
    }

    public int code() {
        return code;
    }
}
