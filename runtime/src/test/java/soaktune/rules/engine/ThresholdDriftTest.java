package soaktune.rules.engine;

import soaktune.rules.RuleProblem;
import soaktune.rules.RulesFolders;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import soaktune.cli.CliRun;

/** {@code rules check} warns when one threshold, written in two places, drifted apart. */
final class ThresholdDriftTest {
    @TempDir
    Path dir;

    @Test
    void theShippedRulesHaveNoDrift() throws Exception {
        assertThat(ThresholdDrift.check(RuleSource.folder(RulesFolders.V1).snapshot())).isEmpty();
    }

    @Test
    void aConditionEditedWithoutItsTagOrTheGateIsWarnedAtTheLiteral() throws Exception {
        RulesFolders.copyOfV1(dir);
        RulesFolders.edit(dir.resolve("triggers.drl"), "Metrics( cancelRatio > 0.55 )", "Metrics( cancelRatio > 0.60 )");
        List<RuleProblem> p = ThresholdDrift.check(RuleSource.folder(dir).snapshot());
        assertThat(p).hasSize(2).allMatch(w -> w.severity() == RuleProblem.Severity.WARNING);
        assertThat(p).anySatisfy(w -> {
            assertThat(w.line()).isEqualTo(16);
            assertThat(w.column()).isEqualTo(28);
            assertThat(w.message()).contains("cancelRatio > 0.60", "kpi_thresholds.json", "warn_above 0.55");
        });
        assertThat(p).anySatisfy(w -> {
            assertThat(w.line()).isEqualTo(18);
            assertThat(w.message()).contains("\"cancel_ratio>0.55\" says 0.55", "compares with 0.6");
        });

        CliRun check = CliRun.run("rules", "check", dir.toString());
        assertThat(check.code()).as("warnings only").isZero();
        assertThat(check.out()).contains("triggers.drl:16:28: warning: rule \"cancel_ratio_high\" acts at")
                .contains("0 errors, 2 warnings");
    }

    @Test
    void editingTagAndGateTooLeavesNoWarning() throws Exception {
        RulesFolders.copyOfV1(dir);
        RulesFolders.edit(dir.resolve("triggers.drl"), "Metrics( cancelRatio > 0.55 )", "Metrics( cancelRatio > 0.60 )");
        RulesFolders.edit(dir.resolve("triggers.drl"), "\"cancel_ratio>0.55\"", "\"cancel_ratio>0.60\"");
        RulesFolders.edit(dir.resolve("kpi_thresholds.json"), "\"warn_above\": 0.55", "\"warn_above\": 0.60");
        assertThat(ThresholdDrift.check(RuleSource.folder(dir).snapshot())).isEmpty();
    }

    @Test
    void propertyNamesMapToReportKeys() {
        assertThat(ThresholdDrift.snake("wsLagP95Ms")).isEqualTo("ws_lag_p95_ms");
        assertThat(ThresholdDrift.snake("cancelRatio")).isEqualTo("cancel_ratio");
    }
}
