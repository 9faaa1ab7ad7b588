package org.eimas.micro.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;

/**
 * An exclusive, process-wide lock on an embedded data directory ({@code DIR/eimas.lock}), held
 * with an OS file lock so that it is released when the process dies, even by SIGKILL.
 *
 * <p>Stores of the same process share the lock (reference counted): the tick store and the
 * relational store may both be open on one directory. A second process gets a
 * {@link DataDirInUseException} that names the directory and the pid written by the holder.
 */
public final class DataDirLock implements AutoCloseable {
    private static final Map<Path, Held> HELD = new HashMap<>();

    private final Path dir;
    private boolean closed;

    private DataDirLock(Path dir) {
        this.dir = dir;
    }

    private static final class Held {
        final FileChannel channel;
        final FileLock lock;
        int count;

        Held(FileChannel channel, FileLock lock) {
            this.channel = channel;
            this.lock = lock;
        }
    }

    /** Creates {@code dir} if needed and locks it, or fails with {@link DataDirInUseException}. */
    public static DataDirLock acquire(Path dir) {
        Path key;
        try {
            Files.createDirectories(dir);
            key = dir.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data directory " + dir + ": " + e.getMessage(), e);
        }
        synchronized (HELD) {
            Held held = HELD.get(key);
            if (held == null) {
                held = lockFile(key);
                HELD.put(key, held);
            }
            held.count++;
        }
        return new DataDirLock(key);
    }

    private static Held lockFile(Path dir) {
        Path file = dir.resolve("eimas.lock");
        FileChannel ch = null;
        try {
            ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                String holder = readHolder(ch);
                ch.close();
                throw new DataDirInUseException("data directory in use: " + dir + " is locked by another process"
                        + (holder.isEmpty() ? "" : " (" + holder + ")")
                        + "; stop it or use another --data-dir");
            }
            ch.truncate(0);
            ch.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
            ch.force(false);
            return new Held(ch, lock);
        } catch (IOException e) {
            if (ch != null) {
                try {
                    ch.close();
                } catch (IOException ignored) {
                    // already failing
                }
            }
            throw new UncheckedIOException("cannot lock data directory " + dir + ": " + e.getMessage(), e);
        }
    }

    private static String readHolder(FileChannel ch) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(64);
        int n = ch.read(buf, 0);
        return n <= 0 ? "" : new String(buf.array(), 0, n, StandardCharsets.US_ASCII).trim();
    }

    public Path dir() {
        return dir;
    }

    @Override
    public void close() {
        synchronized (HELD) {
            if (closed) {
                return;
            }
            closed = true;
            Held held = HELD.get(dir);
            if (held != null && --held.count == 0) {
                HELD.remove(dir);
                try {
                    held.lock.release();
                    held.channel.close();
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot unlock data directory " + dir, e);
                }
            }
        }
    }
}
