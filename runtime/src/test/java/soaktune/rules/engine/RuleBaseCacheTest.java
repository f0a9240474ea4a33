package soaktune.rules.engine;

import soaktune.rules.RulesException;
import soaktune.rules.RulesFolders;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import soaktune.io.ProfileLoader;
import soaktune.model.FieldMove;
import soaktune.model.IterationContext;
import soaktune.model.MetricName;
import soaktune.model.Overrides;
import soaktune.model.Profile;
import soaktune.model.TunableField;
import soaktune.tuning.DecisionJson;
import soaktune.tuning.Decision;
import soaktune.tuning.MetricsFixtures;
import soaktune.tuning.Tuner;

/** The compiled-rule-base cache: hits, never stale (edit, rename, new file, other build), corrupt entries. */
final class RuleBaseCacheTest {
    private static final String BUILD = "build-A";
    private static Profile s1;

    @TempDir
    Path tmp;

    @BeforeAll
    static void profile() throws Exception {
        s1 = ProfileLoader.load("S1", "test");
    }

    private Path rulesCopy() throws IOException {
        Path dir = tmp.resolve("rules").resolve("v1");
        RulesFolders.copyOfV1(dir);
        return dir;
    }

    /** A copy of rules/v1 loaded once through {@code cache}, which then holds its entry. */
    private Path loadedOnce(RuleBaseCache cache) throws Exception {
        Path dir = rulesCopy();
        RuleSetLoader.load(RuleSource.folder(dir), cache);
        return dir;
    }

    /** Loads {@code dir} again, which must miss {@code cache}: the entry is written afresh. */
    private static RuleSet reloadMissing(Path dir, RuleBaseCache cache) throws Exception {
        FileTime marked = markEntry(dir, cache);
        RuleSet loaded = RuleSetLoader.load(RuleSource.folder(dir), cache);
        assertThat(Files.getLastModifiedTime(cache.file(RuleSource.folder(dir).snapshot()))).isNotEqualTo(marked);
        return loaded;
    }

    /** Loads {@code dir} again, which must be served by the entry of {@code cache}: a hit leaves it untouched. */
    static RuleSet reloadHitting(Path dir, RuleBaseCache cache) throws Exception {
        FileTime marked = markEntry(dir, cache);
        RuleSet loaded = RuleSetLoader.load(RuleSource.folder(dir), cache);
        assertThat(Files.getLastModifiedTime(cache.file(RuleSource.folder(dir).snapshot()))).isEqualTo(marked);
        return loaded;
    }

    /** Dates the entry of {@code dir} (if any) far in the past, so a load that rewrites it shows; null if none. */
    private static FileTime markEntry(Path dir, RuleBaseCache cache) throws Exception {
        Path entry = cache.file(RuleSource.folder(dir).snapshot());
        if (!Files.exists(entry)) {
            return null;
        }
        FileTime marked = FileTime.fromMillis(1_000);
        Files.setLastModifiedTime(entry, marked);
        return marked;
    }

    private RuleBaseCache cache(String build) {
        return new RuleBaseCache(tmp.resolve("cache"), build);
    }

    @Test
    void secondLoadIsAHitAndDecidesExactlyAsTheCompiledRules() throws Exception {
        Path dir = rulesCopy();
        RuleBaseCache cache = cache(BUILD);
        RuleSet compiled = reloadMissing(dir, cache);
        assertThat(Files.exists(cache.file(RuleSource.folder(dir).snapshot()))).isTrue();

        RuleSet cached = reloadHitting(dir, cache);
        assertThat(cached.sha256()).isEqualTo(compiled.sha256());
        assertThat(cached.limits()).isEqualTo(compiled.limits());
        for (MetricsFixtures m : scenarios()) {
            for (List<Object> extra : contexts()) {
                assertThat(json(cached, m, extra)).isEqualTo(json(compiled, m, extra));
            }
        }
    }

