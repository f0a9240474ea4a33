package soaktune.rules;

/** The rules failed while running (not while compiling): a bad consequence, a runaway loop. */
public class RuleEvaluationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RuleEvaluationException(String message, Throwable cause) {
        super(message, cause);
    }
}
