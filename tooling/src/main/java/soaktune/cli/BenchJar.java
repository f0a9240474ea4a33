package soaktune.cli;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The runnable jar this process runs from: benchmarks that start processes start this one. Located by a tooling
 * class, since only the one runnable jar holds both modules (the runtime alone is a jar too).
 */
final class BenchJar {
    private BenchJar() {
    }

    static Path own() throws ExitException {
        try {
            Path location = Path.of(BenchJar.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(location) && location.toString().endsWith(".jar")) {
                return location;
            }
        } catch (URISyntaxException | RuntimeException e) {
            // fall through to the message below
        }
        throw new ExitException(ExitCodes.INVALID_INPUT, "this benchmark starts soaktune processes: run it from the "
                + "jar (java -jar target/soaktune.jar bench ...)");
    }
}
