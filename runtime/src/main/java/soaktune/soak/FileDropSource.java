package soaktune.soak;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
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
    protected byte[] fetch(long deadlineNanos) throws NoReportException {
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            // A device or FIFO (directly or through a link): opening a FIFO blocks, /dev/zero never ends.
            throw new NoReportException("not_a_regular_file", file + " is not a regular file");
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes((int) Json.MAX_FILE_BYTES + 1); // the size a link reports is not trusted
            if (bytes.length > Json.MAX_FILE_BYTES) {
                throw new NoReportException("oversized_report", file + " is larger than " + Json.MAX_FILE_BYTES + " bytes");
            }
            return bytes;
        } catch (IOException e) {
            return null; // not there yet, being replaced right now, or briefly unreadable: look again next poll
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
