package soaktune.rules.engine;

import soaktune.rules.RulesFolders;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hot reload: cheap when nothing changed, swaps only good rules, reports a broken edit once. */
final class HotRulesTest {
    @Test
    void reloadsGoodEditsAndKeepsTheLastGoodRulesOnABrokenOne(@TempDir Path dir) throws Exception {
        RulesFolders.copyOfV1(dir);
        RuleSet original = RuleSetLoader.load(dir);
        HotRules hot = HotRules.watching(original);
        assertThat(hot.refresh()).isEmpty();

        Path triggers = dir.resolve("triggers.drl");
        RulesFolders.edit(triggers, "Metrics( wsLagP95Ms > 120 )", "Metrics( wsLagP95Ms > 140 )");
        Optional<HotRules.Reload> good = hot.refresh();
        assertThat(good).hasValueSatisfying(r -> assertThat(r.ok()).isTrue());
        RuleSet edited = hot.current();
        assertThat(edited.sha256()).isNotEqualTo(original.sha256());
        assertThat(hot.refresh()).isEmpty();

        RulesFolders.edit(triggers, "Metrics( wsLagP95Ms > 140 )", "Metrics( wsLagP95Ms > 140 ");
        Optional<HotRules.Reload> broken = hot.refresh();
        assertThat(broken).hasValueSatisfying(r -> {
            assertThat(r.ok()).isFalse();
            assertThat(r.problems()).first().satisfies(p -> assertThat(p.file()).isEqualTo("triggers.drl"));
        });
        assertThat(hot.current()).isSameAs(edited);
        assertThat(hot.refresh()).as("the same broken text is reported once").isEmpty();

        RulesFolders.edit(triggers, "Metrics( wsLagP95Ms > 140 ", "Metrics( wsLagP95Ms > 120 )");
        assertThat(hot.refresh()).hasValueSatisfying(r -> assertThat(r.ok()).isTrue());
        assertThat(hot.current().sha256()).isEqualTo(original.sha256());
    }

    @Test
    void anUnsafeEditIsNeverSwappedIn(@TempDir Path dir) throws Exception {
        RulesFolders.copyOfV1(dir);
        HotRules hot = HotRules.watching(RuleSetLoader.load(dir));
        RuleSet before = hot.current();
        RulesFolders.edit(dir.resolve("triggers.drl"), "trigger(drools, \"ws_lag>120\");",
                "trigger(drools, \"ws_lag>120\"); System.exit(3);");
        assertThat(hot.refresh()).hasValueSatisfying(r -> {
            assertThat(r.ok()).isFalse();
            assertThat(r.problems()).first().satisfies(p -> assertThat(p.message()).contains("java.lang.System.exit is not allowed"));
        });
        assertThat(hot.current()).isSameAs(before);
    }

    @Test
    void fixedRulesNeverReload(@TempDir Path dir) throws Exception {
        RulesFolders.copyOfV1(dir);
        HotRules hot = HotRules.fixed(RuleSetLoader.load(dir));
        RulesFolders.edit(dir.resolve("triggers.drl"), "wsLagP95Ms > 120", "wsLagP95Ms > 140");
        assertThat(hot.refresh()).isEmpty();
    }
}