    @Test
    void editingARuleMissesAndTheEditTakesEffect() throws Exception {
        RuleBaseCache cache = cache(BUILD);
        Path dir = loadedOnce(cache);
        RulesFolders.edit(dir.resolve("triggers.drl"), "cancelRatio > 0.55", "cancelRatio > 0.50");
        RuleSet edited = reloadMissing(dir, cache);
        MetricsFixtures m = MetricsFixtures.healthy().with(MetricName.CANCEL_RATIO, 0.52);
        assertThat(new Tuner(edited).decide(m.build(), Overrides.empty(), s1, 1, "t", List.of()).after()
                .get(TunableField.MIN_INTERVAL_MS)).contains(80.0);
    }

    @Test
    void editingOnlyLimitsMisses() throws Exception {
        RuleBaseCache cache = cache(BUILD);
        Path dir = loadedOnce(cache);
        RulesFolders.edit(dir.resolve("limits.json"), "\"max\": 300", "\"max\": 299");
        assertThat(reloadMissing(dir, cache).limits().of(TunableField.MIN_INTERVAL_MS).max()).isEqualTo(299);
    }

    @Test
    void renamingARuleFileMisses() throws Exception {
        RuleBaseCache cache = cache(BUILD);
        Path dir = loadedOnce(cache);
        Files.move(dir.resolve("triggers.drl"), dir.resolve("triggers_v1.drl"));
        reloadMissing(dir, cache);
    }

    @Test
    void aNewFileMisses() throws Exception {
        RuleBaseCache cache = cache(BUILD);
        Path dir = loadedOnce(cache);
        Files.writeString(dir.resolve("extra.drl"), "package soaktune.rules.v1\n");
        reloadMissing(dir, cache);
        Files.writeString(dir.resolve("notes.json"), "{}\n");
        reloadMissing(dir, cache);
    }

    @Test
    void anotherBuildOfSoaktuneMisses() throws Exception {
        Path dir = rulesCopy();
        RuleSetLoader.load(RuleSource.folder(dir), cache(BUILD));
        RuleBaseCache other = cache("build-B");
        reloadMissing(dir, other);
        assertThat(other.file(RuleSource.folder(dir).snapshot())).isNotEqualTo(cache(BUILD).file(RuleSource.folder(dir).snapshot()));
    }

