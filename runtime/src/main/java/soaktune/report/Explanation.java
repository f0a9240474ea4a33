package soaktune.report;

import java.io.PrintWriter;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import soaktune.model.GuardAction;
import soaktune.model.Proposal;
import soaktune.model.TunableField;
import soaktune.tuning.Decision;
import soaktune.tuning.DecisionMarkers;

/**
 * A readable account of one decision, in order: the rules that fired with the facts they matched, the
 * iteration-wide guards, each proposal with what every guardrail (and the limit clamp) did to it and the
 * value it left, and the final values. Built from the agenda listener's record and the proposals' own
 * trail, never from parsing log text.
 */
public final class Explanation {
    private Explanation() {
    }

    public static void print(PrintWriter out, Decision d) {
        out.println("EXPLAIN");
        d.clamps().forEach(c -> out.println("  clamp " + c.field().key() + ": " + c.field().format(c.from()) + " -> "
                + c.field().format(c.to()) + " (outside limits before the rules ran)"));
        out.println("  rules fired, in order:");
        if (d.outcome().firings().isEmpty()) {
            out.println("    (none)");
        }
        d.outcome().firings().forEach(f -> out.println("    " + f.order() + ". " + f.rule() + (f.facts().isEmpty() ? ""
                : "  matched " + String.join(", ", f.facts()))));
        if (!d.outcome().guards().isEmpty()) {
            out.println("  guards holding this iteration:");
            d.outcome().guards().forEach(g -> out.println("    " + g.name() + ": " + g.reason()));
        }
        if (!d.outcome().infeasible().isEmpty()) {
            out.println("  infeasible within limits (those fields are not pushed):");
            DecisionMarkers.infeasibleFields(d.outcome()).forEach((kpi, fields) -> out.println("    " + kpi + ": "
                    + String.join(", ", fields)));
        }
        out.println("  proposals, by sequence:");
        if (d.proposals().isEmpty()) {
            out.println("    (none)");
        }
        Map<TunableField, Double> running = new EnumMap<>(d.before().values());
        for (Proposal p : d.proposals()) {
            Optional<TunableField> field = TunableField.fromKey(p.getField());
            out.println("    #" + p.getSeq() + " " + p.getField() + " " + signed(field, p.getRequestedDelta()) + " from "
                    + p.getRule() + " (" + p.getReason() + ")");
            p.actions().forEach(a -> out.println("       " + a.guard() + ": " + describe(field, a)));
            field.ifPresent(f -> out.println("       => " + result(f, p, running)));
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

    /** The value an accepted proposal left (the Tuner applies them in this order), or why it left none. */
    private static String result(TunableField f, Proposal p, Map<TunableField, Double> running) {
        if (!p.isAccepted()) {
            return "not applied (" + p.getStatus().name().toLowerCase() + ")";
        }
        double from = running.get(f);
        double delta = p.actions().stream().filter(a -> a.verdict() == GuardAction.Verdict.CLAMPED)
                .reduce((a, b) -> b).map(GuardAction::deltaAfter).orElse(p.getDelta());
        double to = f.normalize(from + delta);
        running.put(f, to);
        return to == from ? f.key() + " stays " + f.format(to) : f.key() + " " + f.format(from) + " -> " + f.format(to);
    }

    private static String describe(Optional<TunableField> f, GuardAction a) {
        return switch (a.verdict()) {
            case ACCEPTED -> "accepted (" + a.why() + ")";
            case TRIMMED -> "trimmed " + signed(f, a.deltaBefore()) + " -> " + signed(f, a.deltaAfter()) + " (" + a.why() + ")";
            case DROPPED -> "dropped (" + a.why() + ")";
            case CLAMPED -> "clamped by limit " + signed(f, a.deltaBefore()) + " -> " + signed(f, a.deltaAfter())
                    + " (" + a.why() + ")";
        };
    }

    private static String signed(Optional<TunableField> f, double v) {
        double clean = Math.abs(v) < 1e-12 ? 0.0 : v;
        String s = f.map(field -> field.format(clean)).orElse(TunableField.formatNumber(clean, false));
        return clean > 0 ? "+" + s : s;
    }
}
