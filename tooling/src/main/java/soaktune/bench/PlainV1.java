package soaktune.bench;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import soaktune.model.Limits;
import soaktune.model.Metrics;
import soaktune.model.Overrides;
import soaktune.model.Profile;
import soaktune.model.Proposal;
import soaktune.model.TunableField;
import soaktune.tuning.CurrentValues;

/**
 * BASELINE FOR BENCHMARKS ONLY, never used to tune: the v1 trigger table and guardrails
 * ({@code rules/v1/*.drl}) written out as plain Java, so {@code bench decision} can show what the rule
 * engine costs against the same logic without it. The rules stay the single source of truth; a test
 * checks this copy still decides exactly as they do, so the comparison is fair. Anti-oscillation freezes
 * need move history, which the benchmark does not give: only the dead band and given freezes are mirrored.
 */
public final class PlainV1 {
    /** What the baseline decided: the new values and every proposal with its final status. */
    public record Outcome(Overrides after, List<Proposal> proposals, List<String> guards) {
    }

    private PlainV1() {
    }

    /** The whole decision, as the Tuner makes it: current values, the rules, then the clamped changes. */
    public static Outcome decide(Metrics m, Overrides current, Profile profile, Limits limits, int healthyStreak,
            Set<String> frozen) {
        Outcome ruled = rules(m, healthyStreak, frozen);
        // As the Tuner does after the rules: accepted changes in order, each clamped to the limits.
        Map<TunableField, Double> values = new EnumMap<>(CurrentValues.resolve(current, profile, limits).values().values());
        for (Proposal p : ruled.proposals()) {
            if (p.isAccepted()) {
                TunableField field = TunableField.fromKey(p.getField()).orElseThrow();
                double from = values.get(field);
                double wanted = field.normalize(from + p.getDelta());
                double to = limits.clamp(field, wanted);
                if (to != wanted) {
                    p.recordClamp(to - from, "limit");
                }
                values.put(field, to);
            }
        }
        return new Outcome(new Overrides(values), ruled.proposals(), ruled.guards());
    }

    /** The trigger table and guardrails alone (what the rule engine does); {@code after} is null. */
    public static Outcome rules(Metrics m, int healthyStreak, Set<String> frozen) {
        // The engine evaluates every row's condition on insert: a missing metric fails whichever row reads it.
        boolean cancel = m.getCancelRatio() > 0.55;
        boolean adverse = m.getAdverseBpsP95() > 4 || m.getSlippageBpsP95() > 3;
        boolean age = m.getOrderAgeP95Ms() > 330;
        boolean lag = m.getWsLagP95Ms() > 120;
        boolean thin = m.getNetBps() < 2.5;

        List<Proposal> ps = new ArrayList<>(6);
        int failing = 0;
        if (cancel) {
            failing++;
            ps.add(new Proposal(ps.size() + 1, "cancel_ratio_high", "min_interval_ms", 20, "cancel_ratio>0.55"));
            ps.add(new Proposal(ps.size() + 1, "cancel_ratio_high", "replace_rate_per_min", -30, "cancel_ratio>0.55"));
        }
        if (adverse) {
            failing++;
            ps.add(new Proposal(ps.size() + 1, "adverse_or_slippage_high", "base_spread_bps_delta", 0.05,
                    "adverse/slippage>threshold"));
        }
        if (age) {
            failing++;
            ps.add(new Proposal(ps.size() + 1, "order_age_high", "replace_rate_per_min", -30, "order_age>330"));
            ps.add(new Proposal(ps.size() + 1, "order_age_high", "tail_age_ms", 50, "order_age>330"));
        }
        if (lag) {
            failing++;
            ps.add(new Proposal(ps.size() + 1, "ws_lag_high", "min_interval_ms", 20, "ws_lag>120"));
        }
        if (thin && failing == 0) {
            ps.add(new Proposal(ps.size() + 1, "net_bps_low", "base_spread_bps_delta", 0.02, "net_bps<2.5"));
        }

        List<String> guards = new ArrayList<>(2);
        boolean multiFail = failing >= 3;
        if (multiFail) {
            guards.add("multi_fail_guard");
        }
        boolean deadBand = healthyStreak >= 3;
        if (deadBand) {
            guards.add("stabilised_dead_band");
        }
        for (Proposal p : ps) { // salience 74, 73, 70: whole-iteration drops
            if (frozen.contains(p.getField())) {
                p.drop("frozen_field_holds", p.getField() + " is frozen");
            } else if (deadBand) {
                p.drop("stabilised_holds_changes", "stabilised: every KPI healthy for 3 iterations in a row");
            } else if (multiFail && !calming(p)) {
                p.drop("multi_fail_keeps_calming_only", "not a calming change while the multi-fail guard holds");
            }
        }
        for (Proposal p : ps) { // salience 60, 50, 10: one pending proposal at a time, by sequence
            if (!p.isPending()) {
                continue;
            }
            int done = 0;
            double used = 0;
            for (Proposal q : ps) {
                if (q.isAccepted() && q.getField().equals(p.getField())) {
                    done++;
                }
                if (q.isAccepted() && q.getField().equals("base_spread_bps_delta")) {
                    used += Math.abs(q.getDelta());
                }
            }
            if (done >= 2) {
                p.drop("max_two_changes_per_field", p.getField() + " already changed " + done + " times this iteration");
                continue;
            }
            if (p.getField().equals("base_spread_bps_delta") && used + Math.abs(p.getDelta()) > 0.1 + 1e-9) {
                double room = Math.max(0.0, 0.1 - used);
                if (room < 1e-9) {
                    p.drop("spread_delta_cap", "spread delta already moved " + used + " of 0.1 this iteration");
                    continue;
                }
                p.trim("spread_delta_cap", Math.copySign(room, p.getDelta()), "spread delta cap 0.1 per iteration");
            }
            p.accept("accept_proposal", "no guardrail objected");
        }

        return new Outcome(null, ps, guards);
    }

    /** Wider spread, longer interval or fewer replaces. */
    private static boolean calming(Proposal p) {
        return switch (p.getField()) {
            case "base_spread_bps_delta", "min_interval_ms" -> p.getDelta() > 0;
            case "replace_rate_per_min" -> p.getDelta() < 0;
            default -> false;
        };
    }
}
