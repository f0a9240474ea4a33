package soaktune.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import soaktune.gate.KpiThresholdsReader;
import soaktune.io.LimitsReader;
import soaktune.io.ProfileLoader;
import soaktune.model.Limits;
import soaktune.model.Profile;
import soaktune.sim.Scenario;

/**
 * Small frontier cells whose verdicts were measured on the full grid (docs/tuning-benchmark.md): calm seed 1
 * has feasible points, laggy-venue seed 1 has none (ws_lag over target at every point).
 */
final class FrontierBenchTest {
    private static FrontierBench.Result run(Scenario scenario, String grid, int threads, boolean stopAtFirst)
            throws Exception {
        Profile s1 = ProfileLoader.resolve(Optional.of("S1"), Map.of());
        Limits limits = LimitsReader.read(Path.of("rules/v1/limits.json"));
        KpiTargets targets = new KpiTargets(KpiThresholdsReader.read(Path.of("rules/v1/kpi_thresholds.json"), Map.of()));
        FrontierGrid g = FrontierGrid.of(limits, s1, FrontierGrid.parseCounts(grid));
        return FrontierBench.run(new FrontierBench.Config(List.of(FrontierMarket.synthetic(scenario.spec())), new SeedRange(1, 1), g,
                limits, s1, targets, 10, threads, stopAtFirst, FrontierBench.Judged.FIRST));
    }

    @Test
    void aJudgedWindowIsTheFixedSoaksIterations_missedInAnyAndTheLowestNetBps() throws Exception {
        Profile s1 = ProfileLoader.resolve(Optional.of("S1"), Map.of());
        Limits limits = LimitsReader.read(Path.of("rules/v1/limits.json"));
        KpiTargets targets = new KpiTargets(KpiThresholdsReader.read(Path.of("rules/v1/kpi_thresholds.json"), Map.of()));
        // one point, every field at the profile's value: the same settings bench tuning's fixed runs hold
        FrontierGrid g = FrontierGrid.of(limits, s1, FrontierGrid.parseCounts("1x1x1x1"));
        FrontierBench.Result r = FrontierBench.run(new FrontierBench.Config(
                List.of(FrontierMarket.synthetic(Scenario.DEFAULT.spec())), new SeedRange(1, 2), g, limits, s1, targets, 10, 2, false,
                new FrontierBench.Judged(3, 6)));
        TuningBench.Config fixed = new TuningBench.Config(List.of(Scenario.DEFAULT.spec()), new SeedRange(1, 2), 6, 1,
                new soaktune.tuning.Tuner(soaktune.rules.engine.RuleSetLoader.load(Path.of("rules/v1"))), targets, s1, 10);
        for (int seed = 1; seed <= 2; seed++) {
            List<soaktune.soak.SoakLoop.Iteration> soak = TuningBench.iterations(Scenario.DEFAULT.spec(), seed, false, fixed);
            List<String> missed = soak.subList(2, 6).stream()
                    .flatMap(it -> KpiTargets.failing(it.gate()).stream()).distinct().toList();
            double lowest = soak.subList(2, 6).stream().mapToDouble(it -> it.report().totals().getNetBps()).min()
                    .orElseThrow();
            FrontierCell.Point point = r.cells().get(seed - 1).points().get(0);
            assertThat(point.failing()).as("seed " + seed).isNotEmpty().containsExactlyInAnyOrderElementsOf(missed);
            assertThat(point.netBps()).isEqualTo(lowest);
        }
        assertThat(r.iterations()).as("6 iterations per point, plus the second pass's").isGreaterThanOrEqualTo(2 * 6)
                .isEqualTo(6L * (2 + r.cells().stream().mapToInt(c -> c.refined().size()).sum()));
    }

