package soaktune.regression;

import com.fasterxml.jackson.core.JsonPointer;

/** A problem at one place of a scenario file, before its line is looked up. */
final class ScenarioException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient JsonPointer at;

    ScenarioException(JsonPointer at, String message) {
        super(message);
        this.at = at;
    }

    JsonPointer at() {
        return at;
    }

    /** "given.metrics.cancel_ratio" for people; pointers are for machines. */
    String field() {
        String s = at.toString();
        return s.isEmpty() ? "" : s.substring(1).replace('/', '.');
    }
}
