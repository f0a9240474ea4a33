package soaktune.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import soaktune.gate.Verdict;
import soaktune.io.InputException;
import soaktune.model.Range;
import soaktune.model.TunableField;

/** Reading an artifacts folder into the report model, and every way the folder can be unusable. */
final class ArtifactsReaderTest {
    @TempDir
    Path tmp;

    private SoakFixture fixture() {
        return new SoakFixture(tmp.resolve("soak"));
    }

    @Test
    void read_threeIterations_rowsCarryVerdictsKpisAndTunedValues() throws Exception {
        SoakReport r = ArtifactsReader.read(fixture().threeIterations().dir);

        assertThat(r.rows()).extracting(IterationRow::iteration).containsExactly(1, 2, 3);
        assertThat(r.plannedIterations()).isEqualTo(3);
        assertThat(r.status()).isEqualTo("unknown"); // no soak_state.json in the fixture
        IterationRow first = r.rows().get(0);
        assertThat(first.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(first.reasons()).containsExactlyInAnyOrder("EDGE:net_bps", "EDGE:cancel");
        assertThat(first.kpis().get("net_bps")).isEqualTo(new KpiPoint(2.3, Verdict.FAIL, null, 2.5, false));
        assertThat(first.kpis().get("cancel_ratio")).isEqualTo(new KpiPoint(0.6, Verdict.WARN, 0.55, 0.70, true));
        assertThat(first.kpis()).hasSize(7);
        assertThat(first.inEffect()).containsEntry(TunableField.MIN_INTERVAL_MS, 60.0);
        assertThat(first.after()).containsEntry(TunableField.MIN_INTERVAL_MS, 80.0);
        assertThat(first.rulesFired()).containsExactly("cancel_ratio_high", "accept_proposal");

        IterationRow second = r.rows().get(1);
        assertThat(second.hasReport()).isFalse();
        assertThat(second.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(second.note()).contains("no new EDGE_REPORT");
        assertThat(second.kpis()).isEmpty();
        // No decision: values come from what the strategy ran with; spread delta = 0.85 - 0.85 (profile) = 0.
        assertThat(second.inEffect()).containsEntry(TunableField.MIN_INTERVAL_MS, 80.0)
                .containsEntry(TunableField.BASE_SPREAD_BPS_DELTA, 0.0).hasSize(5);
        assertThat(second.after()).isEmpty();

        assertThat(r.finalOverrides()).containsEntry(TunableField.BASE_SPREAD_BPS_DELTA, 0.05);
        assertThat(r.limits()).isPresent();
        assertThat(r.limits().get().of(TunableField.MIN_INTERVAL_MS)).isEqualTo(new Range(50, 300));
        assertThat(r.notes()).isEmpty();
    }

    @Test
    void adjustments_everyIterationInOrderWithTheRuleSetThatMadeThem() throws Exception {
        SoakReport r = ArtifactsReader.read(fixture().threeIterations().dir);

        assertThat(r.adjustments()).containsExactly(
                new AdjustmentRow(1, TunableField.MIN_INTERVAL_MS, 60, 80, "cancel_ratio>0.55", "cancel_ratio_high",
                        SoakFixture.SHA),
                new AdjustmentRow(3, TunableField.BASE_SPREAD_BPS_DELTA, 0.0, 0.05, "adverse/slippage>threshold",
                        "adverse_or_slippage_high", SoakFixture.SHA));
        assertThat(r.adjustments().get(0).rulesShaShort()).isEqualTo("abcdef0");
    }

    @Test
    void finalVerdict_isTheLastIterationWithAReport_andCountsIncludeTheMissingOne() throws Exception {
        SoakReport r = ArtifactsReader.read(fixture().threeIterations().dir);

        assertThat(r.finalVerdict()).isEqualTo(Verdict.WARN); // iteration 3; iteration 2 had no report
        assertThat(r.verdictCounts()).containsExactly(Map.entry(Verdict.OK, 0), Map.entry(Verdict.WARN, 1),
                Map.entry(Verdict.FAIL, 1), Map.entry(Verdict.INCONCLUSIVE, 1));
    }

    @Test
    void worstKpis_failBeforeWarnBeforeOk_withTheIterationOfTheWorstValue() throws Exception {
        List<SoakReport.WorstKpi> worst = ArtifactsReader.read(fixture().threeIterations().dir).worstKpis();

        assertThat(worst).extracting(w -> w.kpi().key()).startsWith("net_bps", "cancel_ratio", "adverse_bps_p95")
                .hasSize(7);
        SoakReport.WorstKpi net = worst.get(0);
        assertThat(net.value()).isEqualTo(2.3); // lower is worse: min(2.3, 3.0)
        assertThat(net.iteration()).isEqualTo(1);
        assertThat(net.failCount()).isEqualTo(1);
        SoakReport.WorstKpi adverse = worst.get(2);
        assertThat(adverse.value()).isEqualTo(4.5); // higher is worse: max(2.0, 4.5)
        assertThat(adverse.iteration()).isEqualTo(3);
        assertThat(adverse.verdict()).isEqualTo(Verdict.WARN);
        assertThat(worst.get(3).verdict()).isEqualTo(Verdict.OK);
    }

    @Test
    void guardrails_guardsRaisedAndProposalsTrimmedOrDropped() throws Exception {
        SoakFixture f = fixture().threeIterations();
        Map<String, Object> decision = SoakFixture.decision(SoakFixture.overrides(80, 300, 0.0, 0.1, 700),
                SoakFixture.overrides(80, 300, 0.05, 0.1, 700), List.of(), "multi_fail_guard");
        decision.put("guards", List.of(Map.of("name", "multi_fail_guard", "reason", "2 failing rows")));
        decision.put("proposals", List.of(
                Map.of("field", "replace_rate_per_min", "actions", List.of(Map.of("guard", "multi_fail_keeps_calming_only",
                        "verdict", "dropped", "why", "not a calming change"))),
                Map.of("field", "base_spread_bps_delta", "actions", List.of(Map.of("guard", "spread_delta_cap",
                        "verdict", "trimmed", "why", "cap 0.1"), Map.of("guard", "accept_proposal", "verdict",
                        "accepted", "why", "no guardrail objected")))));
        f.write(3, f.summary(3, 3, SoakFixture.kpis(Map.of()), decision));

        assertThat(ArtifactsReader.read(f.dir).rows().get(2).guardrails()).containsExactly(
                "multi_fail_guard: 2 failing rows",
                "multi_fail_keeps_calming_only dropped replace_rate_per_min (not a calming change)",
                "spread_delta_cap trimmed base_spread_bps_delta (cap 0.1)");
    }

    @Test
    void unreadableLimits_noBandsAndANoteSayingWhy() throws Exception {
        SoakFixture f = fixture();
        f.rulesDir = tmp.resolve("gone/v1").toString();
        SoakReport r = ArtifactsReader.read(f.threeIterations().dir);

        assertThat(r.limits()).isEmpty();
        assertThat(r.notes()).singleElement().asString().startsWith("no limit bands: ")
                .contains("gone/v1/limits.json").contains("no such file");
    }

    @Test
    void summariesBeyondThePlannedIterations_areLeftFromAnOlderSoakAndIgnored() throws Exception {
        SoakFixture f = fixture().threeIterations();
        f.write(4, f.summary(4, 10, SoakFixture.kpis(Map.of()), null));

        SoakReport r = ArtifactsReader.read(f.dir);
        assertThat(r.rows()).hasSize(3);
        assertThat(r.notes()).singleElement().asString().isEqualTo("ignored ITER_SUMMARY_4.json: beyond this soak's 3 iterations (left from an earlier soak "
                + "in the same folder)");
    }

    @Test
    void missingFolder_namesIt() {
        Path dir = tmp.resolve("nope");
        assertThatThrownBy(() -> ArtifactsReader.read(dir)).isInstanceOf(InputException.class)
                .hasMessage(dir + ": no such folder: expected a soak's artifacts folder (run --artifacts DIR)");
    }

    @Test
    void aFileInsteadOfAFolder_isRejected() throws Exception {
        Path file = Files.writeString(tmp.resolve("file"), "x");
        assertThatThrownBy(() -> ArtifactsReader.read(file)).hasMessageContaining("is not a folder");
    }

    @Test
    void folderWithoutIterations_saysSo() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("empty"));
        Files.writeString(dir.resolve("ITER_SUMMARY_01.json"), "{}"); // leading zero: not a summary name
        assertThatThrownBy(() -> ArtifactsReader.read(dir)).isInstanceOf(InputException.class)
                .hasMessage(dir + ": no iterations: no ITER_SUMMARY_<i>.json in this folder (did a soak run here?)");
    }

