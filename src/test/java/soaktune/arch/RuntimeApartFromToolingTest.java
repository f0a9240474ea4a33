package soaktune.arch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The runtime (src/main/java) is compiled before and without the tooling (src/bench/java), so it cannot name a
 * tooling class; JMH is still on the one classpath, so this checks the runtime never names it either.
 */
final class RuntimeApartFromToolingTest {
    private static List<Path> javaFiles(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".java")).toList();
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void runtimeSourcesNeverNameJmhOrTheBenchPackage() throws IOException {
        List<Path> offenders = javaFiles(Path.of("src/main/java")).stream()
                .filter(p -> read(p).contains("org.openjdk.jmh") || read(p).contains("soaktune.bench"))
                .toList();
        assertThat(offenders).as("runtime files naming JMH or soaktune.bench").isEmpty();
    }

    @Test
    void everyJmhBenchmarkLivesInTheTooling() throws IOException {
        List<Path> benchmarks = javaFiles(Path.of("src/bench/java")).stream()
                .filter(p -> read(p).contains("org.openjdk.jmh.annotations"))
                .toList();
        assertThat(benchmarks).isNotEmpty();
    }
}
