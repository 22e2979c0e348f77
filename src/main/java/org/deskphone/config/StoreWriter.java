package org.deskphone.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.tinylog.Logger;

/**
 * Saves the store on its own thread, so that the phone loop never waits for the disk. The loop hands
 * over each committed state; the writer saves the latest one (states in between are skipped, since the
 * latest includes them). Each save is crash-safe: write a temporary file, fsync it, keep a hard link to
 * the previous file as {@code store.cfg.bak}, rename atomically over {@code store.cfg}, fsync the folder.
 * A kill at any instant leaves the old or the new file, never a torn one. The file is readable by its
 * owner only: it holds passwords.
 */
final class StoreWriter {
    static final String TEMPORARY = StoreFile.NAME + ".tmp";
    static final String BACKUP = StoreFile.NAME + ".bak";
    private static final Set<PosixFilePermission> OWNER_ONLY = EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    private static final long RETRY_MILLIS = 1000;

    private record Waiter(long generation, CompletableFuture<Void> future) {
    }

    private final Path folder;
    private final Thread thread;
    private final List<Waiter> waiters = new ArrayList<>();
    private Layers pending;
    private long submitted;
    private long saved;
    private boolean closing;
    private IOException failure;

    StoreWriter(Path folder) {
        this.folder = folder;
        this.thread = new Thread(this::run, "config-writer");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Queues {@code layers} to be saved; they replace any state not yet saved. */
    synchronized void submit(Layers layers) {
        if (closing) {
            throw new IllegalStateException("the configuration store is closed");
        }
        pending = layers;
        submitted++;
        notifyAll();
    }

    /** Completes when everything submitted so far is on disk; fails if the last save failed. */
    synchronized CompletableFuture<Void> saved() {
        CompletableFuture<Void> future = new CompletableFuture<>();
        if (saved >= submitted) {
            future.complete(null);
        } else {
            waiters.add(new Waiter(submitted, future));
        }
        return future;
    }

    /** Saves what is pending and stops; true when that finished within {@code timeout}. */
    boolean close(Duration timeout) {
        synchronized (this) {
            closing = true;
            notifyAll();
        }
        try {
            thread.join(Math.max(1, timeout.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !thread.isAlive();
    }

    private void run() {
        while (true) {
            Layers layers;
            long generation;
            synchronized (this) {
                while (pending == null && !closing) {
                    waitQuietly(0);
                }
                if (pending == null) {
                    return;
                }
                layers = pending;
                generation = submitted;
                pending = null;
            }
            try {
                save(folder, StoreFile.write(layers));
                synchronized (this) {
                    saved = generation;
                    if (failure != null) {
                        Logger.info("configuration saved again in {}", folder);
                        failure = null;
                    }
                    complete(null);
                }
            } catch (IOException | RuntimeException e) {
                IOException error = e instanceof IOException io ? io : new IOException(e);
                synchronized (this) {
                    if (failure == null) {
                        Logger.error("cannot save the configuration in {}: {}; the phone keeps it in memory and retries", folder, e.toString());
                    }
                    failure = error;
                    complete(error);
                    if (pending == null) {
                        pending = layers;
                    }
                    if (closing) {
                        return;
                    }
                    waitQuietly(RETRY_MILLIS);
                }
            }
        }
    }

    private void complete(IOException error) {
        for (Iterator<Waiter> it = waiters.iterator(); it.hasNext(); ) {
            Waiter waiter = it.next();
            if (error != null) {
                waiter.future().completeExceptionally(error);
                it.remove();
            } else if (waiter.generation() <= saved) {
                waiter.future().complete(null);
                it.remove();
            }
        }
    }

    private void waitQuietly(long millis) {
        try {
            wait(millis);
        } catch (InterruptedException e) {
            closing = true;
        }
    }

    /** The atomic save, usable on its own. */
    static void save(Path folder, byte[] content) throws IOException {
        Path target = folder.resolve(StoreFile.NAME);
        Path temporary = folder.resolve(TEMPORARY);
        Files.deleteIfExists(temporary);
        try (FileChannel channel = open(temporary)) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
        if (Files.exists(target)) {
            Path backup = folder.resolve(BACKUP);
            Files.deleteIfExists(backup);
            try {
                Files.createLink(backup, target);
            } catch (UnsupportedOperationException | FileAlreadyExistsException e) {
                Logger.debug("no backup link for {}: {}", target, e.toString());
            }
        }
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the file system of " + folder + " cannot rename atomically; the configuration cannot be saved safely", e);
        }
        syncFolder(folder);
    }

    private static FileChannel open(Path file) throws IOException {
        try {
            return FileChannel.open(file, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                    PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (UnsupportedOperationException e) {
            return FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        }
    }

    /** Makes the rename itself durable. Not every platform can open a folder; there it is skipped. */
    private static void syncFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            Logger.debug("cannot fsync folder {}: {}", folder, e.toString());
        }
    }
}
