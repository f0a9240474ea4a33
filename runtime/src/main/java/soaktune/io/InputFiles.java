package soaktune.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads a user's file with a size cap that holds for anything the path may be: a regular file, a symlink
 * to a device ({@code /dev/zero}), a pipe ({@code <(cat report.json)}). The size the file system reports is
 * not trusted (a device says 0): at most {@code maxBytes + 1} bytes are ever read from the stream.
 */
public final class InputFiles {
    private InputFiles() {
    }

    /** The file's name without a final ".json": the default name of a profile or scenario file. */
    public static String stripJson(Path file) {
        String n = file.getFileName().toString();
        return n.endsWith(".json") ? n.substring(0, n.length() - 5) : n;
    }

    /** {@code kind} names the input in the size error, e.g. "JSON input". */
    public static byte[] readBytes(Path file, long maxBytes, String kind) throws InputException {
        String name = file.toString();
        if (Files.isDirectory(file)) {
            throw new InputException(name, "is a directory, expected a file");
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        } catch (NoSuchFileException e) {
            throw new InputException(name, "no such file");
        } catch (IOException e) {
            String reason = e instanceof FileSystemException fse && fse.getReason() != null ? fse.getReason()
                    : e.getMessage();
            throw new InputException(name, "cannot read: " + (reason == null ? e.getClass().getSimpleName() : reason));
        }
        if (bytes.length > maxBytes) {
            throw new InputException(name, "is larger than the " + maxBytes + "-byte limit for " + kind);
        }
        return bytes;
    }

    /** The bytes as UTF-8 text; bytes that are not UTF-8 are bad input, never replacement characters. */
    public static String utf8(String name, byte[] bytes) throws InputException {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString(); // reports, by default
        } catch (CharacterCodingException e) {
            throw new InputException(name, "is not valid UTF-8 text");
        }
    }
}
