package soaktune.rules.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.kie.api.io.ResourceType;
import org.kie.api.runtime.KieSession;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import soaktune.cli.CliRun;
import soaktune.cli.ExitCodes;
import soaktune.model.MetricName;
import soaktune.rules.engine.RuleBaseCache;
import soaktune.rules.engine.RuleCheck;
import soaktune.rules.engine.RuleSetLoader;
import soaktune.rules.engine.RuleSource;
import soaktune.rules.RulesException;
import soaktune.rules.RulesFolders;
import soaktune.tuning.MetricsFixtures;

/**
 * The hostile-rule catalogue: one DRL file per attack in {@code src/test/resources/hostile-rules/}. Its
 * second line names the message the sandbox must give; the line holding {@code <-- refused} is where. Each
 * file is refused by {@code rules check} (file:line:col) and by every way of loading rules (plain, through
 * the cache, {@code tune}), and none leaves the file its payload tries to create.
 */
final class HostileRulesCatalogueTest {
    private static final Path CATALOGUE = Path.of("runtime/src/test/resources/hostile-rules");
    private static final String FILE = "hostile.drl";

    static Stream<Path> catalogue() throws IOException {
        try (Stream<Path> files = Files.list(CATALOGUE)) {
            return files.filter(p -> p.toString().endsWith(".drl")).sorted().toList().stream();
        }
    }

    @Test
    void theCatalogueCoversAtLeastFortyAttacks() throws IOException {
        assertThat(catalogue().count()).isGreaterThanOrEqualTo(40);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogue")
    void refusedByCheckAndByEveryLoadingPathWithoutSideEffects(Path drl, @TempDir Path tmp) throws Exception {
        Path marker = tmp.resolve("PWNED");
        Case c = Case.read(drl, marker);
        Path rules = tmp.resolve("rules");
        Files.createDirectories(rules);
        Files.writeString(rules.resolve(FILE), c.text());
        Files.copy(RulesFolders.V1.resolve("limits.json"), rules.resolve("limits.json"));
        Files.copy(RulesFolders.V1.resolve("kpi_thresholds.json"), rules.resolve("kpi_thresholds.json"));

        RuleCheck check = RuleSetLoader.check(RuleSource.folder(rules).snapshot());
        assertThat(check.ok()).isFalse();
        assertThat(check.errors()).as(drl.getFileName() + " " + check.errors())
                .anySatisfy(p -> {
                    assertThat(p.file()).isEqualTo(FILE);
                    assertThat(p.line()).isEqualTo(c.line());
                    assertThat(p.column()).isPositive();
                    assertThat(p.message()).contains(c.message());
                });

        assertThatThrownBy(() -> RuleSetLoader.load(rules)).isInstanceOf(RulesException.class);
        RuleBaseCache cache = new RuleBaseCache(tmp.resolve("cache"), RuleBaseCache.runtimeIdentity());
        assertThatThrownBy(() -> RuleSetLoader.load(RuleSource.folder(rules), cache))
                .isInstanceOf(RulesException.class);

        CliRun cli = CliRun.run("rules", "check", rules.toString());
        assertThat(cli.code()).isEqualTo(ExitCodes.FAILED);
        assertThat(cli.out()).contains(FILE + ":" + c.line() + ":");

        Path report = Files.writeString(tmp.resolve("EDGE_REPORT.json"), "{\"totals\": {\"net_bps\": 1.0,"
                + " \"adverse_bps_p95\": 5.0, \"slippage_bps_p95\": 1.0, \"order_age_p95_ms\": 400,"
                + " \"ws_lag_p95_ms\": 200, \"cancel_ratio\": 0.9}}");
        CliRun tune = CliRun.run(Map.of("SOAKTUNE_NO_CACHE", "1"), "tune", "--rules", rules.toString(),
                "--edge-report", report.toString(), "--out",
                tmp.resolve("out/runtime_overrides.json").toString());
        assertThat(tune.code()).as(tune.err()).isEqualTo(ExitCodes.RULES_INVALID);
        assertThat(tmp.resolve("out/runtime_overrides.json")).doesNotExist();

        assertThat(marker).as("the payload of " + drl.getFileName() + " ran").doesNotExist();
    }

    /** The marker check means something: compiled straight by Drools, skipping the sandbox, a payload runs. */
    @Test
    void withoutTheSandboxAPayloadDoesWriteItsMarker(@TempDir Path tmp) throws Exception {
        Path marker = tmp.resolve("PWNED");
        Case c = Case.read(catalogue().filter(p -> p.toString().contains("files_write")).findFirst().orElseThrow(),
                marker);
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder();
        builder.add(ResourceFactory.newByteArrayResource(c.text().getBytes(StandardCharsets.UTF_8)), ResourceType.DRL);
        assertThat(builder.getErrors()).isEmpty();
        KieSession session = builder.newKieBase().newKieSession();
        try {
            session.insert(MetricsFixtures.healthy().with(MetricName.CANCEL_RATIO, 0.5).build());
            session.fireAllRules();
        } finally {
            session.dispose();
        }
        assertThat(marker).exists();
    }

    @Test
    void theShippedRuleSetsPassTheSandboxUnchanged() throws Exception {
        for (String set : List.of("rules/v1", "rules/v2")) {
            RuleCheck check = RuleSetLoader.check(RuleSource.folder(Path.of(set)).snapshot());
            assertThat(check.errors()).as(set).isEmpty();
            assertThat(check.ok()).isTrue();
        }
    }

    /** A catalogue file with its payload's marker path filled in, the expected message and line. */
    record Case(String text, String message, int line) {
        static Case read(Path drl, Path marker) throws IOException {
            List<String> lines = Files.readAllLines(drl);
            String message = lines.get(1).replaceFirst("^// refused: ", "");
            int line = 0;
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains("<-- refused")) {
                    line = i + 1;
                }
            }
            assertThat(line).as("marker line in " + drl).isPositive();
            return new Case(String.join("\n", lines).replace("@MARKER@", marker.toString()) + "\n", message, line);
        }
    }
}
