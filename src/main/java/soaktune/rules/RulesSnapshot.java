package soaktune.rules;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import soaktune.io.InputException;
import soaktune.io.InputFiles;

/**
 * The bytes of a rules folder's decision files, read once. Everything derived from a folder (its sha256,
 * the lint, the compiled base, the cache key) is derived from one snapshot, so an edit landing between two
 * reads can never pair one file's content with another's hash.
 *
 * @param dir    how problems name the set: the folder, or {@code builtin:<name>} for a set carried in the jar
 * @param files  relative path (as in problems and the hash) to content, in the hash's order
 * @param source where the files came from, recorded by the {@link RuleSet} built from them
 */
public record RulesSnapshot(Path dir, Map<String, byte[]> files, String sha256, RuleSource source) {
    public RulesSnapshot {
        files = Collections.unmodifiableMap(new LinkedHashMap<>(files));
    }

    /** A snapshot of the folder {@code dir}. */
    public RulesSnapshot(Path dir, Map<String, byte[]> files, String sha256) {
        this(dir, files, sha256, RuleSource.folder(dir));
    }

    public static RulesSnapshot read(Path dir) throws InputException {
        List<Path> paths = RuleSetLoader.decisionFiles(dir);
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (Path p : paths) {
            files.put(dir.relativize(p).toString(), bytes(p));
        }
        return new RulesSnapshot(dir, files, hash(files));
    }

    /** sha256 over each file's relative path and bytes: any edit, rename or new file changes it. */
    static String hash(Map<String, byte[]> files) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                digest.update(f.getKey().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(f.getValue());
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    /** The rule files' text, by relative path, in load order. */
    public Map<String, String> drlSources() throws InputException {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            if (f.getKey().endsWith(".drl")) {
                out.put(f.getKey(), text(dir.resolve(f.getKey()).toString(), f.getValue()));
            }
        }
        return out;
    }

    private static String text(String name, byte[] bytes) throws InputException {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new InputException(name, "is not valid UTF-8 text");
        }
    }

    /** No rule or limits file is legitimately this large; a link to a device must not fill the heap. */
    static final long MAX_RULE_FILE_BYTES = 4L * 1024 * 1024;

    static byte[] bytes(Path file) throws InputException {
        return InputFiles.readBytes(file, MAX_RULE_FILE_BYTES, "a rules file");
    }
}
