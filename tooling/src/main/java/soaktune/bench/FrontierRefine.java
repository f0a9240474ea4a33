package soaktune.bench;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import soaktune.model.Limits;
import soaktune.model.Overrides;
import soaktune.model.Range;
import soaktune.model.TunableField;

/**
 * The frontier's second, finer pass, for a seed on which no grid point met every target: the grid's gaps
 * can hide a narrow feasible region (measured: thin-book seeds whose feasible points are only at spread 0.45,
 * between the default grid's 0.3 and 0.6, or only with a smaller impact cap than the profile's, which the
 * default grid holds). Around each of the seed's {@link #BEST} best grid points it tries the fields that decide
 * feasibility: min_interval_ms and base_spread_bps_delta half a grid step either way, and impact_cap_ratio at
 * its min, halfway to the held value, and the held value (or half a step either way when it is swept).
 * replace_rate_per_min and tail_age_ms stay at the best point's values: the verdicts were measured
 * insensitive to them (docs/tuning-benchmark.md, "Choosing the default grid").
 */
final class FrontierRefine {
    /** How many of a seed's best grid points the pass looks around. */
    static final int BEST = 4;

    private static final List<TunableField> REFINED = List.of(TunableField.MIN_INTERVAL_MS,
            TunableField.BASE_SPREAD_BPS_DELTA, TunableField.IMPACT_CAP_RATIO);

    private FrontierRefine() {
    }

    /** The points to try around a seed's grid results with none feasible, in a fixed order; none on the grid. */
    static List<Overrides> points(FrontierGrid grid, Limits limits, List<FrontierCell.Point> results) {
        Set<Overrides> onGrid = IntStream.range(0, grid.size()).mapToObj(grid::point).collect(Collectors.toSet());
        List<Integer> best = IntStream.range(0, grid.size()).boxed()
                .sorted(Comparator.comparing(results::get, FrontierCell.Point.BEST_FIRST)).limit(BEST).toList();
        Set<Overrides> out = new LinkedHashSet<>();
        for (int b : best) {
            List<Overrides> around = List.of(grid.point(b));
            for (TunableField field : REFINED) {
                around = around.stream().flatMap(p -> values(grid, limits, field, p.get(field).orElseThrow()).stream()
                        .map(v -> p.with(field, v))).toList();
            }
            around.stream().filter(p -> !onGrid.contains(p)).forEach(out::add);
        }
        return List.copyOf(out);
    }

    /** A swept field: half a step either way; a held one: its min, halfway to the held value, the held value. */
    private static List<Double> values(FrontierGrid grid, Limits limits, TunableField field, double at) {
        FrontierGrid.Axis axis = grid.axes().stream().filter(a -> a.field() == field).findFirst().orElseThrow();
        Range r = limits.of(field);
        Set<Double> vs = new LinkedHashSet<>();
        if (axis.swept()) {
            double half = (axis.values().get(1) - axis.values().get(0)) / 2;
            vs.add(limits.clamp(field, at - half));
            vs.add(at);
            vs.add(limits.clamp(field, at + half));
        } else {
            vs.add(limits.clamp(field, r.min()));
            vs.add(limits.clamp(field, (r.min() + at) / 2));
            vs.add(at);
        }
        return List.copyOf(vs);
    }
}
