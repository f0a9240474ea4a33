package soaktune.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/** Rule folders for tests: copies of the real rules/v1 (never edited in place) and fixture overlays. */
public final class RulesFolders {
    public static final Path V1 = Path.of("rules/v1");
    public static final Path FIXTURES = Path.of("runtime/src/test/resources/rules-fixtures");

    private RulesFolders() {
    }

    /** rules/v1 (with its tests) copied into {@code target}. */
    public static Path copyOfV1(Path target) {
        copyTree(V1, target);
        return target;
    }

    /** The rules of rules/v1 (not its tests) with a fixture folder (rules and tests) laid over them. */
    public static Path v1With(String fixture, Path target) {
        try (Stream<Path> files = Files.list(V1)) {
            Files.createDirectories(target);
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, target.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        copyTree(FIXTURES.resolve(fixture), target);
        return target;
    }

    /** Replaces the one occurrence of {@code from} in a rule file; fails if it is not there exactly once. */
    public static void edit(Path file, String from, String to) {
        try {
            String text = Files.readString(file);
            int at = text.indexOf(from);
            if (at < 0 || text.indexOf(from, at + 1) >= 0) {
                throw new IllegalStateException("'" + from + "' must occur exactly once in " + file);
            }
            Files.writeString(file, text.replace(from, to));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every file below {@code from} copied to the same place below {@code to}, replacing what is there. */
    private static void copyTree(Path from, Path to) {
        try (Stream<Path> walk = Files.walk(from)) {
            Files.createDirectories(to);
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                Path dest = to.resolve(from.relativize(file).toString());
                Files.createDirectories(dest.getParent());
                Files.copy(file, dest, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
