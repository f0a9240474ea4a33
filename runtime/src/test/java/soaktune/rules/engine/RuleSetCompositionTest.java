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
        // v2 overrides guardrails.drl on purpose (its own spread cap); limits and thresholds stay v1's
        assertThat(snapshot.names()).containsEntry("relax.drl", "relax.drl")
                .containsEntry("guardrails.drl", "guardrails.drl")
                .containsEntry("kpi_thresholds.json", "builtin:v1/kpi_thresholds.json")
                .containsEntry("limits.json", "builtin:v1/limits.json");
        assertThat(RuleSetLoader.check(v2.snapshot()).ok()).isTrue();
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
