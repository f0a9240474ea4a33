package soaktune.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The PR-comment summary: verdicts, final overrides, the adjustments table, the worst KPIs. */
final class MarkdownReportTest {
    @TempDir
    Path tmp;

    @Test
    void render_threeIterations() throws Exception {
        String md = MarkdownReport.render(ArtifactsReader.read(new SoakFixture(tmp.resolve("soak")).threeIterations().dir));

        assertThat(md).startsWith("## Soak report: final verdict **WARN**\n\n3 of 3 iterations, soak unknown, rules v1 "
                + "(abcdef0), profile S1.\n");
        assertThat(md).contains("**Verdicts:** OK 0, WARN 1, FAIL 1, INCONCLUSIVE 1 (per iteration: `FAIL NO_REPORT WARN`)");
        assertThat(md).contains("**Final overrides:** `min_interval_ms=80` `replace_rate_per_min=300` "
                + "`base_spread_bps_delta=0.05` `impact_cap_ratio=0.1` `tail_age_ms=700`");
        assertThat(md).contains("**Adjustments:** 2\n\n| Iteration | Field | From | To | Reason | Rule | Rules sha |\n"
                + "|---:|---|---:|---:|---|---|---|\n"
                + "| 1 | min_interval_ms | 60 | 80 | cancel_ratio>0.55 | cancel_ratio_high | abcdef0 |\n"
                + "| 3 | base_spread_bps_delta | 0.0 | 0.05 | adverse/slippage>threshold | adverse_or_slippage_high "
                + "| abcdef0 |\n");
        assertThat(md).contains("| net_bps | 2.3 | 1 | FAIL |  | < 2.5 | 1 FAIL |\n"
                + "| cancel_ratio | 0.6 | 1 | WARN | > 0.55 | > 0.7 | 1 WARN |\n"
                + "| adverse_bps_p95 | 4.5 | 3 | WARN | > 4 | > 6 | 1 WARN |\n");
        assertThat(md).contains("| maker_share_pct | 92 | 1 | OK |  | < 85 | never |");
    }

    @Test
    void cells_pipesAndNewlinesCannotBreakTheTable() {
        assertThat(MarkdownReport.cell("a|b\nc <b>")).isEqualTo("a\\|b c &lt;b>");
    }

    @Test
    void aLongSoak_listsTheFirstHundredAdjustments() throws Exception {
        SoakFixture f = new SoakFixture(tmp.resolve("soak"));
        List<Map<String, Object>> many = new ArrayList<>();
        for (int k = 0; k < 130; k++) {
            many.add(SoakFixture.adjustment(1, "tail_age_ms", 700 + k, 701 + k, "reason " + k, "rule_" + k));
        }
        f.write(1, f.summary(1, 1, SoakFixture.kpis(Map.of()), SoakFixture.decision(
                SoakFixture.overrides(60, 300, 0.0, 0.1, 700), SoakFixture.overrides(60, 300, 0.0, 0.1, 830), many)));
        String md = MarkdownReport.render(ArtifactsReader.read(f.dir));

        assertThat(md).contains("**Adjustments:** 130").contains("| rule_99 |").doesNotContain("| rule_100 |")
                .contains("... and 30 more: see the HTML report.");
    }
}
