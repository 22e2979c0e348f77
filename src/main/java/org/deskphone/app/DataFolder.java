package org.deskphone.app;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.stream.Stream;

/**
 * Where the phone keeps what it must remember across restarts: configuration, certificates, call
 * history, logs on a board. A marker file proves a folder is ours, so a factory reset never wipes a
 * folder the user pointed at by mistake.
 */
public final class DataFolder {
    static final String MARKER = ".deskphone-data";

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

    /** Deletes everything the phone stored, keeping the (empty) folder and its marker. */
    public void wipe() throws IOException {
        try (Stream<Path> entries = Files.list(root)) {
            for (Path entry : (Iterable<Path>) entries::iterator) {
                if (!entry.getFileName().toString().equals(MARKER)) {
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
