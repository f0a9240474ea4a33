package soaktune.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import soaktune.model.TunableField;

/**
 * One market's frontier over all its seeds: how many seeds have a feasible point, the share of feasible
 * points, the best grid point, the KPIs missed everywhere, and where the feasible points lie on each axis.
 *
 * <p>The best point of a market is the grid point feasible on the most seeds, then with the fewest missed
 * targets summed over seeds, then with the best mean net_bps: one setting a rule set could aim for.
 */
public record FrontierSummary(String market, int seeds, int feasibleSeeds, boolean complete, int points,
        int feasiblePoints, int bestIndex, int bestFeasibleSeeds, Map<String, Integer> bestFailing,
        double bestMeanNetBps, List<String> failingEverywhere, Map<TunableField, Map<Double, Double>> shareByValue) {

    public double feasibleShare() {
        return points == 0 ? 0 : (double) feasiblePoints / points;
    }

    /** The summaries of every market, in the order the cells came (markets in the order given). */
    public static List<FrontierSummary> of(FrontierBench.Result result) {
        return result.cells().stream()
                .collect(Collectors.groupingBy(FrontierCell::market, LinkedHashMap::new, Collectors.toList()))
                .entrySet().stream().map(e -> of(e.getKey(), e.getValue(), result.grid())).toList();
    }

    static FrontierSummary of(String market, List<FrontierCell> cells, FrontierGrid grid) {
        int size = grid.size();
        boolean complete = cells.stream().allMatch(FrontierCell::complete);
        int feasibleSeeds = (int) cells.stream().filter(FrontierCell::feasible).count();
        if (!complete) {
            return new FrontierSummary(market, cells.size(), feasibleSeeds, false, 0, 0, -1, 0, Map.of(), 0,
                    List.of(), Map.of());
        }
        int[] feasibleOn = new int[size];
        int[] failing = new int[size];
        double[] net = new double[size];
        for (FrontierCell c : cells) {
            for (int i = 0; i < size; i++) {
                FrontierCell.Point p = c.points().get(i);
                feasibleOn[i] += p.feasible() ? 1 : 0;
                failing[i] += p.failing().size();
                net[i] += p.netBps();
            }
        }
        int best = 0;
        for (int i = 1; i < size; i++) {
            if (feasibleOn[i] != feasibleOn[best] ? feasibleOn[i] > feasibleOn[best]
                    : failing[i] != failing[best] ? failing[i] < failing[best] : net[i] > net[best]) {
                best = i;
            }
        }
        Map<String, Integer> bestFailing = new TreeMap<>();
        for (FrontierCell c : cells) {
            c.points().get(best).failing().forEach(kpi -> bestFailing.merge(kpi, 1, Integer::sum));
        }
        return new FrontierSummary(market, cells.size(), feasibleSeeds, true, size * cells.size(),
                Arrays.stream(feasibleOn).sum(), best, feasibleOn[best], bestFailing, net[best] / cells.size(),
                FrontierCell.common(cells.stream().map(FrontierCell::failingEverywhere).toList()),
                shareByValue(cells, grid));
    }

    /** For each swept field and each of its values, the share of points (all seeds) with that value that are feasible. */
    private static Map<TunableField, Map<Double, Double>> shareByValue(List<FrontierCell> cells, FrontierGrid grid) {
        Map<TunableField, Map<Double, Double>> out = new java.util.EnumMap<>(TunableField.class);
        for (FrontierGrid.Axis axis : grid.swept()) {
            Map<Double, int[]> counts = new TreeMap<>();
            for (int i = 0; i < grid.size(); i++) {
                double v = grid.point(i).get(axis.field()).orElseThrow();
                int[] n = counts.computeIfAbsent(v, k -> new int[2]);
                for (FrontierCell c : cells) {
                    n[0] += c.points().get(i).feasible() ? 1 : 0;
                    n[1]++;
                }
            }
            Map<Double, Double> shares = new TreeMap<>();
            counts.forEach((v, n) -> shares.put(v, (double) n[0] / n[1]));
            out.put(axis.field(), shares);
        }
        return out;
    }
}
