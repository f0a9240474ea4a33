package soaktune.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import soaktune.io.Json;

/** What the page draws: values in effect, jumps where rules changed them, thresholds, safe embedding. */
final class ChartDataTest {
    @TempDir
    Path tmp;

    private JsonNode data(SoakFixture f) throws Exception {
        ChartData data = ChartData.of(ArtifactsReader.read(f.dir), "2025-10-12T14:00:00Z", "soaktune test");
        return Json.mapper().readTree(HtmlReport.scriptSafeJson(data));
    }

    private static JsonNode param(JsonNode data, String key) {
        for (JsonNode p : data.get("params")) {
            if (p.get("key").asText().equals(key)) {
                return p;
            }
        }
        throw new AssertionError("no param " + key);
    }

    @Test
    void params_stepLineSpansEachIteration_andJumpsHalfWayAfterTheDecidingOne() throws Exception {
        JsonNode data = data(new SoakFixture(tmp.resolve("soak")).threeIterations());

        // min_interval_ms ran 60, 80, 80: iteration i covers x = i-0.5 .. i+0.5.
        JsonNode interval = param(data, "min_interval_ms");
        assertThat(interval.get("steps").toString())
                .isEqualTo("[[0.5,60.0],[1.5,60.0],[1.5,80.0],[2.5,80.0],[2.5,80.0],[3.5,80.0]]");
        assertThat(interval.get("changes")).hasSize(1);
        JsonNode change = interval.get("changes").get(0);
        assertThat(change.get("x").asDouble()).isEqualTo(1.5);
        assertThat(change.get("to").asInt()).isEqualTo(80);
        assertThat(change.get("rule").asText()).isEqualTo("cancel_ratio_high");
        assertThat(change.get("reason").asText()).isEqualTo("cancel_ratio>0.55");
        assertThat(interval.get("min").asDouble()).isEqualTo(50.0);
        assertThat(interval.get("max").asDouble()).isEqualTo(300.0);

        // The spread delta changed after the last iteration: the line ends with that jump at 3.5.
        JsonNode spread = param(data, "base_spread_bps_delta");
        assertThat(spread.get("steps").get(spread.get("steps").size() - 1).toString()).isEqualTo("[3.5,0.05]");
    }

    @Test
    void kpis_valuesWithVerdicts_andThresholdsPerIteration_nullWhereNoReportCame() throws Exception {
        JsonNode data = data(new SoakFixture(tmp.resolve("soak")).threeIterations());

        JsonNode cancel = data.get("kpis").get(1);
        assertThat(cancel.get("key").asText()).isEqualTo("cancel_ratio");
        assertThat(cancel.get("higher_is_worse").asBoolean()).isTrue();
        assertThat(cancel.get("values").toString()).isEqualTo("[[1,0.6,\"WARN\"],[2,null,null],[3,0.4,\"OK\"]]");
        assertThat(cancel.get("warn").toString()).isEqualTo("[[1,0.55],[2,null],[3,0.55]]");
        assertThat(cancel.get("fail").toString()).isEqualTo("[[1,0.7],[2,null],[3,0.7]]");
        assertThat(data.get("kpis").get(0).get("higher_is_worse").asBoolean()).as("net_bps").isFalse();
        assertThat(data.at("/summary/final_verdict").asText()).isEqualTo("WARN");
        assertThat(data.at("/summary/adjustment_count").asInt()).isEqualTo(2);
        assertThat(data.get("iterations").get(1).get("has_report").asBoolean()).isFalse();
    }

    @Test
    void withoutLimits_paramsHaveNoBands() throws Exception {
        SoakFixture f = new SoakFixture(tmp.resolve("soak"));
        f.rulesDir = tmp.resolve("missing").toString();
        JsonNode data = data(f.threeIterations());
        for (JsonNode p : data.get("params")) {
            assertThat(p.get("min").isNull()).as(p.get("key").asText()).isTrue();
        }
        assertThat(data.at("/summary/notes/0").asText()).startsWith("no limit bands");
    }

    @Test
    void scriptSafeJson_cannotCloseTheScriptElement() throws Exception {
        String json = HtmlReport.scriptSafeJson(Map.of("reason", "</script><script>alert(1)</script> & <!--"));
        assertThat(json).doesNotContain("<").doesNotContain(">").doesNotContain("&");
        assertThat(Json.mapper().readTree(json).get("reason").asText())
                .isEqualTo("</script><script>alert(1)</script> & <!--");
    }

    @Test
    void render_inlinesTheLibraryAndTheData_withNoPlaceholderLeftAndNothingFetched() throws Exception {
        String page = HtmlReport.render(Map.of("summary", Map.of("note", "{{DATA}} </script>"), "kpis", List.of()));
        assertThat(page).doesNotContain("{{ECHARTS}}").contains("\"{{DATA}} \\u003C/script\\u003E\"");
        assertThat(page).contains("Apache Software Foundation").contains("echarts");
        assertThat(page).doesNotContainPattern("(?i)(src|href)\\s*=\\s*[\"']?(https?:)?//");
        assertThat(page).contains("default-src 'none'");
    }
}
