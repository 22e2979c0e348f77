package org.deskphone.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.deskphone.config.format.Problem;
import org.deskphone.loop.PhoneLoop;
import org.tinylog.Logger;

/**
 * The phone's configuration: one typed, layered, crash-safe store that provisioning, the web UI and the
 * phone's menus write into and every feature reads.
 *
 * <p>The store belongs to the {@link PhoneLoop}: its mutations ({@link #applyProvisioning},
 * {@link #change}, {@link #reset}) run on the loop thread, and after each committed change its
 * subscribers get a {@link ConfigChange} on the loop. Other threads read {@link #current()}, an
 * immutable snapshot. Saving happens on a writer thread ({@link StoreWriter}); {@link #saved()} says
 * when a change is on disk.
 *
 * <p>Layers, lowest first: factory defaults (the {@link Catalogue}); provisioned files, in the order
 * they were fetched; local changes. See {@link ProvisioningRun} for the precedence rules.
 */
public final class ConfigStore {
    /** Cancels a subscription. */
    public interface Subscription {
        void cancel();
    }

    private final Catalogue catalogue;
    private final PhoneLoop loop;
    private final StoreWriter writer;
    private final List<Consumer<ConfigChange>> listeners = new CopyOnWriteArrayList<>();
    private volatile Config current;

    private ConfigStore(Catalogue catalogue, PhoneLoop loop, StoreWriter writer, Layers layers) {
        this.catalogue = catalogue;
        this.loop = loop;
        this.writer = writer;
        this.current = new Config(catalogue, layers);
    }

    /**
     * Opens the store kept in {@code folder} (created if needed, readable by its owner only). A damaged
     * store file is set aside and the previous one ({@code store.cfg.bak}) is used; with neither, the
     * phone starts from factory defaults, and says so in the log.
     */
    public static ConfigStore open(Path folder, PhoneLoop loop) throws IOException {
        Files.createDirectories(folder);
        try {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
        } catch (UnsupportedOperationException e) {
            Logger.debug("no POSIX permissions on {}", folder);
        }
        Files.deleteIfExists(folder.resolve(StoreWriter.TEMPORARY));
        Layers layers = load(folder);
        return new ConfigStore(Catalogue.builtIn(), loop, new StoreWriter(folder), layers);
    }

    /** A store that keeps nothing on disk: for tests of the features that read configuration. */
    public static ConfigStore inMemory(PhoneLoop loop) {
        return new ConfigStore(Catalogue.builtIn(), loop, null, Layers.EMPTY);
    }

    /**
     * The configuration saved in {@code folder}, read without opening the store (for
     * {@code deskphone config show}); factory defaults when nothing was saved yet.
     *
     * @throws IOException when the saved file and its backup are both unreadable
     */
    public static Config read(Path folder) throws IOException {
        Path file = folder.resolve(StoreFile.NAME);
        try {
            return new Config(Catalogue.builtIn(), StoreFile.read(file));
        } catch (NoSuchFileException e) {
            return new Config(Catalogue.builtIn(), Layers.EMPTY);
        } catch (IOException e) {
            Path backup = folder.resolve(StoreWriter.BACKUP);
            if (Files.exists(backup)) {
                return new Config(Catalogue.builtIn(), StoreFile.read(backup));
            }
            throw e;
        }
    }

    private static Layers load(Path folder) throws IOException {
        Path file = folder.resolve(StoreFile.NAME);
        if (!Files.exists(file)) {
            return Layers.EMPTY;
        }
        try {
            return StoreFile.read(file);
        } catch (IOException e) {
            Path aside = folder.resolve(StoreFile.NAME + ".damaged");
            Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
            Path backup = folder.resolve(StoreWriter.BACKUP);
            try {
                Layers layers = StoreFile.read(backup);
                Logger.error("{}; moved to {}; using the previous configuration from {}", e.getMessage(), aside, backup);
                return layers;
            } catch (IOException backupFailure) {
                Logger.error("{}; moved to {}; no usable backup ({}): starting from factory defaults",
                        e.getMessage(), aside, backupFailure.getMessage());
                return Layers.EMPTY;
            }
        }
    }

    /** The configuration now. Safe from any thread; the snapshot never changes. */
    public Config current() {
        return current;
    }

    public Catalogue catalogue() {
        return catalogue;
    }

