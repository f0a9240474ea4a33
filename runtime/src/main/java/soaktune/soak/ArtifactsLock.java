package soaktune.soak;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import soaktune.io.AtomicFiles;

/**
 * One tuner per artifacts folder: an OS file lock on {@code .soaktune.lock}, which holds the owner's PID.
 * The OS drops the lock when the process dies, even by SIGKILL, so a crashed soak never blocks its resume.
 */
public final class ArtifactsLock implements AutoCloseable {
    public static final String FILE = ".soaktune.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private ArtifactsLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Thrown when another live process holds the folder. */
    public static final class HeldException extends Exception {
        private static final long serialVersionUID = 1L;

        HeldException(String message) {
            super(message);
        }
    }

    public static ArtifactsLock acquire(Path dir) throws IOException, HeldException {
        Files.createDirectories(dir);
        Path file = dir.resolve(FILE);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // held by this very JVM (another run in-process)
        }
        if (lock == null) {
            String holder = readHolder(channel);
            channel.close();
            throw new HeldException(dir + " is in use by another soaktune run (PID " + holder + "); stop it first or"
                    + " use another --artifacts folder");
        }
        channel.truncate(0);
        channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
        channel.force(true);
        AtomicFiles.removeLeftovers(dir); // a run killed mid-write may have left a temp file; we own the folder now
        return new ArtifactsLock(channel, lock);
    }

    private static String readHolder(FileChannel channel) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(32);
        channel.read(buf, 0);
        String pid = new String(buf.array(), 0, buf.position(), StandardCharsets.US_ASCII).strip();
        return pid.isEmpty() ? "unknown" : pid;
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
