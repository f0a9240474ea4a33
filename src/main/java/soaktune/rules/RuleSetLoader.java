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
import java.util.List;
import java.util.stream.Stream;
import org.drools.drl.parser.ParserError;
import org.kie.api.io.Resource;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderError;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;
import soaktune.io.InputException;
import soaktune.io.LimitsReader;
import soaktune.model.Limits;

/**
 * Turns a rules folder into a {@link RuleSet}: every {@code *.drl} file (the {@code tests/} folder holds
 * regression scenarios, not rules) compiled together at run time, plus {@code limits.json}. Compile
 * errors come back as {@link RuleProblem}s with file, line and column.
 */
public final class RuleSetLoader {
    public static final String LIMITS_FILE = "limits.json";
    public static final String TESTS_DIR = "tests";

    private RuleSetLoader() {
    }

    public static RuleSet load(Path dir) throws RulesException, InputException {
        List<Path> files = decisionFiles(dir);
        List<Path> drl = files.stream().filter(p -> p.toString().endsWith(".drl")).toList();
        if (drl.isEmpty()) {
            throw new RulesException(List.of(RuleProblem.error(dir.toString(), 0, 0, "no .drl rule files in folder")));
        }
        Limits limits = LimitsReader.read(dir.resolve(LIMITS_FILE));
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder();
        for (Path file : drl) {
            Resource resource = ResourceFactory.newByteArrayResource(read(file))
                    .setSourcePath(dir.relativize(file).toString());
            resource.setResourceType(ResourceType.DRL);
            builder.add(resource, ResourceType.DRL);
        }
        if (builder.hasErrors()) {
            List<RuleProblem> problems = new ArrayList<>();
            for (KnowledgeBuilderError error : builder.getErrors()) {
                problems.add(toProblem(dir, error));
            }
            throw new RulesException(problems);
        }
        return new RuleSet(dir, dir.toAbsolutePath().normalize().getFileName().toString(), sha256(dir, files),
                builder.newKieBase(), limits);
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

    private static byte[] read(Path file) throws InputException {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new InputException(file.toString(), "no such file");
        } catch (IOException e) {
            throw new InputException(file.toString(), "cannot read: " + e.getMessage());
        }
    }

    private static RuleProblem toProblem(Path dir, KnowledgeBuilderError error) {
        String file = error.getResource() != null && error.getResource().getSourcePath() != null
                ? error.getResource().getSourcePath() : dir.toString();
        int[] lines = error.getLines();
        int line = lines != null && lines.length > 0 ? lines[0] : 0;
        int column = 0;
        if (error instanceof ParserError parserError) {
            line = parserError.getRow();
            column = parserError.getCol() + 1; // the parser counts columns from 0; editors from 1
        }
        return RuleProblem.error(file, Math.max(line, 0), column, error.getMessage());
    }
}
