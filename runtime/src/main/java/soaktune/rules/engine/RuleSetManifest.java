package soaktune.rules.engine;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import soaktune.io.InputException;
import soaktune.io.InputFiles;
import soaktune.io.Json;

/**
 * A rule set's optional {@code ruleset.yaml}: the set it builds on ({@code base: v1}) and the base scenarios
 * that no longer hold for it ({@code skip_base_tests: [name.yaml]}). A set with a manifest is its base's
 * files plus its own, an own file replacing the base's of the same relative name.
 *
 * <p>How {@code base} resolves: {@code builtin:NAME} is always the set carried in the jar. A built-in set's
 * base is always built in (the jar never reads the disk for its own sets). For a folder set, a plain name is
 * the sibling folder {@code ../NAME} if there is one, else the built-in set of that name, so a set copied
 * anywhere with {@code base: v1} still works; anything with a slash is a folder relative to the set's folder.
 *
 * @param file          how messages name the manifest ({@code rules/v2/ruleset.yaml}, {@code builtin:v2/ruleset.yaml})
 * @param base          the {@code base} value as written
 * @param skipBaseTests scenario file names of a base that this set does not run
 */
public record RuleSetManifest(String file, String base, Set<String> skipBaseTests) {
    public static final String FILE = "ruleset.yaml";
    static final String BASE = "base";
    static final String SKIP_BASE_TESTS = "skip_base_tests";

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private record Written(String base, @JsonProperty(SKIP_BASE_TESTS) Set<String> skipBaseTests) {
        Written {
            if (base == null || base.isBlank()) {
                throw new IllegalArgumentException(BASE + ": must name the base rule set (e.g. v1, builtin:v1 or "
                        + "../v1)");
            }
            if (skipBaseTests != null && skipBaseTests.stream().anyMatch(n -> n == null || n.contains("/"))) {
                throw new IllegalArgumentException(SKIP_BASE_TESTS + ": must be a list of scenario file names "
                        + "(no folder)");
            }
        }
    }

    public RuleSetManifest {
        skipBaseTests = skipBaseTests == null ? Set.of() : Set.copyOf(skipBaseTests);
    }

    /** The manifest of {@code set}; empty when the folder has none (a set of its own files only). */
    static Optional<RuleSetManifest> of(RuleSource set) throws InputException {
        Path path = set.root().resolve(FILE);
        if (!Files.exists(path)) {
            return Optional.empty();
        }
        String name = set.ownNameOf(FILE);
        JsonNode root;
        try {
            root = YAML.readTree(InputFiles.readBytes(path, RulesSnapshot.MAX_RULE_FILE_BYTES, "a rule set manifest"));
        } catch (JsonProcessingException e) {
            throw new InputException(name, "malformed YAML: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InputException(name, "cannot read: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new InputException(name, "must be a mapping with '" + BASE + ": <rule set>'");
        }
        Written m = Json.bindStrict(name, root, Written.class);
        return Optional.of(new RuleSetManifest(name, m.base().trim(), m.skipBaseTests()));
    }

    /**
     * The set and its bases, the set first: a missing base or a cycle is one error naming the manifest and its
     * {@code base} field.
     */
    public static List<Layer> chain(RuleSource top) throws InputException {
        List<Layer> chain = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        RuleSource set = top;
        while (true) {
            seen.add(identity(set));
            Optional<RuleSetManifest> manifest = of(set);
            chain.add(new Layer(set, manifest));
            if (manifest.isEmpty()) {
                return chain;
            }
            RuleSource base = manifest.get().resolveBase(set);
            if (seen.contains(identity(base))) {
                throw new InputException(manifest.get().file(), BASE, "the bases form a cycle: " + Stream.concat(
                        chain.stream().map(l -> l.source().display()), Stream.of(base.display()))
                        .collect(Collectors.joining(" -> ")));
            }
            set = base;
        }
    }

    /** One set of a chain and its manifest (none for the last). */
    public record Layer(RuleSource source, Optional<RuleSetManifest> manifest) {
    }

    private RuleSource resolveBase(RuleSource set) throws InputException {
        if (base.startsWith(RuleSource.PREFIX) || set.builtin()) {
            String name = base.startsWith(RuleSource.PREFIX) ? base.substring(RuleSource.PREFIX.length()) : base;
            if (!RuleSource.BUILTIN.contains(name)) {
                throw new InputException(file, BASE, "'" + base + "' is not a built-in rule set (built in: "
                        + String.join(", ", RuleSource.BUILTIN) + ")");
            }
            return RuleSource.builtin(name);
        }
        boolean plainName = !base.contains("/") && !base.contains("\\") && !base.equals(".") && !base.equals("..");
        Path folder = (plainName ? set.root().resolve("..").resolve(base) : set.root().resolve(base)).normalize();
        if (Files.isDirectory(folder)) {
            return RuleSource.folder(folder);
        }
        if (plainName && RuleSource.BUILTIN.contains(base)) {
            return RuleSource.builtin(base);
        }
        throw new InputException(file, BASE, "no rule set '" + base + "': " + folder + " is not a folder"
                + (plainName ? " and there is no built-in set of that name (built in: "
                + String.join(", ", RuleSource.BUILTIN) + ")" : ""));
    }

    /** The same set however it is reached: a built-in name, or the folder's real path. */
    private static String identity(RuleSource set) {
        if (set.builtin()) {
            return set.display();
        }
        try {
            return set.root().toRealPath().toString();
        } catch (IOException e) {
            return set.root().toAbsolutePath().normalize().toString();
        }
    }
}
