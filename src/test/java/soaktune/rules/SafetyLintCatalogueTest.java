package soaktune.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import soaktune.model.TunableField;

/**
 * The safety lint's catalogue: each forbidden construct, placed on a known line of an otherwise valid rule
 * file, is rejected with that line, and a folder holding it is never loaded.
 */
final class SafetyLintCatalogueTest {
    /** Line 1-8 are the header; the construct under test is always on line 9 (conditions) or 13 (consequence). */
    private static final String HEADER = """
            package soaktune.rules.v1

            import soaktune.model.Metrics
            %s
            import function soaktune.rules.Dsl.trigger

            rule "row"
            when
                Metrics( %s )
            then
                trigger(drools, "row");
                double x = 1.0;
                %s
            end
            """;

    static Stream<Arguments> catalogue() {
        return Stream.of(
                consequence("System.exit(0);", "'System' is not allowed"),
                consequence("java.lang.System.exit(0);", "fully-qualified name java.lang.System"),
                consequence("Runtime.getRuntime().exec(\"rm -rf /\");", "'Runtime' is not allowed"),
                consequence("new ProcessBuilder(\"sh\").start();", "'ProcessBuilder' is not allowed"),
                consequence("new Thread(() -> {}).start();", "'Thread' is not allowed"),
                consequence("java.util.concurrent.Executors.newSingleThreadExecutor();", "starts threads"),
                consequence("Class.forName(\"java.lang.System\");", "'Class' is not allowed"),
                consequence("int n = \"x\".getClass().getMethods().length;", "getClass is not allowed"),
                consequence("java.lang.invoke.MethodHandles.lookup();", "fully-qualified name java.lang.invoke.MethodHandles"),
                consequence("java.nio.file.Files.writeString(null, \"x\");", "reads or writes files"),
                consequence("new java.io.FileWriter(\"/tmp/x\");", "reads or writes files"),
                consequence("new java.net.Socket(\"example.com\", 80);", "opens network connections"),
                consequence("new java.net.URL(\"http://example.com\").openStream();", "opens network connections"),
                consequence("String.class.getClassLoader();", "class literals (.class) are not allowed"),
                consequence("drools.getKieRuntime().halt();", "engine handle"),
                consequence("kcontext.getKieRuntime();", "engine handle"),
                consequence("while (true) { x++; }", "loops are not allowed"),
                consequence("soaktune.io.AtomicFiles.writeString(null, \"x\");", "fully-qualified name soaktune.io.AtomicFiles"),
                consequence("\\u0053ystem.exit(0);", "unicode escapes"),
                consequence("exit(0);", "exit() is not allowed"),
                condition("eval( x() )", "eval(...) is not allowed"),
                condition("cancelRatio > System.nanoTime()", "'System' is not allowed"),
                imported("import java.io.File", "import java.io.File is not allowed"),
                imported("import function java.lang.System.exit", "import function java.lang.System.exit"),
                imported("import accumulate org.example.Sum mySum", "custom accumulate functions"),
                imported("global java.util.List out", "fully-qualified name java.util.List"));
    }

    private static Arguments consequence(String code, String message) {
        return Arguments.of(String.format(HEADER, "", "cancelRatio > 0.55", code), 13, message);
    }

    private static Arguments condition(String constraint, String message) {
        return Arguments.of(String.format(HEADER, "", constraint, ""), 9, message);
    }

    private static Arguments imported(String line, String message) {
        return Arguments.of(String.format(HEADER, line, "cancelRatio > 0.55", ""), 4, message);
    }

    @ParameterizedTest(name = "[{index}] line {1}: {2}")
    @MethodSource("catalogue")
    void forbiddenConstructIsRejectedWithItsLine(String drl, int line, String message, @TempDir Path dir)
            throws IOException {
        RuleLint.Result result = RuleLint.lint(Map.of("triggers.drl", drl), Set.copyOf(TunableField.keys()));
        assertThat(result.unsafe()).isTrue();
        assertThat(result.problems()).filteredOn(p -> p.severity() == RuleProblem.Severity.ERROR)
                .anySatisfy(p -> {
                    assertThat(p.file()).isEqualTo("triggers.drl");
                    assertThat(p.line()).isEqualTo(line);
                    assertThat(p.column()).isPositive();
                    assertThat(p.message()).contains(message);
                });

        Files.writeString(dir.resolve("triggers.drl"), drl);
        Files.copy(RulesFolders.V1.resolve("limits.json"), dir.resolve("limits.json"));
        assertThatThrownBy(() -> RuleSetLoader.load(dir)).isInstanceOf(RulesException.class)
                .satisfies(e -> assertThat(((RulesException) e).problems()).anySatisfy(p -> assertThat(p.line()).isEqualTo(line)));
    }

    @Test
    void shippedRulesPassTheLintWithoutAnyProblem() throws Exception {
        RuleCheck check = RuleSetLoader.check(RulesFolders.V1);
        assertThat(check.problems()).isEmpty();
        assertThat(check.ok()).isTrue();
    }

    @Test
    void forbiddenWordsInCommentsAndStringsAreNotCode() {
        String drl = String.format(HEADER, "// import java.io.File", "cancelRatio > 0.55",
                "/* System.exit(0); */ String s = \"Runtime.getRuntime().exec('x')\"; // Thread.sleep(1)");
        RuleLint.Result result = RuleLint.lint(Map.of("triggers.drl", drl), Set.copyOf(TunableField.keys()));
        assertThat(result.problems()).isEmpty();
    }

    @Test
    void aStringThatHidesCodeOnTheNextLineIsRejected() {
        // Were the lint to read this string as running to the quote on the next line, System.exit would hide.
        String drl = String.format(HEADER, "", "cancelRatio > 0.55", "String s = \"abc;\n    System.exit(0); //\"");
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put("triggers.drl", drl);
        List<RuleProblem> problems = RuleLint.lint(sources, Set.copyOf(TunableField.keys())).problems();
        assertThat(problems).extracting(RuleProblem::message).anyMatch(m -> m.contains("runs past the end of the line"));
    }
}
