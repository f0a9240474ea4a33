package soaktune.rules.engine;

import soaktune.rules.RuleProblem;
import soaktune.rules.RulesException;
import soaktune.rules.lint.CompileProblems;
import soaktune.rules.lint.RuleLint;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.drools.drl.ast.descr.PackageDescr;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;
import soaktune.io.InputException;
import soaktune.io.Json;
import soaktune.io.LimitsReader;
import soaktune.model.Limits;
import soaktune.model.TunableField;
import soaktune.rules.sandbox.Sandbox;

/**
 * Turns a rules folder into a {@link RuleSet}: its top-level {@code *.drl} files ({@link #decisionFiles}; the
 * {@code tests/} folder holds regression scenarios, not rules) linted by {@link RuleLint}, then compiled together
 * at run time, plus {@code limits.json}. Problems come back as {@link RuleProblem}s with file, line and column.
 */
public final class RuleSetLoader {
    public static final String LIMITS_FILE = "limits.json";
    public static final String TESTS_DIR = "tests";

    private RuleSetLoader() {
    }

    /**
     * Loads a rules folder for use: lint, compile, limits. A folder with any error (including a safety-lint
     * rejection) is refused with every problem listed; warnings do not stop it.
     */
    public static RuleSet load(Path dir) throws RulesException, InputException {
        return load(RuleSource.folder(dir), RuleBaseCache.disabled());
    }

    /**
     * As {@link #load(Path)}, for a folder or a built-in set (both are checked the same way), and a compiled
     * base from {@code cache} is used when one exists for exactly these files and this build of soaktune (an
     * entry is only ever written after the whole check passed). The sandbox still checks the rule text and the
     * entry's bytecode before a cached base is used.
     */
    public static RuleSet load(RuleSource source, RuleBaseCache cache) throws RulesException, InputException {
        RulesSnapshot snapshot = source.snapshot();
        Optional<RuleSet> cached = fromCache(snapshot, cache);
        if (cached.isPresent()) {
            return cached.get();
        }
        Compiled compiled = compile(snapshot);
        if (compiled.builder() == null) {
            throw new RulesException(new RuleCheck(compiled.problems(), Optional.empty()).errors());
        }
        // Serialised before the base is built from them: these are exactly the packages the compiler produced.
        cache.store(snapshot, compiled.builder().getKnowledgePackages());
        return ruleSet(snapshot, compiled.builder().newKieBase(), compiled.limits());
    }

    /**
     * Everything wrong with a rule set, for {@code rules check} and hot reload. Throws only when the set
     * itself cannot be read; problems inside it come back as {@link RuleProblem}s. Files that fail the
     * safety lint are never handed to the compiler.
     */
    public static RuleCheck check(RulesSnapshot snapshot) throws InputException {
        Compiled compiled = compile(snapshot);
        return new RuleCheck(compiled.problems(), Optional.ofNullable(compiled.builder())
                .map(builder -> ruleSet(snapshot, builder.newKieBase(), compiled.limits())));
    }

    /** The outcome of lint, compile and the sandbox; {@code builder} is null when there is any error. */
    private record Compiled(List<RuleProblem> problems, Limits limits, KnowledgeBuilder builder) {
    }

    private static Compiled compile(RulesSnapshot snapshot) throws InputException {
        Path dir = snapshot.dir();
        if (!snapshot.files().containsKey(LIMITS_FILE)) {
            // A folder without limits is no rule set (often not one at all: --rules /tmp). Said alone, with
            // the folder, it cannot be lost among compile problems of files that need not even be rules.
            return new Compiled(List.of(RuleProblem.error(snapshot.source().nameOf(LIMITS_FILE), 0, 0,
                    "no such file")), null, null);
        }
        Map<String, String> sources = snapshot.drlSources();
        if (sources.isEmpty()) {
            return new Compiled(List.of(RuleProblem.error(dir.toString(), 0, 0, "no .drl rule files in folder")),
                    null, null);
        }
        List<RuleProblem> problems = new ArrayList<>();
        Limits limits = null;
        try {
            limits = limits(snapshot);
        } catch (InputException e) {
            problems.add(RuleProblem.error(snapshot.names().getOrDefault(LIMITS_FILE, LIMITS_FILE), 0, 0,
                    (e.field() == null ? "" : e.field() + ": ") + e.problem()));
        }
        Set<String> limitFields = limits == null ? Set.copyOf(TunableField.keys())
                : limits.ranges().keySet().stream().map(TunableField::key).collect(Collectors.toSet());
        RuleLint.Result lint = RuleLint.lint(sources, limitFields);
        problems.addAll(lint.problems());
        if (lint.unsafe()) {
            problems.sort(RuleLint.ORDER);
            return new Compiled(problems, limits, null);
        }
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder();
        sources.forEach((file, text) -> builder.add(ResourceFactory.newByteArrayResource(
                text.getBytes(StandardCharsets.UTF_8)).setSourcePath(file), ResourceType.DRL));
        CompileProblems compile = new CompileProblems(sources);
        List<RuleProblem> compileErrors = builder.getErrors().stream()
                .flatMap(error -> compile.of(error, dir.toString()).stream()).toList();
        problems.addAll(CompileProblems.withoutEchoes(compileErrors));
        if (compileErrors.isEmpty()) {
            // The generated code is verified before any base is built from it: nothing of it has run yet.
            problems.addAll(Sandbox.verifyCompiled(builder.getKnowledgePackages(), lint.parsed(), sources));
        }
        problems.sort(RuleLint.ORDER);
        boolean errors = problems.stream().anyMatch(p -> p.severity() == RuleProblem.Severity.ERROR);
        return new Compiled(problems, limits, errors ? null : builder);
    }

