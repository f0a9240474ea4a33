package soaktune.rules.engine;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import soaktune.model.MetricName;
import soaktune.rules.RuleEvaluationException;
import soaktune.rules.RulesFolders;
import soaktune.tuning.MetricsFixtures;

/** A consequence that throws is named by its rule and file; it used to be the JDK's message alone. */
final class FailedRuleTest {
    private static final List<?> LAGGING =
            List.of(MetricsFixtures.healthy().with(MetricName.WS_LAG_P95_MS, 150).build());
    private static final String FAILED = ": rule \"ws_lag_high\" failed while running: "
            + "StringIndexOutOfBoundsException: begin 5, end 3, length 3";

    @TempDir
    Path tmp;

    private static void breakWsLagHigh(Path triggers) {
        RulesFolders.edit(triggers, "trigger(drools, \"ws_lag>120\");",
                "\"abc\".substring(5); trigger(drools, \"ws_lag>120\");");
    }

    @Test
    void theMessageNamesTheRuleItsFileAndWhatItThrew() throws Exception {
        Path rules = RulesFolders.copyOfV1(tmp.resolve("rules/x"));
        breakWsLagHigh(rules.resolve("triggers.drl"));
        RuleSet set = RuleSetLoader.load(rules);
        assertThatThrownBy(() -> RuleEngine.evaluate(set, LAGGING)).isInstanceOf(RuleEvaluationException.class)
                .hasMessage(rules.resolve("triggers.drl") + FAILED);
    }

    /** A cached base is deserialised, not compiled: the rule still knows its file. */
    @Test
    void aCachedBaseNamesTheFileToo() throws Exception {
        Path rules = RulesFolders.copyOfV1(tmp.resolve("rules/x"));
        breakWsLagHigh(rules.resolve("triggers.drl"));
        RuleBaseCache cache = new RuleBaseCache(tmp.resolve("cache"), RuleBaseCache.runtimeIdentity());
        RuleSetLoader.load(RuleSource.folder(rules), cache);
        RuleSet cached = RuleBaseCacheTest.reloadHitting(rules, cache);
        assertThatThrownBy(() -> RuleEngine.evaluate(cached, LAGGING))
                .hasMessage(rules.resolve("triggers.drl") + FAILED);
    }

    /** A rule inherited from a base is named by the base's file, where the fix goes. */
    @Test
    void aBaseRuleIsNamedByTheBasesFile() throws Exception {
        Path base = RulesFolders.copyOfV1(tmp.resolve("rules/base"));
        breakWsLagHigh(base.resolve("triggers.drl"));
        Path top = Files.createDirectories(tmp.resolve("rules/top"));
        Files.writeString(top.resolve(RuleSetManifest.FILE), "base: base\n");
        RuleSet set = RuleSetLoader.load(top);
        assertThatThrownBy(() -> RuleEngine.evaluate(set, LAGGING))
                .hasMessage(base.resolve("triggers.drl") + FAILED);
    }
}
