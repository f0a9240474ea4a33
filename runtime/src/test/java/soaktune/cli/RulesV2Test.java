package soaktune.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The recommended set rules/v2: it checks clean, its regression scenarios pass, and every one of its rows has one. */
final class RulesV2Test {
    private static final Path V2 = Path.of("rules/v2");

    @Test
    void everyScenarioOfV2Passes() throws Exception {
        // v2's own scenarios, plus v1's that v2 neither replaces (same name) nor lists in skip_base_tests
        java.util.Set<String> own = scenarios(V2.resolve("tests"));
        java.util.List<String> skipped = Files.readAllLines(V2.resolve("ruleset.yaml")).stream()
                .filter(l -> l.startsWith("  - ")).map(l -> l.substring(4).strip()).toList();
        long inherited = scenarios(Path.of("rules/v1/tests")).stream()
                .filter(f -> !own.contains(f) && !skipped.contains(f)).count();
        CliRun r = CliRun.run("rules", "test", V2.toString());
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains((own.size() + inherited) + " passed, 0 failed");
    }

    private static java.util.Set<String> scenarios(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".yaml") && !f.startsWith("_"))
                    .collect(java.util.stream.Collectors.toSet());
        }
    }

    @Test
    void v2ChecksWithoutErrors() {
        CliRun r = CliRun.run("rules", "check", V2.toString());
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("rules/v2: 0 errors");
    }

    @Test
    void everyRowOfV2sOwnFilesFiresInSomeScenario() throws Exception {
        List<String> rows = new ArrayList<>();
        for (String file : List.of("triggers.drl", "relax.drl")) {
            Matcher m = Pattern.compile("(?m)^rule \"([^\"]+)\"").matcher(Files.readString(V2.resolve(file)));
            while (m.find()) {
                rows.add(m.group(1));
            }
        }
        assertThat(rows).hasSizeGreaterThanOrEqualTo(8);
        StringBuilder fired = new StringBuilder();
        try (Stream<Path> s = Files.list(V2.resolve("tests"))) {
            for (Path f : s.toList()) {
                fired.append(Files.readString(f)).append('\n');
            }
        }
        // "fired: [..., row, ...]" but not "not_fired: [...]"
        for (String row : rows) {
            assertThat(fired.toString()).as("a scenario in rules/v2/tests that fires " + row)
                    .containsPattern("(^|[^_])fired: \\[[^\\]]*\\b" + row + "\\b");
        }
    }
}