    /** Calls {@code listener} on the loop after each committed change. Safe from any thread. */
    public Subscription subscribe(Consumer<ConfigChange> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /**
     * Applies one provisioning run's files, already fetched and decrypted, in fetch order (common, model,
     * MAC). Each file applies whole or not at all; a rejected file is reported with its line and the run
     * goes on. Runs on the loop.
     */
    public ProvisioningReport applyProvisioning(List<ProvisioningFile> files) {
        requireLoop();
        Config before = current;
        ProvisioningRun.Result result = ProvisioningRun.apply(catalogue, before.layers(), files, loop.clock().now());
        for (ProvisioningReport.FileResult file : result.files()) {
            long warnings = file.problems().stream().filter(p -> !p.isError()).count();
            if (file.applied()) {
                Logger.info("provisioning: {} applied ({} settings, {} warnings)", file.name(), file.settings(), warnings);
            } else {
                Logger.warn("provisioning: {} rejected, nothing of it applied: {}", file.name(),
                        file.problems().isEmpty() ? "?" : file.problems().get(0));
            }
            file.problems().forEach(problem -> Logger.debug("{}", problem));
        }
        Commit commit = commit(before, result.layers(), result.touched(), ConfigChange.Origin.PROVISIONING);
        return new ProvisioningReport(Arrays.asList(result.files()), commit.changed, commit.needsRestart);
    }

    /**
     * Local changes from the web UI or the phone's menus, by canonical name, made with {@code access}.
     * All or nothing: if any name is unknown, not writable at this access level, or its value does not
     * fit, nothing changes and the result says why. Runs on the loop.
     */
    public ChangeResult change(Access access, Map<String, String> values) {
        requireLoop();
        List<Problem> problems = new ArrayList<>();
        Map<String, String> normalized = new HashMap<>();
        for (Map.Entry<String, String> entry : values.entrySet()) {
            Parameter parameter = writable(access, entry.getKey(), problems);
            if (parameter == null) {
                continue;
            }
            try {
                normalized.put(parameter.name(), parameter.normalize(entry.getValue() == null ? "" : entry.getValue()));
            } catch (IllegalArgumentException e) {
                problems.add(Problem.error("local", 0, e.getMessage()));
            }
        }
        if (!problems.isEmpty()) {
            return new ChangeResult(false, Set.of(), false, problems);
        }
        Config before = current;
        Map<String, String> local = new HashMap<>(before.layers().local());
        local.putAll(normalized);
        Layers layers = before.layers();
        Commit commit = commit(before, new Layers(layers.provisioned(), local, layers.unknown(), layers.applied()), normalized.keySet(),
                ConfigChange.Origin.LOCAL);
        return new ChangeResult(true, commit.changed, commit.needsRestart, List.of());
    }

    /**
     * Drops the local changes of {@code names}, so that the provisioned value or the default shows
     * again. Needs write access like {@link #change}. Runs on the loop.
     */
    public ChangeResult reset(Access access, Collection<String> names) {
        requireLoop();
        List<Problem> problems = new ArrayList<>();
        Set<String> canonical = new LinkedHashSet<>();
        for (String name : names) {
            Parameter parameter = writable(access, name, problems);
            if (parameter != null) {
                canonical.add(parameter.name());
            }
        }
        if (!problems.isEmpty()) {
            return new ChangeResult(false, Set.of(), false, problems);
        }
        Config before = current;
        Map<String, String> local = new HashMap<>(before.layers().local());
        local.keySet().removeAll(canonical);
        Layers layers = before.layers();
        Commit commit = commit(before, new Layers(layers.provisioned(), local, layers.unknown(), layers.applied()), canonical,
                ConfigChange.Origin.LOCAL);
        return new ChangeResult(true, commit.changed, commit.needsRestart, List.of());
    }

    /**
     * Completes when every change committed so far is on disk (at once for an in-memory store); fails
     * when saving failed. The provisioning client waits for it before it records a run as done.
     */
    public CompletableFuture<Void> saved() {
        return writer == null ? CompletableFuture.completedFuture(null) : writer.saved();
    }

    /** Saves what is pending and stops the writer; true when done within {@code timeout}. */
    public boolean close(Duration timeout) {
        return writer == null || writer.close(timeout);
    }

    private Parameter writable(Access access, String name, List<Problem> problems) {
        Parameter parameter;
        try {
            parameter = catalogue.parameter(name);
        } catch (IllegalArgumentException e) {
            problems.add(Problem.error("local", 0, e.getMessage()));
            return null;
        }
        if (!parameter.permission().canWrite(access)) {
            Access needed = parameter.permission().lowestWriter();
            problems.add(Problem.error("local", 0, name + ": " + access.name().toLowerCase(java.util.Locale.ROOT)
                    + " access may not change it" + (needed == null ? "" : "; it needs " + needed.name().toLowerCase(java.util.Locale.ROOT))));
            return null;
        }
        return parameter;
    }

    private record Commit(Set<String> changed, boolean needsRestart) {
    }

    /** Installs {@code layers}, hands them to the writer and tells subscribers what changed. */
    private Commit commit(Config before, Layers layers, Collection<String> touched, ConfigChange.Origin origin) {
        Config after = new Config(catalogue, layers);
        Set<String> changed = new HashSet<>();
        boolean restart = false;
        for (String name : touched) {
            if (!before.string(name).equals(after.string(name))) {
                changed.add(name);
                restart |= catalogue.parameter(name).needsRestart();
            }
        }
        current = after;
        if (writer != null) {
            writer.submit(layers);
        }
        if (!changed.isEmpty()) {
            if (Logger.isDebugEnabled()) {
                for (String name : changed) {
                    Logger.debug("config {} = {} ({})", name, catalogue.parameter(name).display(after.string(name)), after.source(name));
                }
            }
            ConfigChange change = new ConfigChange(before, after, changed, restart, origin);
            loop.post(() -> deliver(change));
        }
        return new Commit(changed, restart);
    }

    /** Each subscriber on its own: one that throws must not keep the others from hearing of the change. */
    private void deliver(ConfigChange change) {
        for (Consumer<ConfigChange> listener : listeners) {
            try {
                listener.accept(change);
            } catch (RuntimeException e) {
                Logger.error(e, "a configuration subscriber failed on a change of {}", change.changed());
            }
        }
    }

    private void requireLoop() {
        if (!loop.inLoop()) {
            throw new IllegalStateException("the configuration store changes only on the phone loop; post the change with loop.post or loop.ask");
        }
    }
}