    /**
     * A cached base for this snapshot, if the cache has one, the rule text passes the sandbox's source check
     * and the entry's generated code passes its bytecode check (the same checks a compile runs: an entry
     * that fails is deleted and the folder compiled afresh, which reports any problem).
     */
    private static Optional<RuleSet> fromCache(RulesSnapshot snapshot, RuleBaseCache cache) throws InputException {
        if (!cache.enabled()) {
            return Optional.empty();
        }
        Map<String, String> sources = snapshot.drlSources();
        if (sources.isEmpty()) {
            return Optional.empty();
        }
        RuleLint.Result lint = RuleLint.lint(sources, Set.copyOf(TunableField.keys()));
        if (lint.unsafe()) {
            return Optional.empty(); // the full check reports it
        }
        Limits limits;
        try {
            limits = limits(snapshot);
        } catch (InputException e) {
            return Optional.empty(); // the full check reports it
        }
        Optional<List<KiePackage>> packages = cache.find(snapshot);
        if (packages.isEmpty()) {
            return Optional.empty();
        }
        if (!sameRules(packages.get(), lint.parsed())
                || !Sandbox.verifyCachedConditions(packages.get()).isEmpty()
                || !Sandbox.verifyCompiled(packages.get(), lint.parsed(), sources).isEmpty()) {
            cache.discard(snapshot);
            return Optional.empty();
        }
        return Optional.of(ruleSet(snapshot, RuleBaseCache.newBase(packages.get()), limits));
    }

    /** The entry holds exactly the rules the folder defines (package and name), nothing more or less. */
    private static boolean sameRules(List<KiePackage> packages, Map<String, PackageDescr> parsed) {
        Set<String> inEntry = packages.stream().flatMap(p -> p.getRules().stream())
                .map(r -> r.getPackageName() + "/" + r.getName()).collect(Collectors.toSet());
        Set<String> inFolder = parsed.values().stream().flatMap(p -> p.getRules().stream().map(r -> p.getName() + "/"
                + r.getName())).collect(Collectors.toSet());
        return inEntry.equals(inFolder);
    }

    private static Limits limits(RulesSnapshot snapshot) throws InputException {
        String name = snapshot.source().nameOf(LIMITS_FILE);
        byte[] bytes = snapshot.files().get(LIMITS_FILE);
        if (bytes == null) {
            throw new InputException(name, "no such file");
        }
        return LimitsReader.fromJson(name, Json.parse(name, bytes));
    }

    private static RuleSet ruleSet(RulesSnapshot snapshot, KieBase base, Limits limits) {
        return new RuleSet(snapshot.source(), snapshot.sha256(), base, limits);
    }

    /**
     * The files whose content shapes a decision, in a stable order: the folder's own top-level {@code *.drl},
     * {@code *.json} and {@code *.csv}. The one list of a set's files: the snapshot, its sha256 (so the cache
     * key) and hot reload all read it. Sub-folders are never read: {@code tests/} holds scenarios, and any
     * other one (a backup {@code old/}, or the folders below {@code --rules /tmp}) is not part of the set.
     */
    public static List<Path> decisionFiles(Path dir) throws InputException {
        if (!Files.isDirectory(dir)) {
            throw new InputException(dir.toString(), "rules folder does not exist or is not a folder");
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().matches("[^.].*\\.(drl|json|csv)")) // no hidden files
                    .sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            throw new InputException(dir.toString(), "cannot list rules folder: " + e.getMessage());
        }
    }
}
