package org.deskphone.app;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.stream.Stream;

/**
 * Where the phone keeps what it must remember across restarts: configuration, certificates, call
 * history, logs on a board. A marker file proves a folder is ours, so a factory reset never wipes a
 * folder the user pointed at by mistake.
 */
public final class DataFolder {
    static final String MARKER = ".deskphone-data";
    static final String LOCK = ".deskphone-lock";

    private final Path root;

    private DataFolder(Path root) {
        this.root = root;
    }

    /**
     * Opens {@code root}, creating it if needed. An existing folder that holds other files but no marker
     * is refused: it is somebody else's.
     */
    public static DataFolder open(Path root) throws IOException {
        Path absolute = root.toAbsolutePath().normalize();
        Files.createDirectories(absolute);
        Path marker = absolute.resolve(MARKER);
        if (!Files.exists(marker)) {
            try (Stream<Path> entries = Files.list(absolute)) {
                if (entries.findAny().isPresent()) {
                    throw new IOException("data folder " + absolute + " is not empty and is not a deskphone data folder ("
                            + MARKER + " is missing); choose another with --data");
                }
            }
            Files.writeString(marker, "deskphone data folder; everything here is wiped by a factory reset\n");
        }
        return new DataFolder(absolute);
    }

    /** Expands a leading {@code ~} to the user's home, as the board descriptors write it. */
    public static Path expand(String path) {
        if (path.equals("~") || path.startsWith("~/")) {
            return Path.of(System.getProperty("user.home") + path.substring(1));
        }
        return Path.of(path);
    }

    public Path root() {
        return root;
    }

    /** A sub-folder, created on first use. */
    public Path folder(String name) throws IOException {
        return Files.createDirectories(root.resolve(name));
    }

    /**
     * Claims the folder for this process until the claim is closed: a running phone holds it, and the
     * commands that write the folder (factory reset, {@code config set}, {@code provision}) take it too, so
     * that they never change the store under a running phone's feet. The operating system releases it if
     * the process dies.
     *
     * @throws IOException naming the process that holds the folder
     */
    public Claim claim() throws IOException {
        Path file = root.resolve(LOCK);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException sameProcess) {
            lock = null;
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            String holder = Files.readString(file, StandardCharsets.US_ASCII).strip();
            channel.close();
            throw new IOException("data folder " + root + " is in use by another deskphone"
                    + (holder.isEmpty() ? "" : " (pid " + holder + ")") + "; stop it first");
        }
        channel.truncate(0);
        channel.write(StandardCharsets.US_ASCII.encode(Long.toString(ProcessHandle.current().pid())));
        return new Claim(channel);
    }

    /** This process's hold on the folder; closing it lets another process claim the folder. */
    public static final class Claim implements AutoCloseable {
        private final FileChannel channel;

        private Claim(FileChannel channel) {
            this.channel = channel;
        }

        @Override
        public void close() throws IOException {
            // Closing the channel releases the lock; the file stays, so no other process races its creation.
            channel.truncate(0);
            channel.close();
        }
    }

    /** Deletes everything the phone stored, keeping the (empty) folder, its marker and the claim. */
    public void wipe() throws IOException {
        try (Stream<Path> entries = Files.list(root)) {
            for (Path entry : (Iterable<Path>) entries::iterator) {
                String name = entry.getFileName().toString();
                if (!name.equals(MARKER) && !name.equals(LOCK)) {
                    deleteTree(entry);
                }
            }
        }
    }

    private static void deleteTree(Path top) throws IOException {
        if (!Files.isDirectory(top, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            Files.delete(top);
            return;
        }
        Files.walkFileTree(top, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                if (failure != null) {
                    throw failure;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    @Override
    public String toString() {
        return root.toString();
    }
}
