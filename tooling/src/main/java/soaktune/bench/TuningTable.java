package soaktune.bench;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Prints the tuning benchmark as a Markdown table: one row per scenario and mode. */
public final class TuningTable {
    private TuningTable() {
    }

    public static void print(PrintWriter out, TuningBench.Result result, int iterations, KpiTargets targets) {
        print(out, result, iterations, targets, null);
    }

    /**
     * With {@code feasible} (scenario to the share of its seeds the feasibility frontier calls feasible), a
     * "feasible" column after "runs", so that "met by it3" reads against what was possible at all.
     */
    public static void print(PrintWriter out, TuningBench.Result result, int iterations, KpiTargets targets,
            Map<String, Double> feasible) {
        Map<String, List<TrialResult>> groups = groups(result);
        out.println("KPI targets: " + targets.describe());
        out.println();
        String fHead = feasible == null ? "" : " feasible |";
        String fRule = feasible == null ? "" : " ---: |";
        out.println("| scenario | mode | runs |" + fHead + " met by it3 | met by it5 | stay met | met at it" + iterations
                + " | oscillations | limit stops | median net_bps it" + iterations + " | most failed at it"
                + iterations + " |");
        out.println("| --- | --- | ---: |" + fRule + " ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
        groups.forEach((key, trials) -> {
            String[] parts = key.split("\\|");
            int n = trials.size();
            long by3 = trials.stream().filter(t -> t.metBy(3)).count();
            long by5 = trials.stream().filter(t -> t.metBy(5)).count();
            long stay = trials.stream().filter(t -> t.stayedFrom(5)).count();
            long last = trials.stream().filter(t -> t.met().get(t.met().size() - 1)).count();
            int osc = trials.stream().mapToInt(TrialResult::oscillations).sum();
            int stops = trials.stream().mapToInt(TrialResult::limitStops).sum();
            double[] nets = trials.stream().mapToDouble(TrialResult::finalNetBps).sorted().toArray();
            double median = nets.length % 2 == 1 ? nets[nets.length / 2]
                    : (nets[nets.length / 2 - 1] + nets[nets.length / 2]) / 2;
            boolean tuned = parts[1].equals("auto-tune");
            String fCell = feasible == null ? "" : " " + (feasible.containsKey(parts[0])
                    ? String.format(Locale.ROOT, "%.0f%%", 100 * feasible.get(parts[0])) : "-") + " |";
            out.println(String.format(Locale.ROOT, "| %s | %s | %d |%s %s | %s | %s | %s | %s | %s | %.2f | %s |",
                    parts[0], parts[1], n, fCell, pct(by3, n), pct(by5, n), pct(stay, n), pct(last, n),
                    tuned ? Integer.toString(osc) : "-", tuned ? Integer.toString(stops) : "-", median,
                    mostFailed(trials, targets.names())));
        });
        out.println();
        out.println(String.format(Locale.ROOT, "%d runs x %d iterations in %.1f s wall on %d threads",
                result.trials().size(), iterations, result.wallSeconds(), result.threads()));
        out.flush();
    }

    /**
     * The {@code --vs} table: per scenario the fixed runs, then each rule set on the same seeds, with how soon and
     * how steadily every target is met. With {@code feasible} (the frontier's feasible seeds per scenario), a
     * "feasible" column and, after the table, the same figures counted on feasible scenario x seed pairs only.
     */
    public static void printVs(PrintWriter out, TuningBench.Result result, int iterations, KpiTargets targets,
            Map<String, java.util.Set<Long>> feasible, Map<String, Integer> seedsPerScenario) {
        Map<String, List<TrialResult>> groups = groups(result);
        out.println("KPI targets: " + targets.describe());
        out.println();
        String fHead = feasible == null ? "" : " feasible |";
        String fRule = feasible == null ? "" : " ---: |";
        out.println("| scenario | rules | runs |" + fHead + " met by it1 | met by it2 | met by it3 | met by it5 | stay met"
                + " | first met (median it) | oscillations | limit stops | infeasible by it5 | median net_bps it"
                + iterations + " | verdict at it" + iterations + " |");
        out.println("| --- | --- | ---: |" + fRule
                + " ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
        groups.forEach((key, trials) -> {
            TrialResult first = trials.get(0);
            int n = trials.size();
            boolean tuned = first.autoTune();
            String fCell = feasible == null ? "" : " " + (feasible.containsKey(first.scenario())
                    ? pct(feasible.get(first.scenario()).size(), seedsPerScenario.get(first.scenario())) : "-") + " |";
            out.println(String.format(Locale.ROOT, "| %s | %s | %d |%s %s | %s | %s | %s | %s | %s | %s | %s | %s | %.2f | %s |",
                    first.scenario(), first.mode(), n, fCell, pct(count(trials, t -> t.metBy(1)), n),
                    pct(count(trials, t -> t.metBy(2)), n), pct(count(trials, t -> t.metBy(3)), n),
                    pct(count(trials, t -> t.metBy(5)), n), pct(count(trials, t -> t.stayedFrom(5)), n),
                    medianFirstMet(trials), tuned ? Integer.toString(sum(trials, TrialResult::oscillations)) : "-",
                    tuned ? Integer.toString(sum(trials, TrialResult::limitStops)) : "-",
                    tuned ? pct(count(trials, t -> t.infeasibleBy(5)), n) : "-", medianNet(trials),
                    verdicts(trials)));
        });
        out.println();
        if (feasible != null) {
            printFeasiblePairs(out, groups, feasible);
            printInfeasiblePairs(out, groups, feasible);
        }
        out.println(String.format(Locale.ROOT, "%d runs x %d iterations in %.1f s wall on %d threads",
                result.trials().size(), iterations, result.wallSeconds(), result.threads()));
        out.flush();
    }

    /** The targets are counted on the pairs the frontier calls feasible: one line per rule set. */
    private static void printFeasiblePairs(PrintWriter out, Map<String, List<TrialResult>> groups,
            Map<String, java.util.Set<Long>> feasible) {
        Map<String, List<TrialResult>> byMode = new LinkedHashMap<>();
        groups.values().forEach(trials -> trials.stream()
                .filter(t -> feasible.getOrDefault(t.scenario(), java.util.Set.of()).contains(t.seed()))
                .forEach(t -> byMode.computeIfAbsent(t.mode(), k -> new ArrayList<>()).add(t)));
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
            boolean tuned = trials.get(0).autoTune();
            out.println(String.format(Locale.ROOT, "| %s | %d | %s | %s | %s | %s |", mode, n,
                    share(count(trials, t -> t.metBy(3)), n), share(count(trials, t -> t.stayedFrom(5)), n),
                    share(count(trials, t -> t.met().get(t.met().size() - 1)), n),
                    tuned ? Integer.toString(sum(trials, TrialResult::oscillations)) : "-"));
        });
        out.println();
    }

