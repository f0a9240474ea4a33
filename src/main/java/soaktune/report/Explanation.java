package soaktune.report;

import java.io.PrintWriter;
import soaktune.model.Clamp;
import soaktune.model.GuardAction;
import soaktune.model.Proposal;
import soaktune.model.TunableField;
import soaktune.rules.RuleFiring;
import soaktune.tuning.Decision;

/**
 * A readable account of one decision, in order: the rules that fired with the facts they matched, each
 * proposal and what every guardrail (and the limit clamp) did to it, and the final values. Built from the
 * agenda listener's record and the proposals' own trail, never from parsing log text.
 */
public final class Explanation {
    private Explanation() {
    }

    public static void print(PrintWriter out, Decision d) {
        out.println("EXPLAIN");
        for (Clamp c : d.clamps()) {
            out.println("  clamp " + c.field().key() + ": " + c.field().format(c.from()) + " -> "
                    + c.field().format(c.to()) + " (outside limits before the rules ran)");
        }
        out.println("  rules fired:");
        if (d.outcome().firings().isEmpty()) {
            out.println("    (none)");
        }
        for (RuleFiring f : d.outcome().firings()) {
            out.println("    " + f.order() + ". " + f.rule() + "  matched " + String.join(", ", f.facts()));
        }
        out.println("  proposals:");
        if (d.proposals().isEmpty()) {
            out.println("    (none)");
        }
        for (Proposal p : d.proposals()) {
            out.println("    #" + p.getSeq() + " " + p.getField() + " " + signed(p.getRequestedDelta()) + " from "
                    + p.getRule() + " (" + p.getReason() + ")");
            for (GuardAction a : p.actions()) {
                out.println("       " + a.guard() + ": " + describe(a));
            }
        }
        out.println("  final values:");
        for (TunableField f : TunableField.values()) {
            double before = d.before().get(f).orElseThrow();
            double after = d.after().get(f).orElseThrow();
            out.println("    " + f.key() + " = " + f.format(after)
                    + (before == after ? " (unchanged)" : " (was " + f.format(before) + ")"));
        }
        out.flush();
    }

    private static String describe(GuardAction a) {
        return switch (a.verdict()) {
            case ACCEPTED -> "accepted (" + a.why() + ")";
            case TRIMMED -> "trimmed " + signed(a.deltaBefore()) + " -> " + signed(a.deltaAfter()) + " (" + a.why() + ")";
            case DROPPED -> "dropped (" + a.why() + ")";
            case CLAMPED -> "clamped by limit " + signed(a.deltaBefore()) + " -> " + signed(a.deltaAfter())
                    + " (" + a.why() + ")";
        };
    }

    private static String signed(double v) {
        String s = TunableField.formatNumber(Math.abs(v) < 1e-12 ? 0.0 : v, false);
        return v > 0 ? "+" + s : s;
    }
}
