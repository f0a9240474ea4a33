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
        Map<String, List<TrialResult>> groups = new LinkedHashMap<>();
        for (TrialResult t : result.trials()) {
            groups.computeIfAbsent(t.scenario() + (t.autoTune() ? "|auto-tune" : "|fixed"), k -> new ArrayList<>())
                    .add(t);
        }
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
