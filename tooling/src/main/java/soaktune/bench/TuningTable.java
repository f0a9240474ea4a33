package soaktune.bench;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Prints the tuning benchmark as Markdown tables: one row per scenario and mode. With {@code feasible} (per
 * scenario, the seeds on which the feasibility frontier has a point meeting every target), a "feasible" column
 * after "runs", so that "met by it3" reads against what was possible at all.
 */
public final class TuningTable {
    private TuningTable() {
    }

    public static void print(PrintWriter out, TuningBench.Result result, int iterations, KpiTargets targets,
            Map<String, Set<Long>> feasible, int seeds) {
        head(out, targets, "mode", feasible != null, List.of("met by it3", "met by it5", "stay met",
                "met at it" + iterations, "oscillations", "limit stops", "median net_bps it" + iterations,
                "most failed at it" + iterations));
        for (List<TrialResult> trials : groups(result)) {
            int n = trials.size();
            row(out, trials, feasible, seeds, metBy(trials, 3, iterations), metBy(trials, 5, iterations),
                    pct(count(trials, t -> t.stayedFrom(5)), n),
                    pct(count(trials, t -> t.met().get(t.met().size() - 1)), n),
                    tunedSum(trials, TrialResult::oscillations), tunedSum(trials, TrialResult::limitStops),
                    medianNet(trials), mostFailed(trials, targets.names()));
        }
        out.println();
        footer(out, result, iterations);
    }

    /**
     * The {@code --vs} table: per scenario the fixed runs, then each rule set on the same seeds, with how soon and
     * how steadily every target is met. With {@code feasible}, after the table, the same figures counted on
     * feasible scenario x seed pairs only.
     */
    public static void printVs(PrintWriter out, TuningBench.Result result, int iterations, KpiTargets targets,
            Map<String, Set<Long>> feasible, int seeds) {
        head(out, targets, "rules", feasible != null, List.of("met by it1", "met by it2", "met by it3", "met by it5",
                "stay met", "first met (median it)", "oscillations", "limit stops", "infeasible by it5",
                "median net_bps it" + iterations, "verdict at it" + iterations));
        for (List<TrialResult> trials : groups(result)) {
            int n = trials.size();
            boolean tuned = trials.get(0).autoTune();
            row(out, trials, feasible, seeds, metBy(trials, 1, iterations), metBy(trials, 2, iterations),
                    metBy(trials, 3, iterations), metBy(trials, 5, iterations),
                    pct(count(trials, t -> t.stayedFrom(5)), n), medianFirstMet(trials),
                    tunedSum(trials, TrialResult::oscillations), tunedSum(trials, TrialResult::limitStops),
                    tuned ? ran(5, iterations, pct(count(trials, t -> t.infeasibleBy(5)), n)) : "-", medianNet(trials),
                    verdicts(trials));
        }
        out.println();
        if (feasible != null) {
            printFeasiblePairs(out, result, feasible, iterations);
            printInfeasiblePairs(out, result, feasible, iterations);
        }
        footer(out, result, iterations);
    }

    /** The KPI line, then the head: scenario, the row label, runs, feasible, {@code columns}; the last left-aligned. */
    private static void head(PrintWriter out, KpiTargets targets, String label, boolean feasible, List<String> columns) {
        out.println("KPI targets: " + targets.describe());
        out.println();
        List<String> all = new ArrayList<>(List.of("scenario", label, "runs"));
        if (feasible) {
            all.add("feasible");
        }
        all.addAll(columns);
        out.println("| " + String.join(" | ", all) + " |");
        out.println("| --- | --- |" + " ---: |".repeat(all.size() - 3) + " --- |");
    }

    private static void row(PrintWriter out, List<TrialResult> trials, Map<String, Set<Long>> feasible, int seeds,
            String... cells) {
        TrialResult first = trials.get(0);
        List<String> all = new ArrayList<>(List.of(first.scenario(), first.mode(), Integer.toString(trials.size())));
        if (feasible != null) {
            Set<Long> of = feasible.get(first.scenario());
            all.add(of == null ? "-" : pct(of.size(), seeds));
        }
        all.addAll(List.of(cells));
        out.println("| " + String.join(" | ", all) + " |");
    }

    private static void footer(PrintWriter out, TuningBench.Result result, int iterations) {
        out.println(String.format(Locale.ROOT, "%d runs x %d iterations in %.1f s wall on %d threads",
                result.trials().size(), iterations, result.wallSeconds(), result.threads()));
        out.flush();
    }

    /** The targets are counted on the pairs the frontier calls feasible: one line per rule set. */
    private static void printFeasiblePairs(PrintWriter out, TuningBench.Result result,
            Map<String, Set<Long>> feasible, int iterations) {
        Map<String, List<TrialResult>> byMode = byMode(result, t -> isFeasible(feasible, t));
        if (byMode.isEmpty()) {
            out.println("On feasible pairs: none of these scenario x seed pairs is feasible on the frontier");
            out.println();
            return;
        }
        out.println("On the scenario x seed pairs the frontier calls feasible:");
        out.println();
        out.println("| rules | feasible pairs | met by it3 | stay met | met at last it | oscillations |");
        out.println("| --- | ---: | ---: | ---: | ---: | ---: |");
        byMode.forEach((mode, trials) -> {
            int n = trials.size();
            out.println(String.format(Locale.ROOT, "| %s | %d | %s | %s | %s | %s |", mode, n,
                    ran(3, iterations, share(count(trials, t -> t.metBy(3)), n)),
                    share(count(trials, t -> t.stayedFrom(5)), n),
                    share(count(trials, t -> t.met().get(t.met().size() - 1)), n),
                    tunedSum(trials, TrialResult::oscillations)));
        });
        out.println();
    }

