package soaktune.tuning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import soaktune.io.InputException;
import soaktune.io.Json;
import soaktune.io.JsonFields;
import soaktune.model.FieldMove;
import soaktune.model.Infeasible;
import soaktune.model.MetricName;
import soaktune.model.Metrics;
import soaktune.model.Overrides;
import soaktune.model.Profile;
import soaktune.model.TunableField;
import soaktune.rules.RuleEvaluationException;
import soaktune.rules.engine.RuleSetLoader;
import soaktune.rules.RulesFolders;

/** The streaks and the verdict the feasibility rules need, as the tuning memory carries them between steps. */
final class InfeasibleMemoryTest {
    private static final Tuner v2 = MetricsFixtures.tuner("rules/v2");
    private static final Profile s1 = MetricsFixtures.s1();

    private static TuningStep.Result step(TuningMemory memory, int iteration, double wsLag, double minInterval) {
        Metrics m = MetricsFixtures.healthy().with(MetricName.WS_LAG_P95_MS, wsLag).build();
        Overrides current = Overrides.empty().with(TunableField.MIN_INTERVAL_MS, minInterval);
        return new TuningStep(m, current, s1, memory, iteration, 0).take(v2, "2025-01-01T00:00:00Z");
    }

    @Test
    void streaksCountUpWhileMissedAtTheLimitAndStartOverWhenEitherStops() {
        TuningMemory m = TuningMemory.empty();
        for (int i = 1; i <= 3; i++) {
            m = step(m, i, 200, 300).memoryAfter();
            assertThat(m.misses()).containsEntry("ws_lag", i);
            assertThat(m.atLimit()).containsEntry("min_interval_ms", i);
        }
        assertThat(m.infeasible()).extracting(Infeasible::kpi, Infeasible::field, Infeasible::iteration)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ws_lag", "min_interval_ms", 3));

        TuningMemory recovered = step(m, 4, 100, 300).memoryAfter();
        assertThat(recovered.misses()).doesNotContainKey("ws_lag");
        assertThat(recovered.infeasible()).isEmpty(); // the verdict is the last decision's, not sticky
        // 5 ms past the target with 20 ms of room: within reach, so not ws_lag_out_of_reach either
        TuningMemory room = step(m, 4, 125, 280).memoryAfter();
        assertThat(room.atLimit()).doesNotContainKey("min_interval_ms");
        assertThat(room.misses()).containsEntry("ws_lag", 4);
        assertThat(room.infeasible()).isEmpty();
    }

    @Test
    void jsonRoundTripKeepsEveryPartAndOldMemoryStillReads() throws Exception {
        TuningMemory m = new TuningMemory(List.of(new FieldMove("min_interval_ms", 2, 1)), Map.of("tail_age_ms", 2),
                Map.of("ws_lag", 3), Map.of("min_interval_ms", 3),
                List.of(new Infeasible("ws_lag", "min_interval_ms", "ws_lag_infeasible", 3)));
        JsonNode json = Json.mapper().valueToTree(m); // the record is its own JSON
        assertThat(TuningMemoryJson.fromJson(new JsonFields("t"), json, "tuning_memory")).isEqualTo(m);

        JsonNode old = Json.mapper().readTree("{\"moves\": [], \"frozen\": {}}");
        TuningMemory read = TuningMemoryJson.fromJson(new JsonFields("t"), old, "tuning_memory");
        assertThat(read.misses()).isEmpty();
        assertThat(read.infeasible()).isEmpty();
    }

    @Test
    void badStreaksAreRefusedNamingTheField() throws Exception {
        assertRefused("{\"moves\": [], \"frozen\": {}, \"kpi_misses\": {\"ws_lag\": 0}}", "tuning_memory.kpi_misses.ws_lag");
        assertRefused("{\"moves\": [], \"frozen\": {}, \"kpi_misses\": {\"WS LAG\": 1}}", "tuning_memory.kpi_misses.WS LAG");
        assertRefused("{\"moves\": [], \"frozen\": {}, \"at_limit\": {\"spread\": 1}}", "tuning_memory.at_limit.spread");
        assertRefused("{\"moves\": [], \"frozen\": {}, \"infeasible\": [{\"kpi\": \"ws_lag\", \"field\": \"x\", "
                + "\"rule\": \"r\", \"iteration\": 1}]}", "tuning_memory.infeasible[0].field");
    }

    @Test
    void aRuleNamingAnUnknownFieldOrABadKpiFailsTheDecisionNamingTheRule(@TempDir Path dir) throws Exception {
        RulesFolders.copyOfV1(dir);
        // Passed through a variable, so rules check cannot see the literal: the DSL is the last check.
        Files.writeString(dir.resolve("bad.drl"), """
                package soaktune.rules.v1
                import soaktune.model.Metrics
                import function soaktune.rules.Dsl.infeasible
                import function soaktune.rules.Dsl.missed
                rule "bad_field"
                when
                    Metrics( wsLagP95Ms > 150 )
                then
                    String field = "min_intervall_ms";
                    infeasible(drools, "ws_lag", field);
                end
                rule "bad_kpi"
                when
                    Metrics( wsLagP95Ms > 100, wsLagP95Ms < 150 )
                then
                    missed(drools, "WS " + "lag");
                end
                """);
        Tuner tuner = new Tuner(RuleSetLoader.load(dir));
        for (double lag : new double[] {200, 120}) {
            Metrics m = MetricsFixtures.healthy().with(MetricName.WS_LAG_P95_MS, lag).build();
            assertThatThrownBy(() -> new TuningStep(m, Overrides.empty(), s1, TuningMemory.empty(), 1, 0)
                    .take(tuner, "2025-01-01T00:00:00Z")).isInstanceOf(RuleEvaluationException.class)
                    .hasMessageContaining(lag > 150 ? "rule \"bad_field\"" : "rule \"bad_kpi\"")
                    .hasMessageContaining(lag > 150 ? "min_intervall_ms" : "WS lag");
        }
    }

    private static void assertRefused(String json, String field) throws Exception {
        JsonNode node = Json.mapper().readTree(json);
        assertThatThrownBy(() -> TuningMemoryJson.fromJson(new JsonFields("t"), node, "tuning_memory"))
                .isInstanceOf(InputException.class).satisfies(e -> assertThat(((InputException) e).field())
                        .isEqualTo(field));
    }
}
