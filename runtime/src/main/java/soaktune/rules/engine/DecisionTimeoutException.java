package soaktune.rules.engine;

import soaktune.rules.RuleEvaluationException;
/** One decision ran past its time budget; names the rule that was running. */
public final class DecisionTimeoutException extends RuleEvaluationException {
    private static final long serialVersionUID = 1L;

    DecisionTimeoutException(String message) {
        super(message, null);
    }
}
