package soaktune.bench;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import soaktune.model.Overrides;
import soaktune.model.TunableField;

/** Prints the frontier as Markdown tables: one row per market, then where its feasible points lie. */
public final class FrontierTable {
    private FrontierTable() {
    }

    public static void print(PrintWriter out, FrontierBench.Result result, List<FrontierSummary> summaries) {
        FrontierGrid grid = result.grid();
        out.println("| market | seeds | feasible seeds | feasible points | best point | best: feasible on | "
                + "best: missed | mean net_bps at best | KPIs failing everywhere |");
        out.println("| --- | ---: | ---: | ---: | --- | ---: | --- | ---: | --- |");
        for (FrontierSummary s : summaries) {
            if (!s.complete()) {
                out.println(String.format(Locale.ROOT, "| %s | %d | %d/%d | - | - | - | - | - | - |", s.market(),
                        s.seeds(), s.feasibleSeeds(), s.seeds()));
                continue;
            }
            out.println(String.format(Locale.ROOT, "| %s | %d | %d/%d | %.1f%% | %s | %d/%d | %s | %.2f | %s |",
                    s.market(), s.seeds(), s.feasibleSeeds(), s.seeds(), 100 * s.feasibleShare(),
                    point(grid.point(s.bestIndex()), grid), s.bestFeasibleSeeds(), s.seeds(),
                    counts(s.bestFailing(), s.seeds()), s.bestMeanNetBps(),
                    s.failingEverywhere().isEmpty() ? "none" : String.join(", ", s.failingEverywhere())));
        }
        out.println();
        out.println(secondPass(result));
        if (summaries.stream().anyMatch(FrontierSummary::complete) && !grid.swept().isEmpty()) {
            out.println();
            out.println("Where the feasible points lie: per swept field, the share of points with that value that "
                    + "met every target (all seeds)");
            out.println();
            out.println("| market |" + grid.swept().stream().map(a -> " " + a.field().key() + " |")
                    .collect(Collectors.joining()));
            out.println("| --- |" + " --- |".repeat(grid.swept().size()));
            for (FrontierSummary s : summaries.stream().filter(FrontierSummary::complete).toList()) {
                out.println("| " + s.market() + " |" + grid.swept().stream()
                        .map(a -> " " + shares(a.field(), s.shareByValue().get(a.field())) + " |")
                        .collect(Collectors.joining()));
            }
        }
        out.flush();
    }

    /**
     * One line on the second pass ({@link FrontierRefine}): how many seeds with no feasible grid point it looked
     * at, at how many points, and which seeds it found feasible, with the first such point.
     */
    static String secondPass(FrontierBench.Result result) {
        List<FrontierCell> looked = result.cells().stream().filter(c -> !c.refined().isEmpty()).toList();
        int points = looked.stream().mapToInt(c -> c.refined().size()).sum();
        List<String> found = looked.stream().filter(c -> c.firstFeasibleRefined() != null)
                .map(c -> c.market() + " seed " + c.seed() + " ("
                        + values(c.firstFeasibleRefined().values(), FrontierGrid.ORDER) + ")").toList();
        return String.format(Locale.ROOT, "Second pass (around the %d best grid points of each seed with no feasible "
                + "grid point): %d seeds, %,d points; feasible there: %s", FrontierRefine.BEST, looked.size(), points,
                found.isEmpty() ? "none" : String.join(", ", found));
    }

    /** The given fields of a point: "min_interval_ms=175 replace_rate_per_min=240 ...". */
    private static String values(Overrides values, List<TunableField> fields) {
        return fields.stream().map(f -> f.key() + "=" + f.format(values.get(f).orElseThrow()))
                .collect(Collectors.joining(" "));
    }

    /** The swept fields of a point, or "(profile)" when nothing is swept. */
    static String point(Overrides values, FrontierGrid grid) {
        String swept = values(values, grid.swept().stream().map(FrontierGrid.Axis::field).toList());
        return swept.isEmpty() ? "(profile)" : swept;
    }

    private static String counts(Map<String, Integer> failing, int seeds) {
        return failing.isEmpty() ? "none" : failing.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue())
                .map(e -> e.getKey() + " " + e.getValue() + "/" + seeds).collect(Collectors.joining(", "));
    }

    private static String shares(TunableField field, Map<Double, Double> shares) {
        return shares.entrySet().stream().map(e -> field.format(e.getKey()) + ": "
                + String.format(Locale.ROOT, "%.0f%%", 100 * e.getValue())).collect(Collectors.joining(", "));
    }
}
