package org.deskphone.provision;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * What provisioning remembers across runs and restarts, in {@code <data>/provision/state.properties}: the
 * MD5 of every configuration file the last applied run applied (Yealink's change check, L1567-1577), the
 * MD5 of every resource installed, and whether a run is owed after a restart ({@code check-sync} with
 * {@code reboot=true}, L1531-1535). Written whole to a temporary file and moved into place, so a power cut
 * leaves the old state or the new one. Written on the phone loop, between runs; a run's worker reads it
 * while it fetches, which is safe because runs are serialised and every hand-over between the loop and
 * the worker goes through an executor (a happens-before edge).
 */
public final class ProvisioningState {
    private static final String CONFIG = "config.";
    private static final String RESOURCE = "resource.";
    private static final String RUN_AFTER_RESTART = "run-after-restart";

    private final Path file;
    private final Map<String, String> applied = new LinkedHashMap<>();
    private final Map<String, String> resources = new TreeMap<>();
    private boolean runAfterRestart;

    private ProvisioningState(Path file) {
        this.file = file;
    }

    /** Loads the state from {@code file}; a missing file is a phone that never provisioned. */
    public static ProvisioningState load(Path file) throws IOException {
        ProvisioningState state = new ProvisioningState(file);
        if (Files.exists(file)) {
            Properties properties = new Properties();
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(in);
            }
            new TreeMap<>(properties).forEach((key, value) -> {
                String name = (String) key;
                if (name.startsWith(CONFIG)) {
                    String[] order = name.substring(CONFIG.length()).split("\\.", 2);
                    if (order.length == 2) {
                        state.applied.put(order[1], (String) value);
                    }
                } else if (name.startsWith(RESOURCE)) {
                    state.resources.put(name.substring(RESOURCE.length()), (String) value);
                } else if (name.equals(RUN_AFTER_RESTART)) {
                    state.runAfterRestart = Boolean.parseBoolean((String) value);
                }
            });
        }
        return state;
    }

    /** A state kept in memory only, for a one-off run with no data folder. */
    public static ProvisioningState inMemory() {
        return new ProvisioningState(null);
    }

    /** The MD5 of the file at {@code url} when it was last applied, or null. */
    public String appliedMd5(String url) {
        return applied.get(url);
    }

    /** True when {@code files} (URL to MD5, in order) are exactly what the last applied run applied. */
    public boolean sameAsApplied(Map<String, String> files) {
        return !files.isEmpty() && applied.equals(files) && new java.util.ArrayList<>(applied.keySet())
                .equals(new java.util.ArrayList<>(files.keySet()));
    }

    /** Records the files a run applied, replacing the previous run's. */
    public void recordApplied(Map<String, String> files) throws IOException {
        applied.clear();
        applied.putAll(files);
        save();
    }

    public String resourceMd5(String url) {
        return resources.get(url);
    }

    /** URL to MD5 of every resource installed, a copy. */
    public Map<String, String> resources() {
        return Map.copyOf(resources);
    }

    public void recordResource(String url, String md5) throws IOException {
        resources.put(url, md5);
        save();
    }

    public boolean runAfterRestart() {
        return runAfterRestart;
    }

    public void setRunAfterRestart(boolean owed) throws IOException {
        runAfterRestart = owed;
        save();
    }

    private void save() throws IOException {
        if (file == null) {
            return;
        }
        Files.createDirectories(file.getParent());
        Path temporary = file.resolveSibling(file.getFileName() + ".new");
        try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
            out.write("# deskphone provisioning state: MD5 of what was applied; delete to force a full run\n");
            int n = 0;
            for (Map.Entry<String, String> entry : applied.entrySet()) {
                out.write(escape(CONFIG + String.format("%02d", n++) + "." + entry.getKey()) + "=" + entry.getValue() + "\n");
            }
            for (Map.Entry<String, String> entry : resources.entrySet()) {
                out.write(escape(RESOURCE + entry.getKey()) + "=" + entry.getValue() + "\n");
            }
            out.write(RUN_AFTER_RESTART + "=" + runAfterRestart + "\n");
        }
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String escape(String key) {
        return key.replace("\\", "\\\\").replace(":", "\\:").replace("=", "\\=").replace(" ", "\\ ");
    }
}
