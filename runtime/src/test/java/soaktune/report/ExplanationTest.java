package soaktune.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import soaktune.io.ProfileLoader;
import soaktune.model.MetricName;
import soaktune.model.Overrides;
import soaktune.model.TunableField;
import soaktune.rules.engine.RuleSetLoader;
import soaktune.rules.RulesFolders;
import soaktune.tuning.Decision;
import soaktune.tuning.MetricsFixtures;
import soaktune.tuning.Tuner;

/** {@code tune --explain}: every rule with what it matched, every proposal with each guardrail's verdict. */
final class ExplanationTest {
    private static String explain(Path rules, MetricsFixtures metrics, Overrides current) throws Exception {
        Decision d = new Tuner(RuleSetLoader.load(rules)).decide(metrics.build(), current,
                ProfileLoader.load("S1", "test"), 1, "2025-01-01T00:00:00Z", List.of());
        StringWriter text = new StringWriter();
        Explanation.print(new PrintWriter(text), d);
        return text.toString();
    }

    @Test
    void multiFailGuardAndLimitClampAreExplainedInOrder() throws Exception {
        String text = explain(RulesFolders.V1, MetricsFixtures.healthy().with(MetricName.CANCEL_RATIO, 0.7)
                .with(MetricName.ORDER_AGE_P95_MS, 400).with(MetricName.WS_LAG_P95_MS, 150),
                Overrides.empty().with(TunableField.MIN_INTERVAL_MS, 290));
        assertThat(text).containsSubsequence(
                "rules fired, in order:",
                "cancel_ratio_high  matched Metrics(cancel_ratio=0.7)",
                "multi_fail_guard  matched $failing=3",
                "guards holding this iteration:",
                "multi_fail_guard: 3 failing rows",
                "proposals, by sequence:",
                "#1 min_interval_ms +20 from cancel_ratio_high (cancel_ratio>0.55)",
                "accept_proposal: accepted (no guardrail objected)",
                "limits: clamped by limit +20 -> +10 (limit [50, 300])",
                "=> min_interval_ms 290 -> 300",
                "tail_age_ms +50 from order_age_high",
                "multi_fail_keeps_calming_only: dropped (not a calming change while the multi-fail guard holds)",
                "=> not applied (dropped)",
                "final values:",
                "min_interval_ms = 300 (was 290)",
                "tail_age_ms = 700 (unchanged)");
    }

    @Test
    void spreadCapTrimAndTwoChangesDropAreExplained(@TempDir Path dir) throws Exception {
        Path rules = RulesFolders.v1With("extra-rows", dir);
        String text = explain(rules, MetricsFixtures.healthy().with(MetricName.ADVERSE_BPS_P95, 5.0)
                .with(MetricName.CANCEL_RATIO, 0.7).with(MetricName.WS_LAG_P95_MS, 305), Overrides.empty());
        assertThat(text).contains(
                "spread_delta_cap: trimmed +0.08 -> +0.05 (spread delta cap 0.1 per iteration)",
                "=> base_spread_bps_delta 0.05 -> 0.1",
                "max_two_changes_per_field: dropped (min_interval_ms already changed 2 times this iteration)",
                "base_spread_bps_delta = 0.1 (was 0.0)");
    }
}