    @Test
    void truncatedSummary_namesTheFile() {
        SoakFixture f = fixture().threeIterations().writeText("ITER_SUMMARY_2.json", "{\"iteration\": 2, ");
        assertThatThrownBy(() -> ArtifactsReader.read(f.dir)).isInstanceOf(InputException.class)
                .hasMessageStartingWith(f.dir.resolve("ITER_SUMMARY_2.json") + ": malformed JSON at line 1");
    }

    @Test
    void wrongTypes_nameTheFieldPath() {
        SoakFixture f = fixture().threeIterations();
        Map<String, Object> s = f.summary(3, 3, SoakFixture.kpis(Map.of()), null);
        @SuppressWarnings("unchecked")
        Map<String, Object> net = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) s.get("gate"))
                .get("metrics")).get("net_bps");
        net.put("value", "high");
        f.write(3, s);
        assertThatThrownBy(() -> ArtifactsReader.read(f.dir)).isInstanceOf(InputException.class)
                .hasMessage(f.dir.resolve("ITER_SUMMARY_3.json") + ": gate.metrics.net_bps.value: must be a number, "
                        + "got string \"high\"");
    }

    @Test
    void aSummaryWhoseIterationDisagreesWithItsName_isRejected() {
        SoakFixture f = fixture().threeIterations();
        f.write(2, f.summary(5, 3, SoakFixture.kpis(Map.of()), null));
        assertThatThrownBy(() -> ArtifactsReader.read(f.dir))
                .hasMessage(f.dir.resolve("ITER_SUMMARY_2.json") + ": iteration: is 5 but the file name says 2");
    }

    @Test
    void anAdjustmentOfAnUnknownField_isRejected() {
        SoakFixture f = fixture().threeIterations();
        f.write(3, f.summary(3, 3, SoakFixture.kpis(Map.of()), SoakFixture.decision(
                SoakFixture.overrides(80, 300, 0.0, 0.1, 700), SoakFixture.overrides(80, 300, 0.0, 0.1, 700),
                List.of(SoakFixture.adjustment(3, "spread", 0, 1, "r", "x")))));
        assertThatThrownBy(() -> ArtifactsReader.read(f.dir)).hasMessageStartingWith(
                f.dir.resolve("ITER_SUMMARY_3.json") + ": decision.adjustments[0].field: unknown tunable field \"spread\"");
    }

    @Test
    void anUnknownVerdict_isRejected() {
        SoakFixture f = fixture().threeIterations();
        Map<String, Object> s = f.summary(1, 3, SoakFixture.kpis(Map.of()), null);
        @SuppressWarnings("unchecked")
        Map<String, Object> gate = (Map<String, Object>) s.get("gate");
        gate.put("verdict", "GREEN");
        f.write(1, s);
        assertThatThrownBy(() -> ArtifactsReader.read(f.dir)).hasMessage(f.dir.resolve("ITER_SUMMARY_1.json")
                + ": gate.verdict: must be one of OK, WARN, FAIL, INCONCLUSIVE, got \"GREEN\"");
    }

    @Test
    void malformedAppliedProfile_namesIt() {
        SoakFixture f = fixture().threeIterations().writeText("applied_profile.json", "[1, 2]");
        assertThatThrownBy(() -> ArtifactsReader.read(f.dir))
                .hasMessage(f.dir.resolve("applied_profile.json") + ": must be a JSON object, got an array");
    }
}
