package soaktune.tuning;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import soaktune.model.Adjustment;
import soaktune.model.FieldMove;
import soaktune.model.Frozen;
import soaktune.model.IterationContext;
import soaktune.model.TunableField;

/**
 * What the anti-oscillation rules need to remember between decisions: recent moves of each field and the
 * fields still frozen. Immutable; {@link #after} gives the memory for the next iteration. Kept in the soak
 * state (and in applied_profile.json for one-shot tune) so a resumed soak decides exactly as before.
 */
public record TuningMemory(@JsonProperty(required = true) List<FieldMove> moves,
        @JsonProperty(required = true) Map<String, Integer> frozen) {
    /** Moves older than this many iterations are forgotten; the rules' windows must fit inside it. */
    public static final int HORIZON = 12;

    public TuningMemory {
        moves = List.copyOf(moves);
        frozen = Collections.unmodifiableMap(new TreeMap<>(frozen));
    }

    public static TuningMemory empty() {
        return new TuningMemory(List.of(), Map.of());
    }

    /**
     * The facts for a decision at {@code iteration}: recent moves, carried freezes, and where the decision
     * sits (iteration number, and how many iterations in a row the KPI gate judged OK; 0 when unknown).
     */
    public List<Object> facts(int iteration, int healthyStreak) {
        List<Object> facts = new ArrayList<>(moves);
        frozen.forEach((field, remaining) -> facts.add(new Frozen(field, remaining, "carried")));
        facts.add(new IterationContext(iteration, healthyStreak));
        return facts;
    }

    /**
     * Only the moves a decision at {@code iteration} can use: those of the {@link #HORIZON} iterations before
     * it. Older ones and any from this iteration or later are dropped (the rules never read them, and each one
     * more multiplies the anti-oscillation rule's joins).
     */
    public TuningMemory window(int iteration) {
        List<FieldMove> kept = new ArrayList<>();
        for (FieldMove m : moves) {
            if (m.iteration() >= iteration - HORIZON && m.iteration() < iteration) {
                kept.add(m);
            }
        }
        return new TuningMemory(kept, frozen);
    }

    /** Memory after the decision of {@code iteration}: its net moves added, freezes counted down. */
    public TuningMemory after(int iteration, Decision decision) {
        List<FieldMove> next = new ArrayList<>();
        for (FieldMove m : moves) {
            if (m.iteration() > iteration - HORIZON) {
                next.add(m);
            }
        }
        for (TunableField field : TunableField.values()) {
            double before = decision.before().get(field).orElseThrow();
            double after = decision.after().get(field).orElseThrow();
            if (after != before) {
                next.add(new FieldMove(field.key(), iteration, after > before ? 1 : -1));
            }
        }
        Map<String, Integer> nextFrozen = new TreeMap<>();
        for (Frozen f : decision.outcome().frozen()) {
            if (f.remaining() > 1) {
                nextFrozen.merge(f.field(), f.remaining() - 1, Math::max);
            }
        }
        return new TuningMemory(next, nextFrozen);
    }

    /** Rebuilds the moves from an adjustment history (for one-shot tune, which keeps no soak state). */
    public static List<FieldMove> movesFrom(List<Adjustment> history) {
        Map<String, double[]> net = new TreeMap<>();
        for (Adjustment a : history) {
            net.computeIfAbsent(a.iteration() + "\u0000" + a.field().key(), k -> new double[1])[0] += a.to() - a.from();
        }
        List<FieldMove> out = new ArrayList<>();
        net.forEach((key, delta) -> {
            if (delta[0] != 0) {
                String[] parts = key.split("\u0000");
                out.add(new FieldMove(parts[1], Integer.parseInt(parts[0]), delta[0] > 0 ? 1 : -1));
            }
        });
        return out;
    }
}