    /** The other side of the frontier: how soon each rule set said so on the pairs with no feasible point. */
    private static void printInfeasiblePairs(PrintWriter out, TuningBench.Result result,
            Map<String, Set<Long>> feasible, int iterations) {
        Map<String, List<TrialResult>> byMode = byMode(result, t -> t.autoTune() && !isFeasible(feasible, t));
        if (byMode.isEmpty()) {
            return;
        }
        out.println("On the scenario x seed pairs the frontier calls infeasible:");
        out.println();
        out.println("| rules | infeasible pairs | declared infeasible by it5 | met by it5 anyway "
                + "| failing KPIs at the end <= at it1 |");
        out.println("| --- | ---: | ---: | ---: | ---: |");
        byMode.forEach((mode, trials) -> out.println(String.format(Locale.ROOT, "| %s | %d | %s | %s | %s |", mode,
                trials.size(), ran(5, iterations, share(count(trials, t -> t.infeasibleBy(5)), trials.size())),
                ran(5, iterations, share(count(trials, t -> t.metBy(5)), trials.size())),
                share(count(trials, TrialResult::endsNoWorse), trials.size()))));
        out.println();
    }

    private static boolean isFeasible(Map<String, Set<Long>> feasible, TrialResult t) {
        return feasible.getOrDefault(t.scenario(), Set.of()).contains(t.seed());
    }

    /** Rows in the order the trials came: scenario, then mode (fixed, auto-tune or each rule set). */
    private static Collection<List<TrialResult>> groups(TuningBench.Result result) {
        return result.trials().stream().collect(Collectors.groupingBy(t -> t.scenario() + "|" + t.mode(),
                LinkedHashMap::new, Collectors.toList())).values();
    }

    private static Map<String, List<TrialResult>> byMode(TuningBench.Result result, Predicate<TrialResult> keep) {
        return result.trials().stream().filter(keep)
                .collect(Collectors.groupingBy(TrialResult::mode, LinkedHashMap::new, Collectors.toList()));
    }

    /** The share of runs that met every target by iteration {@code k}; see {@link #ran}. */
    private static String metBy(List<TrialResult> trials, int k, int iterations) {
        return ran(k, iterations, pct(count(trials, t -> t.metBy(k)), trials.size()));
    }

    /** A column about iteration {@code k} shows {@code cell}, or "-" when the runs stopped before iteration k. */
    private static String ran(int k, int iterations, String cell) {
        return k <= iterations ? cell : "-";
    }

    private static long count(List<TrialResult> trials, Predicate<TrialResult> p) {
        return trials.stream().filter(p).count();
    }

    /** A tuner's count summed over the runs; "-" for the fixed runs, which no tuner moved. */
    private static String tunedSum(List<TrialResult> trials, ToIntFunction<TrialResult> f) {
        return trials.get(0).autoTune() ? Integer.toString(trials.stream().mapToInt(f).sum()) : "-";
    }

    private static String medianNet(List<TrialResult> trials) {
        double[] nets = trials.stream().mapToDouble(TrialResult::finalNetBps).toArray();
        return String.format(Locale.ROOT, "%.2f", new Percentiles(nets).median());
    }

    /** The median first iteration that met every target, over the runs that ever did ("-" when none did). */
    private static String medianFirstMet(List<TrialResult> trials) {
        double[] firsts = trials.stream().mapToInt(TrialResult::firstMet).filter(i -> i > 0).asDoubleStream().toArray();
        if (firsts.length == 0) {
            return "-";
        }
        double median = new Percentiles(firsts).median();
        return String.format(Locale.ROOT, "%s (%d/%d)", median == Math.rint(median) ? Integer.toString((int) median)
                : String.format(Locale.ROOT, "%.1f", median), firsts.length, trials.size());
    }

    /**
     * How many runs ended on each verdict, as run gives it, e.g. "OK 14, WARN 5, FAIL 1"; FAILs for a KPI declared
     * infeasible within limits are counted again in brackets: "FAIL 6 (infeasible_within_limits 5)".
     */
    private static String verdicts(List<TrialResult> trials) {
        String counts = Stream.of("OK", "WARN", "FAIL", "INCONCLUSIVE", "-")
                .map(v -> Map.entry(v, count(trials, t -> t.finalVerdict().equals(v)))).filter(e -> e.getValue() > 0)
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
        long infeasible = count(trials, t -> TrialResult.INFEASIBLE.equals(t.finalReason()));
        return infeasible == 0 ? counts : counts + " (" + TrialResult.INFEASIBLE + " " + infeasible + ")";
    }

    private static String share(long part, int whole) {
        return String.format(Locale.ROOT, "%d/%d (%.0f%%)", part, whole, 100.0 * part / whole);
    }

    private static String pct(long part, int whole) {
        return String.format(Locale.ROOT, "%.0f%%", 100.0 * part / whole);
    }

    /** The targets most often failed at the last iteration, with how many runs failed each. */
    private static String mostFailed(List<TrialResult> trials, List<String> names) {
        Map<String, Integer> counts = new TreeMap<>();
        trials.forEach(t -> t.failing().get(t.failing().size() - 1).forEach(kpi -> counts.merge(kpi, 1, Integer::sum)));
        if (counts.isEmpty()) {
            return "none";
        }
        return counts.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<String, Integer> e) -> -e.getValue())
                        .thenComparing(e -> names.indexOf(e.getKey())))
                .limit(3).map(e -> e.getKey() + " " + e.getValue() + "/" + trials.size())
                .collect(Collectors.joining(", "));
    }
}
