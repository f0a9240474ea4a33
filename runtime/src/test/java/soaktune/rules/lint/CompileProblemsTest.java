package soaktune.rules.lint;

import soaktune.rules.RulesFolders;
import soaktune.rules.engine.RuleCheck;
import soaktune.rules.engine.RuleSetLoader;
import soaktune.rules.engine.RuleSource;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Compile errors point at the offending text: file, line and column an editor can jump to. */
final class CompileProblemsTest {
    @TempDir
    Path dir;

    private RuleCheck checkAfterEdit(String from, String to) throws Exception {
        RulesFolders.copyOfV1(dir);
        RulesFolders.edit(dir.resolve("triggers.drl"), from, to);
        return RuleSetLoader.check(RuleSource.folder(dir).snapshot());
    }

    @Test
    void syntaxErrorHasItsLineAndColumn() throws Exception {
        // triggers.drl line 15 is "when" of cancel_ratio_high
        RuleCheck c = checkAfterEdit("    salience 100\nwhen\n    Metrics( cancelRatio > 0.55 )",
                "    salience 100\nwhem\n    Metrics( cancelRatio > 0.55 )");
        assertThat(c.ok()).isFalse();
        assertThat(c.errors()).singleElement().satisfies(p -> {
            assertThat(p.render()).startsWith("triggers.drl:15:1: ");
            assertThat(p.message()).contains("whem");
        });
    }

    @Test
    void unknownPropertyPointsAtTheNameAndSuggestsTheRightOne() throws Exception {
        RuleCheck c = checkAfterEdit("Metrics( cancelRatio > 0.55 )", "Metrics( cancelRatoi > 0.55 )");
        assertThat(c.errors()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("triggers.drl");
            assertThat(p.line()).isEqualTo(16);
            assertThat(p.column()).isEqualTo(14);
            assertThat(p.message()).contains("Metrics has no property 'cancelRatoi'", "did you mean 'cancelRatio'");
        });
    }

    @Test
    void consequenceErrorPointsAtItsStatementNotTheRuleHeader() throws Exception {
        // line 20 of triggers.drl: propose(drools, "replace_rate_per_min", -30);
        RuleCheck c = checkAfterEdit("    propose(drools, \"replace_rate_per_min\", -30);\nend\n\n// Picked off",
                "    propose(drools, \"replace_rate_per_min\", -30, undefinedReason);\nend\n\n// Picked off");
        assertThat(c.errors()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(20);
            assertThat(p.column()).isEqualTo(50);
            assertThat(p.message()).contains("undefinedReason cannot be resolved", "cancel_ratio_high");
        });
    }
}