    @Test
    void calmSeed1_isFeasible_atLowSpread() throws Exception {
        FrontierBench.Result r = run(Scenario.CALM, "2x2x2x2", 2, false);
        FrontierCell cell = r.cells().get(0);
        assertThat(cell.complete()).isTrue();
        assertThat(cell.points()).hasSize(16);
        assertThat(cell.feasible()).isTrue();
        assertThat(cell.feasiblePoints()).isBetween(1, 15);
        // Every feasible point has no extra spread (measured: the wide spread costs calm its order age).
        for (int i = 0; i < 16; i++) {
            if (cell.points().get(i).feasible()) {
                assertThat(r.grid().point(i).get(soaktune.model.TunableField.BASE_SPREAD_BPS_DELTA)).contains(0.0);
            }
        }
        assertThat(cell.points().get(cell.best()).failing()).isEmpty();
        assertThat(cell.failingEverywhere()).isEmpty();

        FrontierSummary s = FrontierSummary.of(r).get(0);
        assertThat(s.feasibleSeeds()).isEqualTo(1);
        assertThat(s.feasibleShare()).isEqualTo(cell.feasiblePoints() / 16.0);
        assertThat(s.bestFeasibleSeeds()).isEqualTo(1);
        assertThat(r.iterations()).isEqualTo(16);
    }

    @Test
    void laggyVenueSeed1_isInfeasible_wsLagEverywhere() throws Exception {
        FrontierBench.Result r = run(Scenario.LAGGY_VENUE, "2x2x2x2", 2, false);
        FrontierCell cell = r.cells().get(0);
        assertThat(cell.feasible()).isFalse();
        assertThat(cell.feasiblePoints()).isZero();
        assertThat(cell.failingEverywhere()).contains("ws_lag");
        FrontierCell.Point best = cell.points().get(cell.best());
        for (FrontierCell.Point p : cell.points()) {
            assertThat(p.failing().size()).isGreaterThanOrEqualTo(best.failing().size());
        }
        assertThat(FrontierSummary.of(r).get(0).failingEverywhere()).contains("ws_lag");
        // the second pass looked around its best points and found nothing either
        assertThat(cell.refined()).isNotEmpty().allSatisfy(p -> assertThat(p.result().failing()).contains("ws_lag"));
    }

    @Test
    void thinBookSeed4_isFoundFeasibleByTheSecondPass_betweenGridPoints() throws Exception {
        Profile s1 = ProfileLoader.resolve(Optional.of("S1"), Map.of());
        Limits limits = LimitsReader.read(Path.of("rules/v1/limits.json"));
        KpiTargets targets = new KpiTargets(KpiThresholdsReader.read(Path.of("rules/v1/kpi_thresholds.json"), Map.of()));
        FrontierGrid g = FrontierGrid.of(limits, s1, FrontierGrid.parseCounts("6x3x3x2"));
        FrontierBench.Result r = FrontierBench.run(new FrontierBench.Config(
                List.of(FrontierMarket.synthetic(Scenario.THIN_BOOK.spec())), new SeedRange(1, 4), g, limits, s1, targets, 10, 2, true,
                FrontierBench.Judged.FIRST));
        FrontierCell seed4 = r.cells().get(3);
        assertThat(seed4.feasiblePoints()).as("no feasible point on the default grid").isZero();
        assertThat(seed4.feasible()).isTrue();
        FrontierCell.Refined found = seed4.firstFeasibleRefined();
        // measured: spread 0.45 (between the grid's 0.3 and 0.6) with the impact cap at its min
        assertThat(found.values().get(soaktune.model.TunableField.BASE_SPREAD_BPS_DELTA)).contains(0.45);
        assertThat(found.values().get(soaktune.model.TunableField.IMPACT_CAP_RATIO)).contains(0.04);
        assertThat(r.cells().subList(0, 3)).allSatisfy(c -> assertThat(c.refined()).isEmpty());
        assertThat(FrontierSummary.of(r).get(0).feasibleSeeds()).isEqualTo(4);
        assertThat(FrontierTable.secondPass(r)).contains("1 seeds").contains("thin-book seed 4");
    }

    @Test
    void resultsDoNotDependOnThreads_andEarlyStopKeepsOnlyTheFlag() throws Exception {
        FrontierBench.Result two = run(Scenario.CALM, "2x2x2x2", 2, false);
        FrontierBench.Result one = run(Scenario.CALM, "2x2x2x2", 1, false);
        assertThat(one.cells()).isEqualTo(two.cells());

        FrontierBench.Result early = run(Scenario.CALM, "2x2x2x2", 1, true);
        FrontierCell cell = early.cells().get(0);
        assertThat(cell.complete()).isFalse();
        assertThat(cell.feasible()).isTrue();
        int first = 0;
        while (!two.cells().get(0).points().get(first).feasible()) {
            first++;
        }
        assertThat(early.iterations()).isEqualTo(first + 1);
        assertThat(FrontierSummary.of(early).get(0).complete()).isFalse();
    }
}
