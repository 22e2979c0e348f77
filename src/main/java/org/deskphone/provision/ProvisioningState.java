package org.deskphone.provision;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * What provisioning remembers across runs and restarts beside the configuration, in
 * {@code <data>/provision/state.properties}: the MD5 of every resource installed, and whether a run is owed
 * after a restart ({@code check-sync} with {@code reboot=true}, L1531-1535). The MD5s of the configuration
 * files are the store's ({@link ConfigSink#appliedFiles()}), saved with the values they gave. Written whole
 * to a temporary file and moved into place, so a power cut leaves the old state or the new one. Written on
 * the phone loop, between runs; a run's worker reads a copy taken on the loop.
 */
public final class ProvisioningState {
    private static final String RESOURCE = "resource.";
    private static final String RUN_AFTER_RESTART = "run-after-restart";

    private final Path file;
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
                if (name.startsWith(RESOURCE)) {
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
            out.write("# deskphone provisioning state: MD5 of the resources installed; delete to download them again\n");
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
