package soaktune.tuning;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import soaktune.model.FieldMove;
import soaktune.model.FieldState;
import soaktune.model.Frozen;
import soaktune.model.Infeasible;
import soaktune.model.IterationContext;
import soaktune.model.Limits;
import soaktune.model.Overrides;
import soaktune.model.PastMisses;
import soaktune.model.Range;
import soaktune.model.TunableField;

/**
 * What the rules need to remember between decisions: recent moves of each field and the fields still frozen
 * (anti-oscillation); for each KPI the rules judged missed, how many decisions in a row they did
 * ({@code misses}); for each field at a limit, for how many decisions in a row it was ({@code atLimit}); and
 * the "infeasible within limits" verdicts of the last decision ({@code infeasible}). Immutable; {@link #after}
 * gives the memory for the next iteration. Kept in the soak state (and in applied_profile.json for one-shot
 * tune) so a resumed soak decides exactly as before.
 */
public record TuningMemory(@JsonProperty(required = true) List<FieldMove> moves,
        @JsonProperty(required = true) Map<String, Integer> frozen,
        @JsonProperty("kpi_misses") Map<String, Integer> misses,
        @JsonProperty("at_limit") Map<String, Integer> atLimit,
        List<Infeasible> infeasible) {
    /** Moves older than this many iterations are forgotten; the rules' windows must fit inside it. */
    public static final int HORIZON = 12;

    public TuningMemory {
        moves = List.copyOf(moves);
        frozen = Collections.unmodifiableMap(new TreeMap<>(frozen));
        // memory written before the feasibility streaks existed has none of the last three
        misses = Collections.unmodifiableMap(new TreeMap<>(misses == null ? Map.of() : misses));
        atLimit = Collections.unmodifiableMap(new TreeMap<>(atLimit == null ? Map.of() : atLimit));
        infeasible = infeasible == null ? List.of() : List.copyOf(infeasible);
    }

    public static TuningMemory empty() {
        return new TuningMemory(List.of(), Map.of(), null, null, null);
    }

    /**
     * The facts for a decision at {@code iteration}: recent moves, carried freezes, and where the decision
     * sits (iteration number, and how many iterations in a row the KPI gate judged OK; 0 when unknown); plus
     * what the feasibility rules read: each field's {@link FieldState} for the values the iteration ran with
     * ({@code before}, already inside {@code limits}) and each KPI's {@link PastMisses} streak.
     */
    public List<Object> facts(int iteration, int healthyStreak, Overrides before, Limits limits) {
        List<Object> facts = new ArrayList<>(moves);
        frozen.forEach((field, remaining) -> facts.add(new Frozen(field, remaining, "carried")));
        facts.add(new IterationContext(iteration, healthyStreak));
        Arrays.stream(TunableField.values())
                .forEach(f -> facts.add(fieldState(f, before.get(f).orElseThrow(), limits)));
        misses.forEach((kpi, streak) -> facts.add(new PastMisses(kpi, streak)));
        return facts;
    }

    private FieldState fieldState(TunableField field, double value, Limits limits) {
        Range r = limits.of(field);
        // Compared with the limits as the clamp leaves them (normalised), so a clamped value is exactly at one.
        boolean atMin = value <= limits.clamp(field, r.min());
        boolean atMax = value >= limits.clamp(field, r.max());
        int streak = atMin || atMax ? atLimit.getOrDefault(field.key(), 0) + 1 : 0;
        return new FieldState(field.key(), value, r.min(), r.max(), atMin, atMax, streak);
    }

    /**
     * Only the moves a decision at {@code iteration} can use: those of the {@link #HORIZON} iterations before
     * it. Older ones and any from this iteration or later are dropped (the rules never read them, and each one
     * more multiplies the anti-oscillation rule's joins).
     */
    public TuningMemory window(int iteration) {
        List<FieldMove> kept = moves.stream()
                .filter(m -> m.iteration() >= iteration - HORIZON && m.iteration() < iteration).toList();
        return new TuningMemory(kept, frozen, misses, atLimit, infeasible);
    }

    /**
     * Memory after the decision of {@code iteration}: its net moves added, freezes counted down, the streaks
     * of missed KPIs and of fields at a limit carried on (a KPI not judged missed, or a field with room,
     * starts over), and this decision's infeasible verdicts (none: the last verdict no longer holds).
     */
    public TuningMemory after(int iteration, Decision decision, Limits limits) {
        List<FieldMove> next = new ArrayList<>(moves.stream().filter(m -> m.iteration() > iteration - HORIZON)
                .toList());
        for (TunableField field : TunableField.values()) {
            double before = decision.before().get(field).orElseThrow();
            double after = decision.after().get(field).orElseThrow();
            if (after != before) {
                next.add(new FieldMove(field.key(), iteration, after > before ? 1 : -1));
            }
        }
        Map<String, Integer> nextFrozen = new TreeMap<>();
        decision.outcome().frozen().stream().filter(f -> f.remaining() > 1)
                .forEach(f -> nextFrozen.merge(f.field(), f.remaining() - 1, Math::max));
        Map<String, Integer> nextMisses = new TreeMap<>();
        decision.outcome().missed().forEach(m -> nextMisses.put(m.kpi(), m.streak()));
        Map<String, Integer> nextAtLimit = new TreeMap<>();
        Arrays.stream(TunableField.values()).map(f -> fieldState(f, decision.before().get(f).orElseThrow(), limits))
                .filter(s -> s.atLimitFor() > 0).forEach(s -> nextAtLimit.put(s.field(), s.atLimitFor()));
        return new TuningMemory(next, nextFrozen, nextMisses, nextAtLimit, decision.outcome().infeasible());
    }
}
