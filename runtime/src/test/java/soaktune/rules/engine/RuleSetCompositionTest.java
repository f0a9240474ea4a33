package soaktune.rules.engine;

import soaktune.rules.RuleProblem;
import soaktune.rules.RulesFolders;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import soaktune.io.InputException;

/** A rule set that names a base in ruleset.yaml is its base's files plus its own, checked as one set. */
final class RuleSetCompositionTest {
    @TempDir
    Path tmp;

    /** tmp/base (a copy of rules/v1) and tmp/top holding only a manifest and {@code own} files. */
    private Path top(String manifest) throws Exception {
        RulesFolders.copyOfV1(tmp.resolve("base"));
        Path top = Files.createDirectories(tmp.resolve("top"));
        Files.writeString(top.resolve(RuleSetManifest.FILE), manifest);
        return top;
    }

    @Test
    void aSetIsItsBasesFilesPlusItsOwnAndAnOwnFileReplacesTheBases() throws Exception {
        Path top = top("base: base\n");
        String ownLimits = Files.readString(RulesFolders.V1.resolve("limits.json")).replace("\"max\": 300", "\"max\": 290");
        Files.writeString(top.resolve("limits.json"), ownLimits);

        RulesSnapshot snapshot = RuleSource.folder(top).snapshot();
        assertThat(snapshot.files().keySet()).containsExactly("anti_oscillation.drl", "guardrails.drl",
                "kpi_thresholds.json", "limits.json", "triggers.drl");
        assertThat(new String(snapshot.files().get("limits.json"))).isEqualTo(ownLimits);
        assertThat(snapshot.names()).containsEntry("limits.json", "limits.json")
                .containsEntry("guardrails.drl", "../base/guardrails.drl");
        RuleSource source = RuleSource.folder(top);
        assertThat(source.nameOf("triggers.drl")).isEqualTo(tmp.resolve("base/triggers.drl").toString());
        assertThat(source.nameOf("limits.json")).isEqualTo(top.resolve("limits.json").toString());
        assertThat(source.markerPayload()).endsWith(" BASE=" + tmp.resolve("base").toAbsolutePath().normalize());
        assertThat(RuleSetLoader.load(top).limits()).isNotEqualTo(RuleSetLoader.load(RulesFolders.V1).limits());
    }

    @Test
    void theComposedSetHasTheShaOfTheSameFilesInOneFolder() throws Exception {
        Path top = top("base: base\n");
        assertThat(RuleSetLoader.load(top).sha256()).isEqualTo(RuleSetLoader.load(RulesFolders.V1).sha256());
    }

    @Test
    void hotReloadNoticesAnEditOfABaseFile() throws Exception {
        Path top = top("base: base\n");
        HotRules hot = HotRules.watching(RuleSetLoader.load(top));
        assertThat(hot.refresh()).isEmpty();
        RulesFolders.edit(tmp.resolve("base/triggers.drl"), "Metrics( wsLagP95Ms > 120 )", "Metrics( wsLagP95Ms > 140 )");
        assertThat(hot.refresh()).hasValueSatisfying(r -> assertThat(r.ok()).isTrue());
        RulesFolders.edit(tmp.resolve("base/triggers.drl"), "Metrics( wsLagP95Ms > 140 )", "Metrics( wsLagP95Ms > 140 ");
        assertThat(hot.refresh()).hasValueSatisfying(r -> {
            assertThat(r.ok()).isFalse();
            assertThat(r.problems()).first().satisfies(p -> assertThat(p.file()).isEqualTo("../base/triggers.drl"));
        });
    }

    @Test
    void aProblemInABaseFileIsReportedAtTheBaseFilesRealPath() throws Exception {
        Path top = top("base: base\n");
        RulesFolders.edit(tmp.resolve("base/guardrails.drl"), "    guard(drools, $failing + \" failing rows\");",
                "    guard(drools, $failing + \" failing rows\");\n    System.exit(1);");
        RuleCheck check = RuleSetLoader.check(RuleSource.folder(top).snapshot());
        assertThat(check.ok()).isFalse();
        assertThat(check.errors()).extracting(RuleProblem::render)
                .anyMatch(l -> l.startsWith("../base/guardrails.drl:21:5: calling java.lang.System.exit is not allowed"));
        // the sandbox rejects before the compiler runs, on the composed set as on a plain one
        assertThat(RuleSetLoader.check(RuleSource.folder(tmp.resolve("base")).snapshot()).errors()).extracting(RuleProblem::render)
                .anyMatch(l -> l.startsWith("guardrails.drl:21:5: calling java.lang.System.exit is not allowed"));
        RulesFolders.edit(tmp.resolve("base/guardrails.drl"), "\n    System.exit(1);", "");
        RulesFolders.edit(tmp.resolve("base/triggers.drl"), "Metrics( orderAgeP95Ms > 330 )", "Metrics( orderAgeP95 > 330 )");
        assertThat(RuleSetLoader.check(RuleSource.folder(top).snapshot()).errors()).extracting(RuleProblem::render)
                .anyMatch(l -> l.startsWith("../base/triggers.drl:37:14: Metrics has no property 'orderAgeP95'"));
    }

