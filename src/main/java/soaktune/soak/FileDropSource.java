package soaktune.soak;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import soaktune.io.Json;

/** Live mode {@code --source file:DIR}: the strategy drops {@code EDGE_REPORT.json} into DIR each iteration. */
public final class FileDropSource extends LivePoller {
    private final Path file;

    public FileDropSource(Path dir, Duration timeout, Duration pollEvery) {
        super(timeout, pollEvery);
        this.file = dir.resolve("EDGE_REPORT.json");
    }

    @Override
    protected byte[] fetch() throws NoReportException {
        try {
            if (Files.size(file) > Json.MAX_FILE_BYTES) {
                throw new NoReportException("oversized_report", file + " is larger than " + Json.MAX_FILE_BYTES + " bytes");
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            return null; // being replaced right now, or briefly unreadable: look again next poll
        }
    }

    @Override
    protected String where() {
        return file.toString();
    }

    @Override
    public String describe() {
        return "file:" + file.getParent();
    }
}