    @Test
    void aRebuiltJarHasAnotherIdentity() throws Exception {
        Path jar = Files.writeString(tmp.resolve("soaktune.jar"), "jar bytes");
        String before = RuleBaseCache.describe(jar);
        Files.writeString(jar, "jar bytes, rebuilt");
        assertThat(RuleBaseCache.describe(jar)).isNotEqualTo(before);
        String resized = RuleBaseCache.describe(jar);
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 5_000));
        assertThat(RuleBaseCache.describe(jar)).isNotEqualTo(resized);
        assertThat(RuleBaseCache.runtimeIdentity()).contains("java=" + System.getProperty("java.vm.version"));
    }

    @Test
    void aCorruptOrTruncatedEntryIsIgnoredAndRebuilt() throws Exception {
        Path dir = rulesCopy();
        RuleBaseCache cache = cache(BUILD);
        RuleSet compiled = RuleSetLoader.load(RuleSource.folder(dir), cache);
        Path entry = cache.file(RuleSource.folder(dir).snapshot());
        byte[] good = Files.readAllBytes(entry);

        Files.write(entry, Arrays.copyOf(good, good.length / 2));
        assertThat(json(reloadMissing(dir, cache),
                MetricsFixtures.healthy().with(MetricName.CANCEL_RATIO, 0.6),
                List.of())).isEqualTo(json(compiled, MetricsFixtures.healthy().with(MetricName.CANCEL_RATIO, 0.6), List.of()));
        assertThat(Files.readAllBytes(entry)).isEqualTo(good); // rewritten whole

        byte[] garbage = good.clone();
        for (int i = good.length / 3; i < good.length / 3 + 64; i++) {
            garbage[i] ^= 0x5a;
        }
        Files.write(entry, garbage);
        reloadMissing(dir, cache);
        Files.writeString(entry, "not a rule base at all");
        reloadMissing(dir, cache);

        reloadHitting(dir, cache);
    }

    @Test
    void anEntryWithAnotherKeyInItsHeaderIsIgnored() throws Exception {
        RuleBaseCache cache = cache(BUILD);
        Path dir = loadedOnce(cache);
        Path entry = cache.file(RuleSource.folder(dir).snapshot());
        Path moved = entry.resolveSibling("0".repeat(64) + RuleBaseCache.SUFFIX);
        Files.copy(entry, moved);
        Files.writeString(dir.resolve("notes.json"), "{}\n");
        Files.move(moved, cache.file(RuleSource.folder(dir).snapshot()));
        reloadMissing(dir, cache);
    }

    @Test
    void theSandboxChecksTheTextEvenWhenACachedBaseExistsForIt() throws Exception {
        Path safe = rulesCopy();
        RuleBaseCache cache = cache(BUILD);
        RuleSetLoader.load(RuleSource.folder(safe), cache);
        byte[] safeEntry = Files.readAllBytes(cache.file(RuleSource.folder(safe).snapshot()));
        int body = (RuleBaseCache.MAGIC + cache.key(RuleSource.folder(safe).snapshot()) + "\n").length();

        Path triggers = safe.resolve("triggers.drl");
        Files.writeString(triggers, Files.readString(triggers).replace("import soaktune.model.Trigger",
                "import soaktune.model.Trigger\nimport java.lang.System"));
        RulesSnapshot unsafe = RuleSource.folder(safe).snapshot();
        // Plant the safe rules' compiled base under the unsafe text's key, as a tampered cache would.
        byte[] header = (RuleBaseCache.MAGIC + cache.key(unsafe) + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] planted = new byte[header.length + safeEntry.length - body];
        System.arraycopy(header, 0, planted, 0, header.length);
        System.arraycopy(safeEntry, body, planted, header.length, safeEntry.length - body);
        Files.write(cache.file(unsafe), planted);

        // A cached base would load; the unsafe text is refused, so the planted entry was not used.
        assertThatThrownBy(() -> RuleSetLoader.load(RuleSource.folder(safe), cache)).isInstanceOf(RulesException.class)
                .hasMessageContaining("java.lang.System");
    }

    /** Packages compiled straight by Drools, skipping the sandbox: what a forged cache entry would hold. */
    private static java.util.Collection<org.kie.api.definition.KiePackage> compiledWithoutTheSandbox(String... drls) {
        org.kie.internal.builder.KnowledgeBuilder b = org.kie.internal.builder.KnowledgeBuilderFactory.newKnowledgeBuilder();
        for (String drl : drls) {
            b.add(org.kie.internal.io.ResourceFactory.newByteArrayResource(drl.getBytes(StandardCharsets.UTF_8))
                    .setSourcePath("f" + drl.hashCode() + ".drl"), org.kie.api.io.ResourceType.DRL);
        }
        assertThat(b.getErrors()).isEmpty();
        return b.getKnowledgePackages();
    }

    /** Plants as the entry of {@code dir} its rules compiled without the sandbox, with forged triggers. */
    private static void plantWithTriggers(RuleBaseCache cache, Path dir, String triggers) throws Exception {
        cache.store(RuleSource.folder(dir).snapshot(), compiledWithoutTheSandbox(triggers,
                Files.readString(dir.resolve("guardrails.drl")), Files.readString(dir.resolve("anti_oscillation.drl"))));
    }

    @Test
    void aPlantedEntryWhoseCodeFailsTheSandboxIsDiscardedAndRebuiltWithoutRunning() throws Exception {
        Path dir = rulesCopy();
        Path marker = tmp.resolve("PWNED");
        RuleBaseCache cache = cache(BUILD);
        RulesSnapshot snapshot = RuleSource.folder(dir).snapshot();
        // Same package and rule names as v1's triggers, but a consequence that writes a file.
        String forged = Files.readString(dir.resolve("triggers.drl")).replace(
                "    trigger(drools, \"cancel_ratio>0.55\");",
                "    trigger(drools, \"cancel_ratio>0.55\"); java.nio.file.Files.writeString(java.nio.file.Path.of(\""
                        + marker + "\"), \"x\");");
        // Every rule of the folder is in the entry, so only the bytecode check can tell it from the real one.
        plantWithTriggers(cache, dir, forged);
        byte[] planted = Files.readAllBytes(cache.file(snapshot));

        RuleSet loaded = reloadMissing(dir, cache);
        assertThat(Files.readAllBytes(cache.file(snapshot))).isNotEqualTo(planted); // rebuilt from the folder
        Decision d = new Tuner(loaded).decide(MetricsFixtures.healthy().with(MetricName.CANCEL_RATIO, 0.9).build(),
                Overrides.empty(), s1, 1, "t", List.of());
        assertThat(d.adjustments()).isNotEmpty();
        assertThat(marker).doesNotExist();
    }

    @Test
    void aPlantedEntryWhoseConditionRunsCodeIsDiscardedWithoutRunning() throws Exception {
        Path dir = rulesCopy();
        Path marker = tmp.resolve("PWNED");
        RuleBaseCache cache = cache(BUILD);
        // Conditions are MVEL text in the entry, not bytecode: this one would create a file while matching.
        String forged = Files.readString(dir.resolve("triggers.drl")).replace("Metrics( cancelRatio > 0.55 )",
                "Metrics( cancelRatio > 0.55, new java.io.File(\"" + marker + "\").createNewFile() == true )");
        plantWithTriggers(cache, dir, forged);

        RuleSet loaded = reloadMissing(dir, cache);
        new Tuner(loaded).decide(MetricsFixtures.healthy().with(MetricName.CANCEL_RATIO, 0.9).build(),
                Overrides.empty(), s1, 1, "t", List.of());
        assertThat(marker).doesNotExist();
    }

    @Test
    void aPlantedEntryOfAnotherRuleSetIsNotUsed() throws Exception {
        Path dir = rulesCopy();
        RuleBaseCache cache = cache(BUILD);
        RulesSnapshot snapshot = RuleSource.folder(dir).snapshot();
        // Code the sandbox accepts, but not these rules: one row that proposes something else entirely.
        cache.store(snapshot, compiledWithoutTheSandbox("package soaktune.rules.v1\nimport soaktune.model.Metrics\n"
                + "import function soaktune.rules.Dsl.propose\nrule \"other\"\nwhen\n    Metrics()\nthen\n"
                + "    propose(drools, \"tail_age_ms\", 500, \"x\");\nend\n"));
        reloadMissing(dir, cache);
    }

    @Test
    void aSymlinkedEntryOrAFolderOthersCanWriteIsIgnored() throws Exception {
        RuleBaseCache cache = cache(BUILD);
        Path dir = loadedOnce(cache);
        Path entry = cache.file(RuleSource.folder(dir).snapshot());
        Path real = tmp.resolve("elsewhere.kbase");
        Files.move(entry, real);
        Files.createSymbolicLink(entry, real);
        reloadMissing(dir, cache);

        Files.delete(entry);
        RuleSetLoader.load(RuleSource.folder(dir), cache); // a fresh, private entry
        Files.setPosixFilePermissions(tmp.resolve("cache"), PosixFilePermissions.fromString("rwxrwxrwx"));
        reloadMissing(dir, cache);
        Files.setPosixFilePermissions(tmp.resolve("cache"), PosixFilePermissions.fromString("rwx------"));
        reloadHitting(dir, cache);
    }

    @Test
    void anEntryOthersCanWriteIsNotTrusted() throws Exception {
        RuleBaseCache cache = cache(BUILD);
        Path dir = loadedOnce(cache);
        Path entry = cache.file(RuleSource.folder(dir).snapshot());
        Files.setPosixFilePermissions(entry, PosixFilePermissions.fromString("rw-rw-rw-"));
        reloadMissing(dir, cache);
    }

    @Test
    void theCacheFolderComesFromTheEnvironmentAndCanBeTurnedOff() {
        assertThat(RuleBaseCache.dirFromEnv(Map.of("SOAKTUNE_CACHE_DIR", "/x", "HOME", "/h"))).contains(Path.of("/x"));
        assertThat(RuleBaseCache.dirFromEnv(Map.of("XDG_CACHE_HOME", "/c", "HOME", "/h"))).contains(Path.of("/c/soaktune"));
        assertThat(RuleBaseCache.dirFromEnv(Map.of("HOME", "/h"))).contains(Path.of("/h/.cache/soaktune"));
        assertThat(RuleBaseCache.fromEnv(Map.of()).enabled()).isFalse();
        assertThat(RuleBaseCache.fromEnv(Map.of("HOME", "/h", "SOAKTUNE_NO_CACHE", "1")).enabled()).isFalse();
        assertThat(RuleBaseCache.fromEnv(Map.of("HOME", "/h", "SOAKTUNE_NO_CACHE", "0")).enabled()).isTrue();
    }

    @Test
    void onlyEngineModelAndJdkClassesMayBeDeserialised() throws Exception {
        assertThat(readBack("rule")).isEqualTo("rule");
        assertThat(readBack(new org.drools.base.definitions.impl.KnowledgePackageImpl("p")))
                .isInstanceOf(org.drools.base.definitions.impl.KnowledgePackageImpl.class);
        assertThat(readBack(new int[][] {{1, 2}})).isEqualTo(new int[][] {{1, 2}});
        assertThatThrownBy(() -> readBack(new com.fasterxml.jackson.databind.ObjectMapper()))
                .isInstanceOf(java.io.InvalidClassException.class).hasMessageContaining("REJECTED");
        assertThatThrownBy(() -> readBack(new javax.swing.JButton[0]))
                .isInstanceOf(java.io.InvalidClassException.class).hasMessageContaining("REJECTED");
    }

    /** Serialises a value and reads it back through the cache's deserialisation filter. */
    private static Object readBack(Object value) throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(
                new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
            in.setObjectInputFilter(RuleBaseCache.FILTER);
            return in.readObject();
        }
    }

    private static List<MetricsFixtures> scenarios() {
        return List.of(MetricsFixtures.healthy(),
                MetricsFixtures.healthy().with(MetricName.CANCEL_RATIO, 0.6),
                MetricsFixtures.healthy().with(MetricName.NET_BPS, 2.0),
                MetricsFixtures.healthy().with(MetricName.CANCEL_RATIO, 0.6).with(MetricName.ADVERSE_BPS_P95, 5)
                        .with(MetricName.ORDER_AGE_P95_MS, 400),
                MetricsFixtures.healthy().with(MetricName.SLIPPAGE_BPS_P95, 3.5).with(MetricName.WS_LAG_P95_MS, 150));
    }

    /** No history; an oscillating field (freeze); a healthy streak (dead band). */
    private static List<List<Object>> contexts() {
        List<List<Object>> out = new ArrayList<>();
        out.add(List.of(new IterationContext(1, 0)));
        out.add(List.of(new IterationContext(5, 0), new FieldMove("replace_rate_per_min", 2, -1),
                new FieldMove("replace_rate_per_min", 3, 1), new FieldMove("replace_rate_per_min", 4, -1)));
        out.add(List.of(new IterationContext(9, 3)));
        return out;
    }

    private static DecisionJson json(RuleSet rules, MetricsFixtures m, List<Object> extra) {
        return DecisionJson.of(new Tuner(rules).decide(m.build(), Overrides.empty(), s1, 1,
                "2025-10-12T14:00:00Z", extra));
    }
}
