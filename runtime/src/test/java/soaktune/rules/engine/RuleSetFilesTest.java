package soaktune.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import soaktune.rules.RuleProblem;
import soaktune.rules.RulesFolders;

/** A rule set is its folder's top-level files (and its tests/): no other sub-folder is read. */
final class RuleSetFilesTest {
    @TempDir
    Path tmp;

    /** A copy of rules/v1 with a broken backup copy of its triggers in old/. */
    private Path setWithBrokenBackup() throws Exception {
        Path set = RulesFolders.copyOfV1(tmp.resolve("myset"));
        Path old = Files.createDirectories(set.resolve("old"));
        Files.writeString(old.resolve("triggers.drl"), Files.readString(set.resolve("triggers.drl")) + "\nrule (\n");
        Files.writeString(old.resolve("limits.json"), "{ not json");
        return set;
    }

    @Test
    void aSubFolderHoldingABrokenDrlIsNotPartOfTheSet() throws Exception {
        Path set = setWithBrokenBackup();
        RulesSnapshot snapshot = RuleSource.folder(set).snapshot();

        assertThat(snapshot.files().keySet()).containsExactly("anti_oscillation.drl", "guardrails.drl",
                "kpi_thresholds.json", "limits.json", "triggers.drl");
        RuleCheck check = RuleSetLoader.check(snapshot);
        assertThat(check.problems()).isEmpty();
        assertThat(RuleSetLoader.load(set).sha256()).isEqualTo(RuleSetLoader.load(RulesFolders.V1).sha256());
    }

    @Test
    void hotReloadIgnoresAnEditInASubFolder() throws Exception {
        Path set = setWithBrokenBackup();
        HotRules hot = HotRules.watching(RuleSetLoader.load(set));
        Files.writeString(set.resolve("old/new.drl"), "rule \"x\" when then nonsense(");
        assertThat(hot.refresh()).isEmpty();
    }

    /** {@code --rules /tmp} used to compile every .drl below /tmp; the missing limits was one line among 70. */
    @Test
    void aFolderWithoutLimitsIsThatOneProblemNamingTheFolder() throws Exception {
        Path notASet = Files.createDirectories(tmp.resolve("notaset"));
        Files.writeString(notASet.resolve("broken.drl"), "rule \"x\" when then nonsense(");
        RulesFolders.copyOfV1(notASet.resolve("some/sub/folder"));

        RuleCheck check = RuleSetLoader.check(RuleSource.folder(notASet).snapshot());
        assertThat(check.problems()).extracting(RuleProblem::render)
                .containsExactly(notASet.resolve("limits.json") + ": no such file");
    }
}
