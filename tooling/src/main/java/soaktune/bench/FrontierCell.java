package soaktune.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * The frontier of one market x seed: for every grid point (in grid order) which KPI targets it missed and its
 * net_bps. {@code complete} is false when the sweep stopped at the first feasible point (only the feasible
 * flag is then known; shares and the best point are not). {@code refined} holds the second, finer pass's
 * points ({@link FrontierRefine}), run only when no grid point was feasible; they count for {@link #feasible},
 * not for the grid's shares and best point.
 */
public record FrontierCell(String market, long seed, List<Point> points, boolean complete, List<Refined> refined) {

    /** One grid point's iteration, judged by the KPI gate: the short names of the targets missed. */
    public record Point(List<String> failing, double netBps) {
        /** Fewer missed targets first, then the better net_bps. */
        static final Comparator<Point> BEST_FIRST = Comparator.comparingInt((Point p) -> p.failing().size())
                .thenComparing(p -> -p.netBps());

        public Point {
            failing = List.copyOf(failing);
        }

        public boolean feasible() {
            return failing.isEmpty();
        }
    }

    /** A point of the second pass, off the grid: its five values and its result. */
    public record Refined(soaktune.model.Overrides values, Point result) {
    }

    public FrontierCell {
        points = java.util.Collections.unmodifiableList(new ArrayList<>(points));
        refined = List.copyOf(refined);
    }

    /** At least one point, on the grid or of the second pass, met every KPI target. */
    public boolean feasible() {
        return points.stream().anyMatch(p -> p != null && p.feasible()) || firstFeasibleRefined() != null;
    }

    /** The first point of the second pass that met every target, or null. */
    public Refined firstFeasibleRefined() {
        return refined.stream().filter(r -> r.result().feasible()).findFirst().orElse(null);
    }

    public int feasiblePoints() {
        return (int) points.stream().filter(p -> p != null && p.feasible()).count();
    }

    /** Index of the point with the fewest missed targets, then the best net_bps (the first on ties). */
    public int best() {
        return IntStream.range(0, points.size()).filter(i -> points.get(i) != null).boxed()
                .min(Comparator.comparing(points::get, Point.BEST_FIRST)).orElse(-1);
    }

    /** The targets missed at every point of this cell, in the order the gate reports them. */
    public List<String> failingEverywhere() {
        return common(points.stream().filter(Objects::nonNull).map(Point::failing).toList());
    }

    /** The names in every one of {@code lists}, in the first one's order; none when there are no lists. */
    static List<String> common(List<List<String>> lists) {
        Set<String> common = new LinkedHashSet<>(lists.isEmpty() ? List.of() : lists.get(0));
        lists.forEach(common::retainAll);
        return List.copyOf(common);
    }
}
