package soaktune.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import soaktune.gate.KpiThresholdsReader;

/** The tuning tables on hand-made runs: a column about an iteration the runs never reached prints "-". */
final class TuningTableTest {
    private static final Map<String, Set<Long>> FEASIBLE = Map.of("calm", Set.of(1L));

    @Test
    void threeIterations_printDashInTheIt5Columns_andFiguresInIt1ToIt3() throws Exception {
        String plain = print(3, false);
        assertThat(plain).contains("| calm | auto-tune | 1 | 100% | - | 100% | 100% | 0 | 0 | 3.00 | none |")
                .contains("| toxic | auto-tune | 1 | 0% | - | 0% | 0% | 0 | 0 | 3.00 | adverse 1/1 |");

        String vs = print(3, true);
        assertThat(vs).contains("| calm | v2 | 1 | 100% | 0% | 100% | 100% | - | 100% | 2 (1/1) | 0 | 0 | - | 3.00 |")
                .contains("| toxic | v2 | 1 | - | 0% | 0% | 0% | - | 0% | - | 0 | 0 | - | 3.00 |")
                .contains("| toxic | fixed | 1 | - | 0% | 0% | 0% | - | 0% | - | - | - | - | 3.00 |")
                .contains("| v2 | 1 | 1/1 (100%) | 1/1 (100%) | 1/1 (100%) | 0 |")
                .contains("| v2 | 1 | - | - | 1/1 (100%) |");
    }

    @Test
    void fiveIterations_printTheIt5Figures() throws Exception {
        assertThat(print(5, false)).contains("| calm | auto-tune | 1 | 100% | 100% | 100% | 100% | 0 | 0 |");
        assertThat(print(5, true)).contains("| calm | v2 | 1 | 100% | 0% | 100% | 100% | 100% | 100% | 2 (1/1) |")
                .contains("| toxic | v2 | 1 | - | 0% | 0% | 0% | 0% | 0% | - | 0 | 0 | 100% | 3.00 |")
                .contains("| v2 | 1 | 1/1 (100%) | 0/1 (0%) | 1/1 (100%) |");
    }

    /** Seed 1 of calm (feasible; fixed met from it1, tuned from it2) and toxic (never met; declared at it2). */
    private static String print(int iterations, boolean vs) throws Exception {
        String rules = vs ? "v2" : "";
        List<TrialResult> trials = List.of(trial("calm", false, "", iterations, 1, 0),
                trial("calm", true, rules, iterations, vs ? 2 : 1, 0), trial("toxic", false, "", iterations, 0, 0),
                trial("toxic", true, rules, iterations, 0, 2));
        TuningBench.Result result = new TuningBench.Result(trials, 0.1, 1);
        Path thresholds = Path.of("rules/v1", KpiThresholdsReader.FILE);
        KpiTargets targets = new KpiTargets(KpiThresholdsReader.read(thresholds, Map.of()));
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text);
        if (vs) {
            TuningTable.printVs(out, result, iterations, targets, FEASIBLE, 1);
        } else {
            TuningTable.print(out, result, iterations, targets, null, 1);
        }
        return text.toString();
    }

    /** Met every target from iteration {@code firstMet} on (never when 0), adverse failing before. */
    private static TrialResult trial(String scenario, boolean autoTune, String rules, int iterations, int firstMet,
            int firstInfeasible) {
        List<Boolean> met = IntStream.rangeClosed(1, iterations).mapToObj(i -> firstMet > 0 && i >= firstMet).toList();
        List<List<String>> failing = met.stream().map(m -> m ? List.<String>of() : List.of("adverse")).toList();
        boolean last = met.get(iterations - 1);
        return new TrialResult(scenario, 1, autoTune, rules, met, failing, 0, 0, 3.0, last ? "OK" : "FAIL",
                firstInfeasible > 0 ? TrialResult.INFEASIBLE : "", firstInfeasible);
    }
}
