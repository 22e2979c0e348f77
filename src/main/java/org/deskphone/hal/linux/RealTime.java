package org.deskphone.hal.linux;

/**
 * Real-time help for the media path, from the optional native library. The media engine calls
 * {@link #raiseCurrentThread(int)} from its media thread when the thread starts; the composition root
 * calls {@link #lockMemory()} and {@link #setCpuGovernor(String)} once when the board asks for them.
 * Each answers with an {@link Outcome} to log; nothing here throws for a refusal.
 *
 * <p>Raising a thread needs root, or {@code LimitRTPRIO} in the systemd unit (the Pi's
 * {@code deskphone.service} allows up to {@value #MEDIA_PRIORITY}); locking memory needs
 * {@code LimitMEMLOCK=infinity}; the governor needs root.
 */
public final class RealTime {
    /** The SCHED_FIFO priority for media threads: above every normal thread, below the kernel's own (99). */
    public static final int MEDIA_PRIORITY = 60;
    static final int SCHED_OTHER = 0;
    static final int SCHED_FIFO = 1;
    static final String CPU_ROOT = "/sys/devices/system/cpu";

    private static RealTime instance;

    private final NativeHelpers.Availability availability;

    RealTime(NativeHelpers.Availability availability) {
        this.availability = availability;
    }

    /** The process's real-time helpers; the first call loads the native library and logs whether it is there. */
    public static synchronized RealTime get() {
        if (instance == null) {
            instance = new RealTime(NativeHelpers.availability());
        }
        return instance;
    }

    /** True when the native library is loaded. */
    public boolean available() {
        return availability.loaded();
    }

    /** Where the library was loaded from, or why it was not. */
    public String status() {
        return availability.description();
    }

    /** Puts the calling thread on SCHED_FIFO at {@code priority} (1-99). */
    public Outcome raiseCurrentThread(int priority) {
        if (priority < 1 || priority > 99) {
            throw new IllegalArgumentException("SCHED_FIFO priority must be 1-99: " + priority);
        }
        if (!available()) {
            return notLoaded();
        }
        int error = NativeHelpers.setFifo(priority);
        if (error != 0) {
            int limit = NativeHelpers.rtprioLimit();
            return Outcome.refused("thread " + Thread.currentThread().getName() + " stays at normal priority: SCHED_FIFO "
                    + priority + " refused (" + NativeHelpers.errorText(error) + "; RLIMIT_RTPRIO is " + limit + ")");
        }
        return Outcome.done("thread " + Thread.currentThread().getName() + " runs SCHED_FIFO " + priority);
    }

    /** Puts the calling thread back on normal scheduling. */
    public Outcome lowerCurrentThread() {
        if (!available()) {
            return notLoaded();
        }
        int error = NativeHelpers.setOther();
        return error == 0 ? Outcome.done("thread " + Thread.currentThread().getName() + " runs SCHED_OTHER")
                : Outcome.refused("SCHED_OTHER refused: " + NativeHelpers.errorText(error));
    }

    /** How the calling thread is scheduled: {@code SCHED_FIFO 60}, {@code SCHED_OTHER}, or why that is unknown. */
    public String currentThreadScheduling() {
        if (!available()) {
            return "unknown (" + notLoaded().message() + ")";
        }
        int scheduling = NativeHelpers.scheduling();
        if (scheduling < 0) {
            return "unknown (" + NativeHelpers.errorText(-scheduling) + ")";
        }
        int policy = scheduling / 1000;
        int priority = scheduling % 1000;
        return policy == SCHED_FIFO ? "SCHED_FIFO " + priority : policy == SCHED_OTHER ? "SCHED_OTHER" : "policy " + policy + " " + priority;
    }

    /** Locks the process's memory as it is touched, so the media path never waits for paging. */
    public Outcome lockMemory() {
        if (!available()) {
            return notLoaded();
        }
        int error = NativeHelpers.lockMemory();
        return error == 0 ? Outcome.done("memory locked")
                : Outcome.refused("memory not locked: " + NativeHelpers.errorText(error) + " (LimitMEMLOCK=infinity allows it)");
    }

    public Outcome unlockMemory() {
        if (!available()) {
            return notLoaded();
        }
        int error = NativeHelpers.unlockMemory();
        return error == 0 ? Outcome.done("memory unlocked") : Outcome.refused("munlockall: " + NativeHelpers.errorText(error));
    }

    /** Asks every CPU's frequency governor to be {@code governor} (such as {@code performance}). */
    public Outcome setCpuGovernor(String governor) {
        return setCpuGovernor(CPU_ROOT, governor);
    }

    Outcome setCpuGovernor(String cpuRoot, String governor) {
        if (!governor.matches("[a-z]+")) {
            throw new IllegalArgumentException("not a CPU governor name: '" + governor + "'");
        }
        if (!available()) {
            return notLoaded();
        }
        int result = NativeHelpers.setGovernor(cpuRoot, governor);
        if (result > 0) {
            return Outcome.done("CPU governor " + governor + " on " + result + (result == 1 ? " CPU" : " CPUs"));
        }
        return Outcome.refused("CPU governor stays: " + NativeHelpers.errorText(-result)
                + (result == -2 ? " (this machine has no cpufreq)" : ""));
    }

    private Outcome notLoaded() {
        return Outcome.refused("native helpers not loaded: " + availability.description());
    }
}
