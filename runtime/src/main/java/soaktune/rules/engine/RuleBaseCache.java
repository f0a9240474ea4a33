package soaktune.rules.engine;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.codec.digest.DigestUtils;
import org.drools.base.common.DroolsObjectInputStream;
import org.drools.base.common.DroolsObjectOutputStream;
import org.drools.base.definitions.impl.KnowledgePackageImpl;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import soaktune.io.AtomicFiles;

/**
 * Compiled rule packages kept on disk, so a one-shot {@code tune} skips the DRL compiler (most of its start
 * time). An entry's key is the sha256 of the rules folder's decision files together with the identity of
 * the code that compiled them (the jar or class folders of soaktune, Drools and MVEL, and the JVM), so any
 * rule edit, rename or new file, and any other build of soaktune, misses. Entries are written only after
 * the whole check passed, atomically; one that cannot be read for any reason is ignored and rebuilt.
 *
 * <p>An entry holds compiled code that will run: the folder is created private to the user, and entries
 * another user could have written are ignored. Deserialisation accepts only engine and model classes.
 *
 * @param dir     where entries live; null disables the cache
 * @param runtime identity of the code that compiles and runs the bases (see {@link #runtimeIdentity()})
 */
public record RuleBaseCache(Path dir, String runtime) {
    public static final String DIR_ENV = "SOAKTUNE_CACHE_DIR";
    public static final String OFF_ENV = "SOAKTUNE_NO_CACHE";
    static final String MAGIC = "soaktune-rulebase 1\n";
    static final String SUFFIX = ".kbase";
    /** Old entries (other rule versions, other builds) beyond this many are deleted, oldest first. */
    static final int KEEP = 32;

    private static final Logger LOG = LoggerFactory.getLogger(RuleBaseCache.class);
    /**
     * Only engine, model and JDK classes may be deserialised: nothing else belongs in a rule package. An array
     * is judged by its element type; primitives are left undecided, which the stream accepts.
     */
    static final ObjectInputFilter FILTER = ObjectInputFilter.Config.createFilter(
            "java.**;org.drools.**;org.kie.**;org.mvel2.**;soaktune.**;!*");

    public static RuleBaseCache disabled() {
        return new RuleBaseCache(null, "");
    }

    /**
     * {@code SOAKTUNE_NO_CACHE} (any non-empty value but 0) disables it; else {@code SOAKTUNE_CACHE_DIR}, else
     * {@code $XDG_CACHE_HOME/soaktune}, else {@code $HOME/.cache/soaktune}; none of them set: no cache.
     */
    public static RuleBaseCache fromEnv(Map<String, String> env) {
        String off = env.get(OFF_ENV);
        if (off != null && !off.isBlank() && !off.trim().equals("0")) {
            return disabled();
        }
        return dirFromEnv(env).map(d -> new RuleBaseCache(d.resolve("rulebase"), runtimeIdentity()))
                .orElseGet(RuleBaseCache::disabled);
    }

    /** soaktune's cache folder from the environment, if any (shared with the launcher's CDS archive). */
    public static Optional<Path> dirFromEnv(Map<String, String> env) {
        Function<String, Optional<String>> set = name -> Optional.ofNullable(env.get(name)).filter(v -> !v.isBlank());
        return set.apply(DIR_ENV).map(Path::of)
                .or(() -> set.apply("XDG_CACHE_HOME").map(d -> Path.of(d, "soaktune")))
                .or(() -> set.apply("HOME").map(home -> Path.of(home, ".cache", "soaktune")));
    }

    public boolean enabled() {
        return dir != null;
    }

    /** The entry for a snapshot (whether or not it exists). */
    public Path file(RulesSnapshot snapshot) {
        return dir.resolve(key(snapshot) + SUFFIX);
    }

