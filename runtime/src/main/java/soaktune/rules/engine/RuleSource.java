package soaktune.rules.engine;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import soaktune.io.InputException;

/**
 * Where a rule set comes from: a folder on disk, or one of the sets the jar carries (the project's
 * {@code rules/} folder, packaged at build time). Both are read into the same {@link RulesSnapshot}, so a
 * built-in set goes through exactly the same checks as a folder.
 *
 * @param builtin true for a set carried in the jar
 * @param name    the built-in name ({@code v1}), or the folder as given
 * @param root    a readable folder holding the files (for a built-in set, a folder inside the jar)
 */
public record RuleSource(boolean builtin, String name, Path root) {
    /** The built-in sets, by name; each is the {@code rules/<name>} folder the jar was built from. */
    public static final List<String> BUILTIN = List.of("v1", "v2");
    /** The folder used when no rule set is named, if it exists; else the built-in {@link #DEFAULT}. */
    public static final Path DEFAULT_DIR = Path.of("rules", "v1");
    public static final String DEFAULT = "v1";
    /** How a built-in set is named in artifacts and messages: {@code builtin:v1}. */
    static final String PREFIX = "builtin:";
    private static final String RESOURCES = "soaktune/builtin-rules/";

    public static RuleSource folder(Path dir) {
        return new RuleSource(false, dir.toString(), dir);
    }

    /** A built-in set by name; an unknown name is bad input. */
    public static RuleSource builtin(String name) throws InputException {
        if (!BUILTIN.contains(name)) {
            throw new InputException(PREFIX + name, "is not a built-in rule set (built in: "
                    + String.join(", ", BUILTIN) + ")");
        }
        return new RuleSource(true, name, resourceFolder(name));
    }

    /**
     * What {@code --rules} (or a positional rules argument) names: a built-in name ({@code v1}, {@code v2},
     * or {@code builtin:v1} as recorded in artifacts) or a folder. Nothing given means {@code ./rules/v1} if
     * that folder exists, else the built-in {@code v1}.
     */
    public static RuleSource resolve(String spec) throws InputException {
        if (spec == null) {
            return Files.isDirectory(DEFAULT_DIR) ? folder(DEFAULT_DIR) : builtin(DEFAULT);
        }
        if (spec.startsWith(PREFIX)) {
            return builtin(spec.substring(PREFIX.length()));
        }
        if (BUILTIN.contains(spec)) {
            return builtin(spec);
        }
        return folder(Path.of(spec));
    }

    /** The set's version: the built-in name or the folder's name. */
    public String version() {
        return builtin ? name : root.toAbsolutePath().normalize().getFileName().toString();
    }

    /** How messages name it: {@code builtin:v1}, or the folder as given. */
    public String display() {
        return builtin ? PREFIX + name : name;
    }

    /** How artifacts record it, so it can be found again from anywhere: {@code builtin:v1} or an absolute path. */
    public String recorded() {
        return builtin ? PREFIX + name : root.toAbsolutePath().normalize().toString();
    }

    /**
     * The marker payload's source: {@code SOURCE=builtin} or {@code SOURCE=folder DIR=/abs/path}, then for a
     * set with a base where the inherited files come from: {@code BASE=builtin:v1} (a chain joined by commas).
     */
    public String markerPayload() {
        String own = builtin ? "SOURCE=builtin" : "SOURCE=folder DIR=" + recorded();
        try {
            List<RuleSource> layers = layers();
            if (layers.size() > 1) {
                return own + " BASE=" + layers.stream().skip(1).map(RuleSource::recorded).collect(Collectors.joining(","));
            }
        } catch (InputException e) {
            // a set that loaded had a readable manifest; one broken since is reported by the next reload
        }
        return own;
    }

    /**
     * The set and its bases ({@link RuleSetManifest}), the set first; one element for a set without a manifest.
     * Read afresh at each call, so an edited manifest is seen by the next snapshot.
     */
    public List<RuleSource> layers() throws InputException {
        return RuleSetManifest.chain(this).stream().map(RuleSetManifest.Layer::source).toList();
    }

    /**
     * The decision files of the set and its bases, read once; an own file replaces the base's of the same
     * relative name. A built-in set is named {@code builtin:<name>} in every problem.
     */
    public RulesSnapshot snapshot() throws InputException {
        return RulesSnapshot.compose(this, layers());
    }

    /**
     * How messages name one of its files, wherever in the chain it is: {@code builtin:v1/kpi_thresholds.json}
     * or {@code rules/v1/...}; the set's own name for it when no layer has it (or the manifest is broken).
     */
    public String nameOf(String relative) {
        return holder(relative).ownNameOf(relative);
    }

    /** How artifacts record one of its files: {@code builtin:v1/limits.json} or an absolute path. */
    public String recordedNameOf(String relative) {
        RuleSource holder = holder(relative);
        return holder.builtin ? holder.ownNameOf(relative) : Path.of(holder.recorded()).resolve(relative).toString();
    }

    /** The bytes of one of its files (e.g. {@code kpi_thresholds.json}): its own, else its base's. */
    public byte[] read(String relative) throws InputException {
        layers(); // a broken manifest is the error to report, not a missing file
        return holder(relative).readOwn(relative);
    }

    /** How messages name one of this folder's own files, not looking at any base. */
    public String ownNameOf(String relative) {
        return builtin ? display() + "/" + relative : root.resolve(relative).toString();
    }

    /** The layer holding {@code relative}; this set if none does, or its chain cannot be read. */
    private RuleSource holder(String relative) {
        try {
            for (RuleSource layer : layers()) {
                if (Files.exists(layer.root.resolve(relative))) {
                    return layer;
                }
            }
        } catch (InputException e) {
            // reading the file reports the broken manifest
        }
        return this;
    }

    private byte[] readOwn(String relative) throws InputException {
        try {
            return RulesSnapshot.bytes(root.resolve(relative));
        } catch (InputException e) {
            throw new InputException(ownNameOf(relative), e.problem()); // a built-in one as builtin:v1/...
        }
    }

    private static Path resourceFolder(String name) throws InputException {
        // Any file the folder must hold locates it: its limits, or the manifest of a set that inherits them.
        URL url = Stream.of(RuleSetLoader.LIMITS_FILE, RuleSetManifest.FILE)
                .map(file -> RuleSource.class.getClassLoader().getResource(RESOURCES + name + "/" + file))
                .filter(Objects::nonNull).findFirst().orElseThrow(() -> new InputException(PREFIX + name,
                        "is missing from this build of soaktune (rebuild the jar)"));
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                try {
                    FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException opened) {
                    // opened before (or by another thread just now): the same file system serves both
                }
            }
            return Optional.ofNullable(Path.of(uri).getParent()).orElseThrow();
        } catch (URISyntaxException | IOException | RuntimeException e) {
            throw new InputException(PREFIX + name, "cannot be read from the jar: " + e.getMessage());
        }
    }
}
