package soaktune.soak;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@code run --fresh}: the previous soak in an artifacts folder is moved, file by file (renames on the same
 * disk), into a new timestamped folder beside it, so the new soak starts empty and nothing is ever deleted.
 * Called under the folder's lock, whose file stays where it is.
 */
public final class FreshStart {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private FreshStart() {
    }

    /** Where the old soak went; empty when the folder held nothing but the lock. */
    public static Optional<Path> moveAside(Path artifacts, Clock clock) throws IOException {
        List<Path> entries;
        try (Stream<Path> list = Files.list(artifacts)) {
            entries = list.filter(p -> !p.getFileName().toString().equals(ArtifactsLock.FILE)).sorted().toList();
        }
        if (entries.isEmpty()) {
            return Optional.empty();
        }
        Path target = unusedSibling(artifacts, STAMP.format(clock.instant()));
        Files.createDirectories(target);
        for (Path entry : entries) {
            Files.move(entry, target.resolve(entry.getFileName()));
        }
        return Optional.of(target);
    }

    /** {@code soak.20251012T140000Z}, or {@code ...-2}, {@code -3} when a frozen clock gives the same stamp twice. */
    private static Path unusedSibling(Path artifacts, String stamp) {
        Path abs = artifacts.toAbsolutePath().normalize();
        String base = abs.getFileName() + "." + stamp;
        Path candidate = abs.resolveSibling(base);
        for (int k = 2; Files.exists(candidate); k++) {
            candidate = abs.resolveSibling(base + "-" + k);
        }
        return candidate;
    }
}