    @Test
    void aPlainNameWithNoSiblingFolderIsTheBuiltInSet() throws Exception {
        Path top = Files.createDirectories(tmp.resolve("alone"));
        Files.writeString(top.resolve(RuleSetManifest.FILE), "base: v1\n");
        RuleSource source = RuleSource.folder(top);
        assertThat(source.layers()).extracting(RuleSource::display).containsExactly(top.toString(), "builtin:v1");
        assertThat(source.snapshot().names()).containsEntry("triggers.drl", "builtin:v1/triggers.drl");
        assertThat(source.nameOf("limits.json")).isEqualTo("builtin:v1/limits.json");
        assertThat(source.recordedNameOf("limits.json")).isEqualTo("builtin:v1/limits.json");
        assertThat(RuleSetLoader.load(top).sha256()).isEqualTo(RuleSetLoader.load(RulesFolders.V1).sha256());
    }

    @Test
    void theBuiltInV2IsV1PlusItsRelaxationRows() throws Exception {
        RuleSource v2 = RuleSource.builtin("v2");
        assertThat(v2.layers()).extracting(RuleSource::display).containsExactly("builtin:v2", "builtin:v1");
        RulesSnapshot snapshot = v2.snapshot();
        // v2 replaces two of v1's guardrails by name; the files, limits and thresholds stay v1's
        assertThat(snapshot.names()).containsEntry("relax.drl", "relax.drl")
                .containsEntry("guardrail_overrides.drl", "guardrail_overrides.drl")
                .containsEntry("guardrails.drl", "builtin:v1/guardrails.drl")
                .containsEntry("anti_oscillation.drl", "builtin:v1/anti_oscillation.drl")
                .containsEntry("kpi_thresholds.json", "builtin:v1/kpi_thresholds.json")
                .containsEntry("limits.json", "builtin:v1/limits.json");
        assertThat(RuleSetLoader.check(v2.snapshot()).ok()).isTrue();
        assertThat(rulesNamed(RuleSetLoader.load(v2, RuleBaseCache.disabled()), "spread_delta_cap"))
                .containsExactly("soaktune.rules.v2");
        assertThat(rulesNamed(RuleSetLoader.load(v2, RuleBaseCache.disabled()), "multi_fail_guard"))
                .containsExactly("soaktune.rules.v1");
    }

    /** The packages holding a rule of that name in a loaded set. */
    private static List<String> rulesNamed(RuleSet set, String name) {
        return set.kieBase().getKiePackages().stream().flatMap(p -> p.getRules().stream())
                .filter(r -> r.getName().equals(name)).map(r -> r.getPackageName()).toList();
    }

    private static final String OWN_CAP = """
            package soaktune.rules.top

            import soaktune.model.Proposal
            import function soaktune.rules.Dsl.drop

            // no spread change at all in this set
            rule "spread_delta_cap"
                salience 50
            when
                $p : Proposal( pending == true, field == "base_spread_bps_delta" )
            then
                drop(drools, $p, "this set never moves the spread");
            end
            """;

    @Test
    void anOwnRuleReplacesTheBasesRuleOfTheSameNameAndTheRestOfThatFileStays() throws Exception {
        Path top = top("base: base\n");
        Files.writeString(top.resolve("caps.drl"), OWN_CAP);
        RulesSnapshot snapshot = RuleSource.folder(top).snapshot();
        String base = Files.readString(tmp.resolve("base/guardrails.drl"));
        String composed = new String(snapshot.files().get("guardrails.drl"));
        assertThat(composed).doesNotContain("spread_delta_cap").contains("rule \"multi_fail_guard\"")
                .contains("rule \"accept_proposal\"");
        // blanked, not cut: every line keeps its number and every character after the rule its column
        assertThat(composed.lines().toList()).hasSameSizeAs(base.lines().toList());
        assertThat(composed.indexOf("rule \"accept_proposal\"")).isEqualTo(base.indexOf("rule \"accept_proposal\""));
        // the sha covers the files as written
        assertThat(snapshot.sha256()).isEqualTo(RulesSnapshot.hash(new java.util.TreeMap<>(java.util.Map.of(
                "anti_oscillation.drl", Files.readAllBytes(tmp.resolve("base/anti_oscillation.drl")),
                "caps.drl", Files.readAllBytes(top.resolve("caps.drl")),
                "guardrails.drl", base.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "kpi_thresholds.json", Files.readAllBytes(tmp.resolve("base/kpi_thresholds.json")),
                "limits.json", Files.readAllBytes(tmp.resolve("base/limits.json")),
                "triggers.drl", Files.readAllBytes(tmp.resolve("base/triggers.drl"))))));

        RuleSet set = RuleSetLoader.load(top);
        assertThat(rulesNamed(set, "spread_delta_cap")).containsExactly("soaktune.rules.top");
        assertThat(rulesNamed(set, "max_two_changes_per_field")).containsExactly("soaktune.rules.v1");
        // and a problem below the replaced rule is still reported at its line in the base file
        RulesFolders.edit(tmp.resolve("base/guardrails.drl"), "    accept(drools, $p, \"no guardrail objected\");",
                "    accept(drools, $p, \"no guardrail objected\");\n    System.exit(1);");
        int line = Files.readString(tmp.resolve("base/guardrails.drl")).lines().toList().indexOf("    System.exit(1);") + 1;
        assertThat(RuleSetLoader.check(RuleSource.folder(top).snapshot()).errors()).extracting(RuleProblem::render)
                .anyMatch(l -> l.startsWith("../base/guardrails.drl:" + line + ":5: calling java.lang.System.exit"));
    }

