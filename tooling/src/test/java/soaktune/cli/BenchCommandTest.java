package soaktune.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The bench commands run and print their tables (figures are not asserted: they are measurements). */
final class BenchCommandTest {
    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.commandLine(Map.of(), new PrintWriter(out), new PrintWriter(err)).execute(args);
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }

    @Test
    void benchTuning_printsOneRowPerScenarioAndMode() {
        String[] r = run("bench", "tuning", "--scenarios", "calm,default", "--seeds", "2", "--iterations", "3",
                "--threads", "2");
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        assertThat(r[1]).contains("| scenario | mode | runs | met by it3 | met by it5 | stay met |")
                .contains("| calm | fixed | 2 |").contains("| calm | auto-tune | 2 |")
                .contains("| default | fixed | 2 |").contains("| default | auto-tune | 2 |")
                .contains("8 runs x 3 iterations");
    }

    @Test
    void benchTuning_frontier_addsTheFeasibleColumn() {
        String[] r = run("bench", "tuning", "--scenarios", "calm,laggy-venue", "--seeds", "1", "--iterations", "1",
                "--frontier");
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        assertThat(r[1]).contains("| scenario | mode | runs | feasible | met by it3 |")
                .contains("| calm | fixed | 1 | 100% |").contains("| calm | auto-tune | 1 | 100% |")
                .contains("| laggy-venue | fixed | 1 | 0% |").contains("Feasible: share of seeds where the frontier");
    }

    @Test
    void benchTuning_vs_printsBothSetsRows_andASetAgainstItselfGivesTheSameFigures() {
        String[] r = run("bench", "tuning", "--rules", "rules/v1", "--vs", "rules/v1", "--scenarios", "default",
                "--seeds", "2", "--iterations", "4", "--threads", "2");
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        assertThat(r[1]).contains("| scenario | rules | runs | met by it1 | met by it2 | met by it3 | met by it5 |")
                .contains("| limit stops | infeasible by it5 |").contains("vs v1 (vs) = rules/v1")
                .contains("6 runs x 4 iterations");
        String a = row(r[1], "| default | v1 |");
        String b = row(r[1], "| default | v1 (vs) |");
        assertThat(b.substring("| default | v1 (vs) |".length())).isEqualTo(a.substring("| default | v1 |".length()));
        assertThat(row(r[1], "| default | fixed |")).isNotEmpty();
    }

    @Test
    void benchTuning_threeIterations_printsDashInTheIt5Columns_andFiguresInIt1ToIt3() {
        String[] vs = run("bench", "tuning", "--rules", "v1", "--vs", "v2", "--scenarios", "calm", "--seeds", "1",
                "--iterations", "3", "--threads", "2");
        assertThat(vs[0]).as(vs[2]).isEqualTo("0");
        // calm meets every target from iteration 1 on: met by it1..it3, stay met, first met 1, not infeasible
        assertThat(row(vs[1], "| calm | v2 |"))
                .startsWith("| calm | v2 | 1 | 100% | 100% | 100% | - | 100% | 1 (1/1) | 0 | 0 | - | ");
        String[] smoke = run("bench", "tuning", "--smoke");
        assertThat(smoke[0]).as(smoke[2]).isEqualTo("0");
        assertThat(row(smoke[1], "| default | auto-tune |"))
                .matches("\\| default \\| auto-tune \\| 2 \\| \\d+% \\| - \\| .*");
    }

    @Test
    void benchReload_smoke_comparesTheFirstAndTheLastSampleAfterReloading() {
        String[] r = run("bench", "reload", "--smoke");
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        assertThat(r[1]).contains("       1 reloads: heap ").contains("       3 reloads: heap ")
                .containsPattern("heap after GC: \\d+ kB after 1 reloads -> \\d+ kB after 3 ");
    }

    @Test
    void benchTuning_vs_badSet_exit2() {
        String[] r = run("bench", "tuning", "--vs", "no/such/rules", "--smoke");
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2]).contains("no/such/rules");
    }

    private static String row(String out, String start) {
        return out.lines().filter(l -> l.startsWith(start)).findFirst().orElseThrow(() -> new AssertionError(
                "no row " + start + " in\n" + out));
    }

    @Test
    void benchTuning_badInput_exit2() {
        String[] unknown = run("bench", "tuning", "--scenarios", "calm,stormy", "--seeds", "1");
        assertThat(unknown[0]).isEqualTo("2");
        // the option typed is --scenarios (run's is --scenario)
        assertThat(unknown[2]).contains("--scenarios: unknown scenario 'stormy'");
        String[] frontier = run("bench", "frontier", "--scenarios", "stormy", "--seeds", "1");
        assertThat(frontier[0]).isEqualTo("2");
        assertThat(frontier[2]).contains("--scenarios: unknown scenario 'stormy'");
        for (String bad : new String[] {"0", "0..3", "5..3", "1..10001", "3..", "x"}) {
            String[] seeds = run("bench", "tuning", "--seeds", bad);
            assertThat(seeds[0]).as(bad).isEqualTo("2");
            assertThat(seeds[2]).as(bad).contains("bench tuning: --seeds: must be N (seeds 1..N) or A..B with "
                    + "1 <= A <= B and at most 10000 seeds, got '" + bad + "'");
        }
    }

    @Test
    void aSeedRangeRunsThoseSeeds_onTheSamePathsAsInOneToN(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path all = dir.resolve("all.json");
        java.nio.file.Path later = dir.resolve("later.json");
        run("bench", "frontier", "--scenarios", "default", "--seeds", "3", "--grid", "2x1x2x1", "--json", all.toString());
        String[] r = run("bench", "frontier", "--scenarios", "default", "--seeds", "2..3", "--grid", "2x1x2x1",
                "--json", later.toString());
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        assertThat(r[1]).contains("seeds 2..3, one iteration").contains("1 markets x 2 seeds x 4 points");
        com.fasterxml.jackson.databind.JsonNode a = soaktune.io.Json.mapper().readTree(all.toFile());
        com.fasterxml.jackson.databind.JsonNode b = soaktune.io.Json.mapper().readTree(later.toFile());
        assertThat(b.get("first_seed").asInt()).isEqualTo(2);
        assertThat(b.get("last_seed").asInt()).isEqualTo(3);
        assertThat(b.get("seeds").asInt()).isEqualTo(2);
        assertThat(b.get("cells")).hasSize(2);
        assertThat(b.get("cells").get(0)).isEqualTo(a.get("cells").get(1));
        assertThat(b.get("cells").get(1)).isEqualTo(a.get("cells").get(2));

        String[] tuning = run("bench", "tuning", "--scenarios", "default", "--seeds", "21..22", "--iterations", "2");
        assertThat(tuning[0]).as(tuning[2]).isEqualTo("0");
        assertThat(tuning[1]).contains("seeds 21..22, 2 iterations").contains("| default | fixed | 2 |");
    }

    @Test
    void benchSim_printsEventsPerSecond_andSaysWhenReplayIsSkipped() {
        String[] r = run("bench", "sim", "--scenarios", "calm", "--runs", "1", "--warmup", "0", "--iterations", "1",
                "--market-data", "no/such/folder");
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        assertThat(r[1]).contains("| market | events per run | median events/s (wall) |")
                .contains("| calm (1 x 10 min) |").contains("Replay skipped: no market-data folder at no/such/folder");
    }

    @Test
    void benchFrontier_smoke_printsOneRowPerMarket_andTimes() {
        String[] r = run("bench", "frontier", "--smoke", "--scenarios", "calm,laggy-venue");
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        assertThat(r[1]).contains("Grid: 16 points: min_interval_ms 50..300 (2) x replace_rate_per_min 120..360 (2) x "
                + "base_spread_bps_delta 0.0..0.6 (2) x tail_age_ms 400..1000 (2); held at the profile's value: "
                + "impact_cap_ratio=0.1")
                .contains("| market | seeds | feasible seeds | feasible points | best point | best: feasible on | "
                        + "best: missed | mean net_bps at best | KPIs failing everywhere |")
                .contains("| calm | 1 | 1/1 | ").contains("| laggy-venue | 1 | 0/1 | 0.0% |")
                .contains("| market | min_interval_ms | replace_rate_per_min | base_spread_bps_delta | tail_age_ms |")
                // 32 grid iterations plus laggy-venue's second pass (FrontierRefine), which calm (feasible) skips
                .containsPattern("Second pass \\(around the 4 best grid points of each seed with no feasible grid "
                        + "point\\): 1 seeds, [0-9]+ points; feasible there: none")
                .containsPattern("2 markets x 1 seeds x 16 points x 1 iterations, with the second pass [0-9,]+ "
                        + "iterations of 10 min in [0-9.]+ s wall");
    }

    @Test
    void benchFrontier_judgedWindow_isPrintedAndRecorded(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path file = dir.resolve("frontier.json");
        String[] r = run("bench", "frontier", "--smoke", "--scenarios", "calm", "--iterations", "2..3",
                "--json", file.toString());
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        assertThat(r[1]).contains("iterations 2..3 judged (1..3 run) of 10 min per point")
                .containsPattern("1 markets x 1 seeds x 16 points x 3 iterations, with the second pass 48 iterations");
        assertThat(soaktune.io.Json.mapper().readTree(file.toFile()).toString()).contains("\"iterations_judged\":[2,3]");
    }

    @Test
    void benchFrontier_json_perMarketAndPerSeed(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path file = dir.resolve("frontier.json");
        String[] r = run("bench", "frontier", "--scenarios", "calm", "--seeds", "2", "--grid", "2x1x2x1",
                "--json", file.toString());
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        String text = java.nio.file.Files.readString(file);
        com.fasterxml.jackson.databind.JsonNode root = soaktune.io.Json.mapper().readTree(text);
        assertThat(root.get("grid").get("points").asInt()).isEqualTo(4);
        assertThat(root.get("grid").get("swept").get("min_interval_ms").toString()).isEqualTo("[50,300]");
        assertThat(root.get("grid").get("fixed").get("tail_age_ms").asInt()).isEqualTo(700);
        assertThat(root.get("markets")).hasSize(1);
        assertThat(root.get("markets").get(0).get("market").asText()).isEqualTo("calm");
        assertThat(root.get("markets").get(0).get("seeds").asInt()).isEqualTo(2);
        assertThat(root.get("cells")).hasSize(2);
        com.fasterxml.jackson.databind.JsonNode cell = root.get("cells").get(1);
        assertThat(cell.get("seed").asInt()).isEqualTo(2);
        assertThat(cell.get("points").asInt()).isEqualTo(4);
        assertThat(cell.get("feasible").isBoolean()).isTrue();
        assertThat(cell.get("best").get("values").get("base_spread_bps_delta")).isNotNull();
        // sorted keys at every level: the text equals its own canonical rewrite
        assertThat(soaktune.io.Json.toText(root)).isEqualTo(text);
        // no timings: the same run writes the same bytes
        run("bench", "frontier", "--scenarios", "calm", "--seeds", "2", "--grid", "2x1x2x1", "--json", file.toString());
        assertThat(java.nio.file.Files.readString(file)).isEqualTo(text);
    }

    @Test
    void benchFrontier_badInput_exit2_namesFileAndField(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        String[] grid = run("bench", "frontier", "--grid", "6x0x5");
        assertThat(grid[0]).isEqualTo("2");
        assertThat(grid[2]).contains("--grid: expected counts 1..100");
        for (String bad : new String[] {"5..3", "0", "3..", "x"}) {
            String[] window = run("bench", "frontier", "--smoke", "--iterations", bad);
            assertThat(window[0]).as(bad).isEqualTo("2");
            assertThat(window[2]).contains("--iterations: must be N or K..N with 1 <= K <= N <= 100, got '" + bad + "'");
        }
        String[] rules = run("bench", "frontier", "--smoke", "--rules", dir.toString());
        assertThat(rules[0]).isEqualTo("2");
        assertThat(rules[2]).contains(dir.resolve("limits.json").toString()).contains("no such file")
                .doesNotContain("Exception");
        String[] none = run("bench", "frontier", "--scenarios", "none");
        assertThat(none[0]).isEqualTo("2");
        assertThat(none[2]).contains("nothing to sweep");
    }

    @Test
    void bench_bare_listsSubcommands() {
        String[] r = run("bench");
        assertThat(r[0]).isEqualTo("0");
        assertThat(r[1]).contains("tuning").contains("frontier").contains("sim");
    }
}
