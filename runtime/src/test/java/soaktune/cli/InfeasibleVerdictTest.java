package soaktune.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import soaktune.io.Json;

/**
 * The "infeasible within limits" verdict end to end: laggy-venue's ws_lag misses at every point of the limits
 * box (docs/tuning-benchmark.md, "Feasibility frontier"), so a short mock soak with rules/v2 starting with
 * min_interval_ms at its max must stop pushing it after 3 iterations and end FAIL infeasible_within_limits.
 */
final class InfeasibleVerdictTest {
    private static final String SKIP =
            "| soak_iter_tune | SKIP | REASON=limits_exhausted KPI=ws_lag FIELDS=min_interval_ms |";
    private static final String REASON = "infeasible_within_limits: ws_lag (min_interval_ms)";

    @TempDir
    Path tmp;

    @Test
    void laggyVenueAtTheIntervalLimitIsDeclaredInfeasibleAndFailsTheSoak() throws Exception {
        Path dir = tmp.resolve("soak");
        CliRun r = CliRun.run(Map.of("MM_FREEZE_UTC_ISO", "2025-10-12T14:00:00Z",
                "MM_RUNTIME_OVERRIDES_JSON", "{\"min_interval_ms\": 300}"),
                "run", "--mock", "--auto-tune", "--scenario", "laggy-venue", "--rules", "rules/v2", "--seed", "1",
                "--iterations", "4", "--artifacts", dir.toString(), "--gate-final");

        assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.FAILED);
        // Declared from the third iteration at the limit on, once per iteration, never before.
        String[] iterations = r.out().split("\\[ITER ");
        assertThat(iterations[1]).doesNotContain(SKIP).contains("| soak_iter_tune | ");
        assertThat(iterations[2]).doesNotContain(SKIP);
        assertThat(iterations[3]).contains(SKIP);
        assertThat(iterations[4]).contains(SKIP);
        assertThat(r.out()).doesNotContain("metrics_stable")
                .contains("| kpi_gate_soak | FAIL | FINAL=FAIL ")
                .contains(" REASON=infeasible_within_limits KPI=ws_lag FIELDS=min_interval_ms |");

        JsonNode second = Json.readFile(dir.resolve("ITER_SUMMARY_2.json"));
        assertThat(second.at("/decision/infeasible")).isEmpty();
        assertThat(second.at("/decision/limit_stops").asInt()).isPositive(); // still pushing into the limit
        JsonNode third = Json.readFile(dir.resolve("ITER_SUMMARY_3.json"));
        assertThat(third.at("/decision/infeasible/0/kpi").asText()).isEqualTo("ws_lag");
        assertThat(third.at("/decision/infeasible/0/field").asText()).isEqualTo("min_interval_ms");
        assertThat(third.at("/decision/kpis_missed").findValuesAsText("kpi")).contains("ws_lag");
        assertThat(third.at("/decision/limit_stops").asInt()).isZero(); // the push was dropped, not clamped
        for (JsonNode p : third.at("/decision/proposals")) {
            if (p.get("field").asText().equals("min_interval_ms")) {
                assertThat(p.get("status").asText()).isEqualTo("dropped");
            }
        }
        assertThat(third.at("/decision/overrides_after/min_interval_ms").asInt()).isEqualTo(300);

        JsonNode applied = Json.readFile(dir.resolve("applied_profile.json"));
        assertThat(applied.at("/tuning_memory/infeasible/0/kpi").asText()).isEqualTo("ws_lag");
        assertThat(applied.at("/tuning_memory/infeasible/0/iteration").asInt()).isEqualTo(4);
        assertThat(applied.at("/tuning_memory/kpi_misses/ws_lag").asInt()).isEqualTo(4);
        assertThat(applied.at("/tuning_memory/at_limit/min_interval_ms").asInt()).isEqualTo(4);

        assertThat(Files.readString(dir.resolve("report.md"))).contains("final verdict **FAIL**").contains(REASON);
        assertThat(Files.readString(dir.resolve("report.html"))).contains(REASON);

        // The report rebuilt from the artifacts alone says the same.
        CliRun report = CliRun.run("report", "--artifacts", dir.toString(), "--markdown",
                tmp.resolve("again.md").toString(), "--out", tmp.resolve("again.html").toString());
        assertThat(report.code()).as(report.err()).isZero();
        assertThat(Files.readString(tmp.resolve("again.md"))).contains(REASON);
    }

    @Test
    void oneShotTuneCarriesTheStreaksInAppliedProfileAndDeclaresOnTheThirdCall() throws Exception {
        Path report = TestFiles.write(tmp.resolve("EDGE_REPORT.json"), TestFiles.edgeReport("fills", "500")
                .replace("\"ws_lag_p95_ms\": 80", "\"ws_lag_p95_ms\": 200"));
        Path out = tmp.resolve("soak/runtime_overrides.json");
        Map<String, String> env = Map.of("MM_FREEZE_UTC_ISO", "2025-10-12T14:00:00Z",
                "MM_RUNTIME_OVERRIDES_JSON", "{\"min_interval_ms\": 300}");
        for (int call = 1; call <= 3; call++) {
            CliRun r = CliRun.run(env, "tune", "--rules", "rules/v2", "--edge-report", report.toString(),
                    "--out", out.toString());
            assertThat(r.code()).as(r.err()).isZero();
            JsonNode memory = Json.readFile(out.resolveSibling("applied_profile.json")).get("tuning_memory");
            assertThat(memory.at("/kpi_misses/ws_lag").asInt()).isEqualTo(call);
            if (call < 3) {
                assertThat(r.out()).doesNotContain(SKIP);
                assertThat(memory.get("infeasible")).isEmpty();
            } else {
                assertThat(r.out()).contains(SKIP).doesNotContain("metrics_stable");
                assertThat(memory.at("/infeasible/0/field").asText()).isEqualTo("min_interval_ms");
            }
        }
    }

    @Test
    void v2sInfeasibleScenariosPass() {
        CliRun r = CliRun.run("rules", "test", "rules/v2");
        assertThat(r.code()).as(r.out()).isZero();
        assertThat(r.out().lines().filter(l -> l.startsWith("PASS ") && l.contains("(K-1)"))).hasSize(2);
        assertThat(r.out())
                .contains("PASS ws_lag missing 3 iterations in a row with min_interval_ms at its max is declared")
                .contains("PASS ws_lag long missed but min_interval_ms below its max is pushed, not declared");
    }
}
