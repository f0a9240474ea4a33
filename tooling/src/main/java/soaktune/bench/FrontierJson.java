package soaktune.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import soaktune.model.Overrides;

/**
 * The frontier as a JSON document (written with sorted keys): the grid, one entry per market and one per
 * market x seed. No timings, so the same inputs give the same bytes.
 */
public final class FrontierJson {
    private FrontierJson() {
    }

    public static Map<String, Object> of(FrontierBench.Result result, List<FrontierSummary> summaries,
            Map<String, Object> setup) {
        FrontierGrid grid = result.grid();
        Map<String, Object> root = new TreeMap<>(setup);
        Map<String, Object> g = new TreeMap<>();
        g.put("points", grid.size());
        g.put("swept", byKey(grid.swept(),
                a -> a.values().stream().map(v -> Overrides.jsonNumber(a.field(), v)).toList()));
        g.put("fixed", byKey(grid.fixed(), a -> Overrides.jsonNumber(a.field(), a.values().get(0))));
        root.put("grid", g);
        root.put("seeds", result.seeds().count());
        root.put("first_seed", result.seeds().first());
        root.put("last_seed", result.seeds().last());
        List<Object> markets = new ArrayList<>();
        for (FrontierSummary s : summaries) {
            Map<String, Object> m = new TreeMap<>();
            m.put("market", s.market());
            m.put("seeds", s.seeds());
            m.put("feasible_seeds", s.feasibleSeeds());
            m.put("complete", s.complete());
            if (s.complete()) {
                m.put("feasible_share", round(s.feasibleShare()));
                m.put("failing_everywhere", s.failingEverywhere());
                Map<String, Object> best = new TreeMap<>();
                best.put("values", values(grid.point(s.bestIndex()), grid));
                best.put("feasible_seeds", s.bestFeasibleSeeds());
                best.put("failing_seeds", s.bestFailing());
                best.put("mean_net_bps", round(s.bestMeanNetBps()));
                m.put("best", best);
                Map<String, Object> byValue = new TreeMap<>();
                s.shareByValue().forEach((field, shares) -> {
                    Map<String, Object> one = new LinkedHashMap<>();
                    shares.forEach((v, share) -> one.put(field.format(v), round(share)));
                    byValue.put(field.key(), one);
                });
                m.put("feasible_share_by_value", byValue);
            }
            markets.add(m);
        }
        root.put("markets", markets);
        root.put("cells", result.cells().stream().map(c -> cell(c, grid)).toList());
        return root;
    }

    private static Map<String, Object> cell(FrontierCell c, FrontierGrid grid) {
        Map<String, Object> m = new TreeMap<>();
        m.put("market", c.market());
        m.put("seed", c.seed());
        m.put("feasible", c.feasible());
        m.put("complete", c.complete());
        if (!c.refined().isEmpty()) {
            // the second pass (FrontierRefine): how many points, and the first feasible one (all five fields)
            Map<String, Object> refined = new TreeMap<>();
            refined.put("points", c.refined().size());
            refined.put("feasible_points", (int) c.refined().stream().filter(r -> r.result().feasible()).count());
            FrontierCell.Refined first = c.firstFeasibleRefined();
            if (first != null) {
                refined.put("first_feasible", first.values().toJson());
            }
            m.put("second_pass", refined);
        }
        if (c.complete()) {
            m.put("points", c.points().size());
            m.put("feasible_points", c.feasiblePoints());
            m.put("feasible_share", round((double) c.feasiblePoints() / c.points().size()));
            m.put("failing_everywhere", c.failingEverywhere());
            Map<String, Integer> missed = new TreeMap<>();
            c.points().forEach(p -> p.failing().forEach(k -> missed.merge(k, 1, Integer::sum)));
            m.put("points_missing", missed);
            int b = c.best();
            FrontierCell.Point p = c.points().get(b);
            Map<String, Object> best = new TreeMap<>();
            best.put("values", values(grid.point(b), grid));
            best.put("failing", p.failing());
            best.put("net_bps", p.netBps());
            m.put("best", best);
        }
        return m;
    }

    private static Map<String, Object> values(Overrides point, FrontierGrid grid) {
        return byKey(grid.swept(), a -> Overrides.jsonNumber(a.field(), point.get(a.field()).orElseThrow()));
    }

    /** One entry per axis, under its field's key, in key order. */
    private static Map<String, Object> byKey(List<FrontierGrid.Axis> axes, Function<FrontierGrid.Axis, Object> value) {
        return axes.stream().collect(Collectors.toMap(a -> a.field().key(), value, (a, b) -> a, TreeMap::new));
    }

    private static double round(double v) {
        return Math.round(v * 1e4) / 1e4;
    }
}
