package org.deskphone.hal.linux;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.tinylog.Logger;

/**
 * The JNI entry points of {@code libdeskphone-rt.so} ({@code native/deskphone_rt.c}) and finding it: in
 * the folder named by the {@code deskphone.native} system property, else in {@code native/} beside the
 * phone's jar (or beside {@code target/classes} in a build), under {@code linux-<arch>/}. Each function
 * returns 0 or a positive errno unless its comment says otherwise.
 */
final class NativeHelpers {
    static final String FILE = "libdeskphone-rt.so";
    static final int ABI = 1;

    /** Whether the library is loaded, and a sentence for the log and the self-test saying where or why not. */
    record Availability(boolean loaded, String description) {
    }

    private static Availability availability;

    private NativeHelpers() {
    }

    /** Loads the library on first use and says once in the log whether it is there. */
    static synchronized Availability availability() {
        if (availability == null) {
            availability = load(location());
            if (availability.loaded()) {
                Logger.info("native helpers {}", availability.description());
            } else {
                Logger.warn("native helpers not loaded: {}; media threads run at normal priority and memory is not locked",
                        availability.description());
            }
        }
        return availability;
    }

    /** Loads the library at {@code file}; a missing or unloadable file is a description, not an exception. */
    static Availability load(Path file) {
        if (!Files.isRegularFile(file)) {
            return new Availability(false, file + " does not exist");
        }
        try {
            System.load(file.toAbsolutePath().toString());
            int abi = abi();
            if (abi != ABI) {
                return new Availability(false, file + " is ABI " + abi + ", this build needs ABI " + ABI);
            }
            return new Availability(true, "loaded from " + file + " (" + machine() + ")");
        } catch (UnsatisfiedLinkError e) {
            return new Availability(false, "cannot load " + file + ": " + e.getMessage());
        }
    }

    static Path location() {
        String property = System.getProperty("deskphone.native");
        Path folder = property != null && !property.isBlank() ? Path.of(property) : besideCode().resolve("native");
        return folder.resolve("linux-" + arch()).resolve(FILE);
    }

    /** The architecture as the build names its folders: x86_64, aarch64. */
    static String arch() {
        String arch = System.getProperty("os.arch", "unknown").toLowerCase(Locale.ROOT);
        return arch.equals("amd64") ? "x86_64" : arch;
    }

    /** The folder holding the jar, or {@code target/} when running from {@code target/classes}. */
    private static Path besideCode() {
        try {
            Path code = Path.of(NativeHelpers.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path parent = code.getParent();
            return parent == null ? Path.of("") : parent;
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            return Path.of("");
        }
    }

    static native int abi();

    static native String machine();

    static native String errorText(int error);

    /** SCHED_FIFO at {@code priority} for the calling thread. */
    static native int setFifo(int priority);

    /** Back to SCHED_OTHER for the calling thread. */
    static native int setOther();

    /** The calling thread's policy * 1000 + priority, or -errno. */
    static native int scheduling();

    /** RLIMIT_RTPRIO's soft limit (99 when unlimited), or -errno. */
    static native int rtprioLimit();

    static native int lockMemory();

    static native int unlockMemory();

    /** Writes {@code governor} for every CPU under {@code cpuRoot}; the count that took it, or -errno. */
    static native int setGovernor(String cpuRoot, String governor);

    static native int notify(String socket, String state);
}