    /** The other side of the frontier: how soon each rule set said so on the pairs with no feasible point. */
    private static void printInfeasiblePairs(PrintWriter out, Map<String, List<TrialResult>> groups,
            Map<String, java.util.Set<Long>> feasible) {
        Map<String, List<TrialResult>> byMode = new LinkedHashMap<>();
        groups.values().forEach(trials -> trials.stream()
                .filter(t -> t.autoTune() && !feasible.getOrDefault(t.scenario(), java.util.Set.of()).contains(t.seed()))
                .forEach(t -> byMode.computeIfAbsent(t.mode(), k -> new ArrayList<>()).add(t)));
        if (byMode.isEmpty()) {
            return;
        }
        out.println("On the scenario x seed pairs the frontier calls infeasible:");
        out.println();
        out.println("| rules | infeasible pairs | declared infeasible by it5 | met by it5 anyway "
                + "| failing KPIs at the end <= at it1 |");
        out.println("| --- | ---: | ---: | ---: | ---: |");
        byMode.forEach((mode, trials) -> out.println(String.format(Locale.ROOT, "| %s | %d | %s | %s | %s |", mode,
                trials.size(), share(count(trials, t -> t.infeasibleBy(5)), trials.size()),
                share(count(trials, t -> t.metBy(5)), trials.size()),
                share(count(trials, TrialResult::endsNoWorse), trials.size()))));
        out.println();
    }

