package soaktune.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import soaktune.rules.engine.RuleSource;

/**
 * Every shipped rule set passes {@code rules test}: each folder under rules/ (a new one is picked up without
 * editing this test) and each built-in set, composed with its base and running the scenarios it inherits.
 */
final class ShippedRuleSetsTest {
    @TestFactory
    Stream<DynamicTest> everyShippedSetPassesItsScenarios() throws IOException {
        List<String> sets = new ArrayList<>();
        try (Stream<Path> folders = Files.list(Path.of("rules"))) {
            folders.filter(Files::isDirectory).sorted().forEach(f -> sets.add(f.toString()));
        }
        assertThat(sets).as("rules/ folders").contains("rules/v1", "rules/v2");
        RuleSource.BUILTIN.forEach(name -> sets.add("builtin:" + name));
        return sets.stream().map(set -> DynamicTest.dynamicTest(set, () -> {
            CliRun r = CliRun.run("rules", "test", set);
            assertThat(r.code()).as(r.out() + r.err()).isEqualTo(ExitCodes.OK);
            assertThat(r.out().lines().filter(l -> l.startsWith("FAIL "))).as(r.out()).isEmpty();
            assertThat(r.out()).as(r.out()).containsPattern("(?m)^[1-9][0-9]* passed, 0 failed$");
        }));
    }
}
