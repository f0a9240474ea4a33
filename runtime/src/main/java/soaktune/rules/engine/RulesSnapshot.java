package soaktune.rules.engine;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.codec.binary.Hex;
import org.apache.commons.codec.digest.DigestUtils;
import soaktune.io.InputException;
import soaktune.io.InputFiles;

/**
 * The bytes of a rule set's decision files, read once. Everything derived from a set (its sha256, the lint, the
 * compiled base, the cache key) is derived from one snapshot, so an edit landing between two reads can never
 * pair one file's content with another's hash. For a set with a base ({@link RuleSetManifest}) the snapshot is
 * the composed set: the base's files and its own, exactly as if they were one folder.
 *
 * @param dir    how problems name the set: the folder, or {@code builtin:<name>} for a set carried in the jar
 * @param files  relative path (as in the hash) to content, in the hash's order
 * @param sha256 over every file in {@code files}, base files included
 * @param source where the files came from, recorded by the {@link RuleSet} built from them
 * @param names  relative path to how problems name the file: the relative path for the set's own files, the
 *               base file's real place for an inherited one ({@code ../v1/guardrails.drl}, {@code builtin:v1/...})
 */
public record RulesSnapshot(Path dir, Map<String, byte[]> files, String sha256, RuleSource source,
        Map<String, String> names) {
    public RulesSnapshot {
        files = Collections.unmodifiableMap(new LinkedHashMap<>(files));
        names = Collections.unmodifiableMap(new LinkedHashMap<>(names)); // compose names every file
    }

    /**
     * The files of {@code layers} (the set first, then its bases): the first layer holding a name wins, and a
     * rule a closer layer defines replaces a base's rule of the same name ({@link RuleOverrides}).
     */
    static RulesSnapshot compose(RuleSource set, List<RuleSource> layers) throws InputException {
        Map<String, byte[]> files = new TreeMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, Integer> layerOf = new HashMap<>();
        for (RuleSource layer : layers) {
            for (Path p : RuleSetLoader.decisionFiles(layer.root())) {
                String relative = layer.root().relativize(p).toString();
                if (!files.containsKey(relative)) {
                    files.put(relative, bytes(p));
                    names.put(relative, layer == set ? relative : inherited(set, layer, relative));
                    layerOf.put(relative, layers.indexOf(layer));
                }
            }
        }
        String sha256 = hash(files); // over the files as written, before a base's replaced rules are blanked
        RuleOverrides.apply(files, layerOf);
        Path dir = set.builtin() ? Path.of(set.display()) : set.root();
        return new RulesSnapshot(dir, files, sha256, set, names);
    }

    /** A base's file as problems name it: relative to the set's folder, or {@code builtin:v1/...}. */
    private static String inherited(RuleSource set, RuleSource base, String relative) {
        if (base.builtin() || set.builtin()) {
            return base.ownNameOf(relative);
        }
        Path from = set.root().toAbsolutePath().normalize();
        return from.relativize(base.root().toAbsolutePath().normalize().resolve(relative)).toString();
    }

    /** sha256 over each file's relative path and bytes: any edit, rename or new file changes it. */
    static String hash(Map<String, byte[]> files) {
        MessageDigest digest = DigestUtils.getSha256Digest();
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            digest.update(f.getKey().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(f.getValue());
            digest.update((byte) 0);
        }
        return Hex.encodeHexString(digest.digest());
    }

    /** The rule files' text, by how problems name them ({@link #names}), in load order. */
    public Map<String, String> drlSources() throws InputException {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            if (f.getKey().endsWith(".drl")) {
                String name = names.get(f.getKey());
                out.put(name, InputFiles.utf8(name.equals(f.getKey()) ? dir.resolve(name).toString() : name,
                        f.getValue()));
            }
        }
        return out;
    }

    /** No rule or limits file is legitimately this large; a link to a device must not fill the heap. */
    static final long MAX_RULE_FILE_BYTES = 4L * 1024 * 1024;

    static byte[] bytes(Path file) throws InputException {
        return InputFiles.readBytes(file, MAX_RULE_FILE_BYTES, "a rules file");
    }
}
