package soaktune.regression;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import soaktune.cli.CliRun;
import soaktune.rules.RulesFolders;

/**
 * docs/rules.md's "Add a row" walk-through, performed verbatim: its rule appended to a copy of rules/v1's
 * triggers.drl, its scenario and the at-threshold one written into tests/, then {@code rules check} and
 * {@code rules test} pass with every existing scenario still passing (they share tests/_defaults.yaml).
 */
final class AddARowAsDocumentedTest {
    private static final Pattern BLOCK = Pattern.compile("```(\\w*)\\n(.*?)```", Pattern.DOTALL);

    @Test
    void theDocumentedRowAndItsTestsPass(@TempDir Path tmp) throws Exception {
        String doc = Files.readString(Path.of("docs/rules.md"));
        String rule = blockAfter(doc, "## Add a row", "");
        String scenario = blockAfter(doc, "## Write its test", "yaml");
        assertThat(rule).contains("rule \"maker_share_low\"");
        assertThat(scenario).contains("maker_share_pct: 59");

        Path rules = RulesFolders.copyOfV1(tmp.resolve("v1"));
        int existing = ScenarioRunner.scenarioFiles(rules).size();
        Files.writeString(rules.resolve("triggers.drl"), Files.readString(rules.resolve("triggers.drl")) + "\n" + rule);
        Files.writeString(rules.resolve("tests/maker_share_low.yaml"), scenario);
        // "Write a second one exactly at the threshold (maker_share_pct: 60, expecting no change)"
        Files.writeString(rules.resolve("tests/maker_share_at_threshold.yaml"), """
                name: maker share exactly 60% changes nothing
                given:
                  metrics: {maker_share_pct: 60}
                expect:
                  adjustments: 0
                  not_fired: [maker_share_low]
                """);

        CliRun check = CliRun.run("rules", "check", rules.toString());
        assertThat(check.code()).as(check.out() + check.err()).isZero();
        CliRun test = CliRun.run("rules", "test", rules.toString());
        assertThat(test.code()).as(test.out() + test.err()).isZero();
        assertThat(test.out()).contains((existing + 2) + " passed, 0 failed");
    }

    /** The first fenced block (of the given language, "" for none) after a heading. */
    private static String blockAfter(String doc, String heading, String language) {
        int at = doc.indexOf(heading);
        assertThat(at).as(heading).isNotNegative();
        Matcher m = BLOCK.matcher(doc);
        List<String> found = new ArrayList<>();
        int from = at;
        while (m.find(from)) {
            if (m.group(1).equals(language)) {
                return m.group(2);
            }
            found.add(m.group(1));
            from = m.end();
        }
        throw new AssertionError("no ```" + language + " block after " + heading + " (found " + found + ")");
    }
}
