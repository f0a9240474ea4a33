package soaktune.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A change a trigger rule wants: add {@code requestedDelta} to {@code field}. Guardrail rules then accept,
 * trim or drop it, one step at a time; every step is kept in {@link #actions()} for the audit trail.
 *
 * <p>Mutable on purpose: Drools guardrails react to a proposal's status changing ({@code modify}), and the
 * status is the only thing that changes. Identity, field and the requested delta are fixed.
 */
public final class Proposal {
    public enum Status { PENDING, ACCEPTED, DROPPED }

    private final int seq;
    private final String rule;
    private final String field;
    private final double requestedDelta;
    private final String reason;
    private double delta;
    private Status status = Status.PENDING;
    private final List<GuardAction> actions = new ArrayList<>();

    public Proposal(int seq, String rule, String field, double requestedDelta, String reason) {
        this.seq = seq;
        this.rule = rule;
        this.field = field;
        this.requestedDelta = requestedDelta;
        this.delta = requestedDelta;
        this.reason = reason;
    }

    public int getSeq() {
        return seq;
    }

    public String getRule() {
        return rule;
    }

    public String getField() {
        return field;
    }

    public double getRequestedDelta() {
        return requestedDelta;
    }

    /** The delta as it stands after any trimming. */
    public double getDelta() {
        return delta;
    }

    public String getReason() {
        return reason;
    }

    public Status getStatus() {
        return status;
    }

    public boolean isPending() {
        return status == Status.PENDING;
    }

    public boolean isAccepted() {
        return status == Status.ACCEPTED;
    }

    public List<GuardAction> actions() {
        return Collections.unmodifiableList(actions);
    }

    public void accept(String guard, String why) {
        requirePending(guard);
        actions.add(new GuardAction(guard, GuardAction.Verdict.ACCEPTED, delta, delta, why));
        status = Status.ACCEPTED;
    }

    public void trim(String guard, double newDelta, String why) {
        requirePending(guard);
        actions.add(new GuardAction(guard, GuardAction.Verdict.TRIMMED, delta, newDelta, why));
        delta = newDelta;
    }

    public void drop(String guard, String why) {
        requirePending(guard);
        actions.add(new GuardAction(guard, GuardAction.Verdict.DROPPED, delta, 0.0, why));
        delta = 0.0;
        status = Status.DROPPED;
    }

    /** Recorded by the Java runner when a limit stopped part or all of an accepted change. */
    public void recordClamp(double appliedDelta, String why) {
        actions.add(new GuardAction("limits", GuardAction.Verdict.CLAMPED, delta, appliedDelta, why));
    }

    private void requirePending(String guard) {
        if (status != Status.PENDING) {
            throw new IllegalStateException("rule " + guard + " acted on proposal #" + seq + " (" + field
                    + ") after it was already " + status.name().toLowerCase());
        }
    }

    @Override
    public String toString() {
        return "Proposal#" + seq + "(" + field + " " + (requestedDelta >= 0 ? "+" : "") + requestedDelta
                + " by " + rule + ", " + status.name().toLowerCase() + ")";
    }
}