    /** Rows in the order the trials came: scenario, then mode (fixed, auto-tune or each rule set). */
    private static Map<String, List<TrialResult>> groups(TuningBench.Result result) {
        Map<String, List<TrialResult>> groups = new LinkedHashMap<>();
        for (TrialResult t : result.trials()) {
            groups.computeIfAbsent(t.scenario() + "|" + t.mode(), k -> new ArrayList<>()).add(t);
        }
        return groups;
    }

    private static long count(List<TrialResult> trials, java.util.function.Predicate<TrialResult> p) {
        return trials.stream().filter(p).count();
    }

    private static int sum(List<TrialResult> trials, java.util.function.ToIntFunction<TrialResult> f) {
        return trials.stream().mapToInt(f).sum();
    }

    private static double medianNet(List<TrialResult> trials) {
        double[] nets = trials.stream().mapToDouble(TrialResult::finalNetBps).sorted().toArray();
        return nets.length % 2 == 1 ? nets[nets.length / 2] : (nets[nets.length / 2 - 1] + nets[nets.length / 2]) / 2;
    }

    /** The median first iteration that met every target, over the runs that ever did ("-" when none did). */
    private static String medianFirstMet(List<TrialResult> trials) {
        int[] firsts = trials.stream().mapToInt(TrialResult::firstMet).filter(i -> i > 0).sorted().toArray();
        if (firsts.length == 0) {
            return "-";
        }
        double median = firsts.length % 2 == 1 ? firsts[firsts.length / 2]
                : (firsts[firsts.length / 2 - 1] + firsts[firsts.length / 2]) / 2.0;
        return String.format(Locale.ROOT, "%s (%d/%d)", median == Math.rint(median) ? Integer.toString((int) median)
                : String.format(Locale.ROOT, "%.1f", median), firsts.length, trials.size());
    }

    /**
     * How many runs ended on each verdict, as run gives it, e.g. "OK 14, WARN 5, FAIL 1"; FAILs for a KPI declared
     * infeasible within limits are counted again in brackets: "FAIL 6 (infeasible_within_limits 5)".
     */
    private static String verdicts(List<TrialResult> trials) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String v : List.of("OK", "WARN", "FAIL", "INCONCLUSIVE", "-")) {
            int c = (int) count(trials, t -> t.finalVerdict().equals(v));
            if (c > 0) {
                counts.put(v, c);
            }
        }
        StringBuilder sb = new StringBuilder();
        counts.forEach((v, c) -> sb.append(sb.length() == 0 ? "" : ", ").append(v).append(' ').append(c));
        long infeasible = count(trials, t -> TrialResult.INFEASIBLE.equals(t.finalReason()));
        if (infeasible > 0) {
            sb.append(" (").append(TrialResult.INFEASIBLE).append(' ').append(infeasible).append(')');
        }
        return sb.toString();
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
        for (TrialResult t : trials) {
            for (String kpi : t.failing().get(t.failing().size() - 1)) {
                counts.merge(kpi, 1, Integer::sum);
            }
        }
        if (counts.isEmpty()) {
            return "none";
        }
        List<Map.Entry<String, Integer>> sorted = new ArrayList<>(counts.entrySet());
        sorted.sort((a, b) -> b.getValue() - a.getValue() != 0 ? b.getValue() - a.getValue()
                : names.indexOf(a.getKey()) - names.indexOf(b.getKey()));
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(3, sorted.size()); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(sorted.get(i).getKey()).append(' ').append(sorted.get(i).getValue()).append('/').append(trials.size());
        }
        return sb.toString();
    }
}