    String key(RulesSnapshot snapshot) {
        return DigestUtils.sha256Hex((MAGIC + runtime + "\n" + snapshot.sha256()).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The compiled packages of the entry for this snapshot; empty when there is none or it is unusable. The
     * caller verifies them ({@code Sandbox.verifyCompiled}) before building a base: an entry is code.
     */
    Optional<List<KiePackage>> find(RulesSnapshot snapshot) {
        if (!enabled()) {
            return Optional.empty();
        }
        Path file = file(snapshot);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || !trusted(file) || !trusted(dir)) {
            return Optional.empty();
        }
        try {
            byte[] bytes = Files.readAllBytes(file);
            byte[] header = header(snapshot);
            if (bytes.length < header.length || !Arrays.equals(bytes, 0, header.length, header, 0, header.length)) {
                throw new IOException("header does not match");
            }
            List<KiePackage> packages = read(bytes, header.length);
            LOG.debug("rule base cache hit: {}", file);
            return Optional.of(packages);
        } catch (IOException | ClassNotFoundException | RuntimeException | LinkageError e) {
            // Truncated, corrupt, from another engine version: compile instead and overwrite it.
            LOG.debug("rule base cache entry {} unusable, rebuilding: {}", file, e.toString());
            return Optional.empty();
        }
    }

    /** A rule base from packages that passed the sandbox. */
    static KieBase newBase(List<KiePackage> packages) {
        InternalKnowledgeBase base = KnowledgeBaseFactory.newKnowledgeBase();
        base.addPackages(packages);
        return base;
    }

    /** Drops an entry that failed verification, so the next load compiles and rewrites it. */
    void discard(RulesSnapshot snapshot) {
        if (!enabled()) {
            return;
        }
        try {
            Files.deleteIfExists(file(snapshot));
        } catch (IOException e) {
            LOG.debug("rule base cache entry {} not deleted: {}", file(snapshot), e.toString());
        }
    }

    /** Writes the entry for a snapshot that passed the whole check. A cache that cannot be written is no error. */
    void store(RulesSnapshot snapshot, Collection<KiePackage> packages) {
        if (!enabled()) {
            return;
        }
        try {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream(256 * 1024);
            buffer.write(header(snapshot));
            try (ObjectOutputStream out = new DroolsObjectOutputStream(buffer)) {
                out.writeObject(new ArrayList<>(packages));
            }
            createPrivateDir(dir);
            AtomicFiles.write(file(snapshot), buffer.toByteArray());
            prune();
        } catch (IOException | RuntimeException e) {
            LOG.debug("rule base cache not written to {}: {}", dir, e.toString());
        }
    }

    private byte[] header(RulesSnapshot snapshot) {
        return (MAGIC + key(snapshot) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    private static List<KiePackage> read(byte[] bytes, int offset) throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new DroolsObjectInputStream(
                new ByteArrayInputStream(bytes, offset, bytes.length - offset), RuleBaseCache.class.getClassLoader())) {
            in.setObjectInputFilter(FILTER);
            Object value = in.readObject();
            if (!(value instanceof List<?> list) || list.stream().anyMatch(p -> !(p instanceof KnowledgePackageImpl))) {
                throw new IOException("not a list of rule packages");
            }
            return (List<KiePackage>) value;
        }
    }

    /**
     * An entry (or the cache folder) is used only if it is ours, is not a symbolic link, and nobody else
     * could have written it.
     */
    private static boolean trusted(Path path) {
        try {
            if (Files.isSymbolicLink(path)) {
                return false;
            }
            if (!Files.getFileStore(path).supportsFileAttributeView("posix")) {
                return true;
            }
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
            boolean othersWrite = perms.contains(PosixFilePermission.GROUP_WRITE)
                    || perms.contains(PosixFilePermission.OTHERS_WRITE);
            String owner = Files.getOwner(path, LinkOption.NOFOLLOW_LINKS).getName();
            return !othersWrite && owner.equals(System.getProperty("user.name"));
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }

    private static void createPrivateDir(Path dir) throws IOException {
        try { // a folder that exists already is kept as it is
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (UnsupportedOperationException e) {
            Files.createDirectories(dir);
        }
    }

    private void prune() throws IOException {
        List<Path> byAge;
        try (Stream<Path> list = Files.list(dir)) { // File.lastModified is 0 for an entry deleted meanwhile
            byAge = list.filter(p -> p.getFileName().toString().endsWith(SUFFIX))
                    .sorted(Comparator.comparingLong(p -> p.toFile().lastModified())).toList();
        }
        for (Path old : byAge.subList(0, Math.max(0, byAge.size() - KEEP))) {
            Files.deleteIfExists(old);
        }
    }

    /**
     * Who compiled a cached base and will run it: the location, size and modification time of each jar or
     * class folder holding soaktune, Drools and MVEL, and the JVM version. Cheap (no hashing of the jar), and
     * a rebuilt jar changes its size or time. For class folders (tests, IDEs) every class file counts.
     */
    public static String runtimeIdentity() {
        Stream<String> locations = Stream.of(RuleSetLoader.class, KnowledgePackageImpl.class,
                KnowledgeBaseFactory.class, org.mvel2.MVEL.class, org.kie.api.KieBase.class)
                .flatMap(anchor -> location(anchor).stream()).distinct().map(RuleBaseCache::describe);
        return Stream.concat(Stream.of("java=" + System.getProperty("java.vm.version")), locations)
                .collect(Collectors.joining("\n"));
    }

    static String describe(Path location) {
        try {
            if (Files.isDirectory(location)) {
                try (Stream<Path> walk = Files.walk(location)) {
                    return location + walk.filter(Files::isRegularFile).sorted().map(p -> "|" + location.relativize(p)
                            + ":" + p.toFile().length() + ":" + p.toFile().lastModified()).collect(Collectors.joining());
                }
            }
            return location + "|" + Files.size(location) + "|" + Files.getLastModifiedTime(location).toMillis();
        } catch (IOException e) {
            return location + "|unreadable"; // still a distinct identity; a later run may simply miss
        }
    }

    private static Optional<Path> location(Class<?> type) {
        try {
            var source = type.getProtectionDomain().getCodeSource();
            return source == null ? Optional.empty() : Optional.of(Path.of(source.getLocation().toURI()));
        } catch (Exception e) {
            return Optional.empty();
        }
    }
}