    @Test
    void aMissingBaseIsOneErrorNamingTheManifestAndField() throws Exception {
        Path top = top("base: nowhere\n");
        assertThatThrownBy(() -> RuleSetLoader.load(top)).isInstanceOfSatisfying(InputException.class, e -> {
            assertThat(e.source()).isEqualTo(top.resolve("ruleset.yaml").toString());
            assertThat(e.field()).isEqualTo("base");
            assertThat(e.problem()).contains("no rule set 'nowhere'");
        });
    }

    @Test
    void aCycleOfBasesIsOneErrorNamingTheManifestAndField() throws Exception {
        Path a = Files.createDirectories(tmp.resolve("a"));
        Path b = Files.createDirectories(tmp.resolve("b"));
        Files.writeString(a.resolve(RuleSetManifest.FILE), "base: b\n");
        Files.writeString(b.resolve(RuleSetManifest.FILE), "base: ../a\n");
        assertThatThrownBy(() -> RuleSource.folder(a).snapshot()).isInstanceOfSatisfying(InputException.class, e -> {
            assertThat(e.source()).isEqualTo(b.resolve("ruleset.yaml").toString());
            assertThat(e.field()).isEqualTo("base");
            assertThat(e.problem()).contains("cycle").contains(a + " -> " + b + " -> " + a);
        });
        Files.writeString(a.resolve(RuleSetManifest.FILE), "base: a\n");
        assertThatThrownBy(() -> RuleSource.folder(a).snapshot()).hasMessageContaining("base: the bases form a cycle");
    }

    @Test
    void anUnknownManifestFieldIsAnError() throws Exception {
        Path top = top("base: base\nbsae: v1\n");
        assertThatThrownBy(() -> RuleSource.folder(top).layers()).isInstanceOfSatisfying(InputException.class, e -> {
            assertThat(e.source()).isEqualTo(top.resolve("ruleset.yaml").toString());
            assertThat(e.field()).isEqualTo("bsae");
        });
    }

    @Test
    void aManifestOfTheWrongShapeIsOneErrorNamingTheField() throws Exception {
        for (String[] c : new String[][] {
                {"base: 3\n", "base: must be a string, got number 3"},
                {"base: \"  \"\n", "base: must name the base rule set"},
                {"skip_base_tests: [a.yaml]\n", "base: must name the base rule set"},
                {"base: base\nskip_base_tests: a.yaml\n", "skip_base_tests: must be an array, got string"},
                {"base: base\nskip_base_tests: [tests/a.yaml]\n", "skip_base_tests: must be a list of scenario file names"},
                {"base: base\nskip_base_tests: [1]\n", "skip_base_tests[0]: must be a string, got number 1"},
                {"- base\n", "must be a mapping with 'base: <rule set>'"}}) {
            Path top = top(c[0]);
            assertThatThrownBy(() -> RuleSource.folder(top).layers()).as(c[0])
                    .hasMessageStartingWith(top.resolve("ruleset.yaml") + ": " + c[1]);
        }
    }

    @Test
    void basesChain() throws Exception {
        Path middle = top("base: base\n");
        Path last = Files.createDirectories(tmp.resolve("last"));
        Files.writeString(last.resolve(RuleSetManifest.FILE), "base: top\n");
        Files.writeString(last.resolve("extra.drl"), "package soaktune.rules.last\n");
        assertThat(RuleSource.folder(last).layers()).extracting(RuleSource::root)
                .containsExactly(last, middle, tmp.resolve("base"));
        assertThat(RuleSource.folder(last).snapshot().files().keySet()).contains("extra.drl", "triggers.drl");
        assertThat(List.copyOf(RuleSource.folder(last).snapshot().names().values())).contains("extra.drl", "../base/triggers.drl");
    }
}
