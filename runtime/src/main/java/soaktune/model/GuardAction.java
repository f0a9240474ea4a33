package soaktune.model;

/** What one guardrail (or the Java limit clamp) did to a proposal, with the delta before and after. */
public record GuardAction(String guard, Verdict verdict, double deltaBefore, double deltaAfter, String why) {
    public enum Verdict { ACCEPTED, TRIMMED, DROPPED, CLAMPED }
}
