package soaktune.rules;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.kie.api.io.Resource;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderError;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;
import soaktune.io.InputException;
import soaktune.io.LimitsReader;
import soaktune.model.Limits;
import soaktune.model.TunableField;

/**
 * Turns a rules folder into a {@link RuleSet}: every {@code *.drl} file (the {@code tests/} folder holds
 * regression scenarios, not rules) linted by {@link RuleLint}, then compiled together at run time, plus
 * {@code limits.json}. Problems come back as {@link RuleProblem}s with file, line and column.
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
        RuleCheck check = check(dir);
        if (!check.ok()) {
            throw new RulesException(check.errors());
        }
        return check.ruleSet().orElseThrow();
    }

    /**
     * Everything wrong with a rules folder, for {@code rules check} and hot reload. Throws only when the
     * folder itself cannot be read; problems inside it come back as {@link RuleProblem}s. Files that fail
     * the safety lint are never handed to the compiler.
     */
    public static RuleCheck check(Path dir) throws InputException {
        List<Path> files = decisionFiles(dir);
        List<Path> drl = files.stream().filter(p -> p.toString().endsWith(".drl")).toList();
        if (drl.isEmpty()) {
            return new RuleCheck(List.of(RuleProblem.error(dir.toString(), 0, 0, "no .drl rule files in folder")),
                    Optional.empty());
        }
        String sha = sha256(dir, files);
        Map<String, String> sources = new LinkedHashMap<>();
        for (Path file : drl) {
            sources.put(dir.relativize(file).toString(), text(file));
        }
        List<RuleProblem> problems = new ArrayList<>();
        Limits limits = null;
        try {
            limits = LimitsReader.read(dir.resolve(LIMITS_FILE));
        } catch (InputException e) {
            problems.add(RuleProblem.error(LIMITS_FILE, 0, 0, (e.field() == null ? "" : e.field() + ": ") + e.problem()));
        }
        Set<String> limitFields = limits == null ? Set.copyOf(TunableField.keys())
                : limits.ranges().keySet().stream().map(TunableField::key).collect(Collectors.toSet());
        RuleLint.Result lint = RuleLint.lint(sources, limitFields);
        problems.addAll(lint.problems());
        if (lint.unsafe()) {
            problems.sort(RuleLint.ORDER);
            return new RuleCheck(problems, Optional.empty());
        }
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder();
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Resource resource = ResourceFactory.newByteArrayResource(source.getValue().getBytes(StandardCharsets.UTF_8))
                    .setSourcePath(source.getKey());
            resource.setResourceType(ResourceType.DRL);
            builder.add(resource, ResourceType.DRL);
        }
        CompileProblems compile = new CompileProblems(sources);
        List<RuleProblem> compileErrors = new ArrayList<>();
        for (KnowledgeBuilderError error : builder.getErrors()) {
            compileErrors.addAll(compile.of(error, dir.toString()));
        }
        problems.addAll(CompileProblems.withoutEchoes(compileErrors));
        problems.sort(RuleLint.ORDER);
        boolean errors = problems.stream().anyMatch(p -> p.severity() == RuleProblem.Severity.ERROR);
        if (errors) {
            return new RuleCheck(problems, Optional.empty());
        }
        RuleSet set = new RuleSet(dir, dir.toAbsolutePath().normalize().getFileName().toString(), sha,
                builder.newKieBase(), limits);
        return new RuleCheck(problems, Optional.of(set));
    }

    /** The files whose content shapes a decision, in a stable order: rules, limits, thresholds. */
    public static List<Path> decisionFiles(Path dir) throws InputException {
        if (!Files.isDirectory(dir)) {
            throw new InputException(dir.toString(), "rules folder does not exist or is not a folder");
        }
        Path tests = dir.resolve(TESTS_DIR);
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> !p.startsWith(tests))
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> {
                        String n = p.getFileName().toString();
                        return n.endsWith(".drl") || n.endsWith(".json") || n.endsWith(".csv");
                    })
                    .sorted((a, b) -> dir.relativize(a).toString().compareTo(dir.relativize(b).toString()))
                    .toList();
        } catch (IOException e) {
            throw new InputException(dir.toString(), "cannot list rules folder: " + e.getMessage());
        }
    }

    /** sha256 over each decision file's relative path and bytes; any edit, rename or new file changes it. */
    public static String sha256(Path dir, List<Path> files) throws InputException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Path file : files) {
                digest.update(dir.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(read(file));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    private static String text(Path file) throws InputException {
        byte[] bytes = read(file);
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new InputException(file.toString(), "is not valid UTF-8 text");
        }
    }

    private static byte[] read(Path file) throws InputException {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new InputException(file.toString(), "no such file");
        } catch (IOException e) {
            throw new InputException(file.toString(), "cannot read: " + e.getMessage());
        }
    }
}
