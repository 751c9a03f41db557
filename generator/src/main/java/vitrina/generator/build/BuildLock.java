package vitrina.generator.build;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * One build at a time per work folder: {@code vitrina serve --watch} rebuilding while an organizer runs
 * {@code vitrina build} would have both write the caches and commit into the same site. An exclusive lock on
 * {@code build.lock} in the work folder, held for the whole build; the operating system releases it when the
 * process ends, however it ends.
 */
final class BuildLock implements AutoCloseable {
    static final String FILE = "build.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private BuildLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** The lock of {@code workDir}; empty while another build (of this process or another) holds it. */
    static Optional<BuildLock> tryAcquire(Path workDir) throws IOException {
        Files.createDirectories(workDir);
        FileChannel channel = FileChannel.open(workDir.resolve(FILE), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        try {
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return Optional.of(new BuildLock(channel, lock));
            }
        } catch (OverlappingFileLockException e) {
            // held by another build of this process
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        channel.close();
        return Optional.empty();
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException e) {
            // released with the channel
        }
        try {
            channel.close();
        } catch (IOException e) {
            // the process ending releases it
        }
    }
}
