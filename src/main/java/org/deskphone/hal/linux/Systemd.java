package org.deskphone.hal.linux;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Notifications to systemd when the phone runs as its service ({@code Type=notify} with
 * {@code WatchdogSec=}): {@code READY=1} once the phone is up, {@code WATCHDOG=1} from the phone loop at
 * half the watchdog period, so that a loop that hangs gets the phone restarted, and {@code STOPPING=1}.
 * Outside systemd ({@code NOTIFY_SOCKET} unset) every call does nothing. The datagram needs the native
 * library; without it the service unit's watchdog would restart the phone, which the log then explains.
 */
public final class Systemd {
    private final String socket;
    private final Optional<Duration> watchdog;
    private final NativeHelpers.Availability availability;

    Systemd(Map<String, String> environment, long pid, NativeHelpers.Availability availability) {
        this.socket = environment.get("NOTIFY_SOCKET");
        this.availability = availability;
        Optional<Duration> period = Optional.empty();
        String usec = environment.get("WATCHDOG_USEC");
        String forPid = environment.get("WATCHDOG_PID");
        if (usec != null && (forPid == null || forPid.equals(Long.toString(pid)))) {
            try {
                period = Optional.of(Duration.ofNanos(Long.parseLong(usec) * 1000 / 2));
            } catch (NumberFormatException e) {
                period = Optional.empty();
            }
        }
        this.watchdog = period;
    }

    /** The process's own: read from its environment. */
    public static Systemd fromEnvironment() {
        return new Systemd(System.getenv(), ProcessHandle.current().pid(), NativeHelpers.availability());
    }

    /** True when systemd asked to be notified. */
    public boolean supervised() {
        return socket != null && !socket.isEmpty();
    }

    /** How often to send {@link #watchdog()}: half of {@code WatchdogSec}, when systemd set one for this process. */
    public Optional<Duration> watchdogPeriod() {
        return supervised() ? watchdog : Optional.empty();
    }

    public Outcome ready(String status) {
        return notify("READY=1\nSTATUS=" + status.replace('\n', ' '));
    }

    public Outcome watchdog() {
        return notify("WATCHDOG=1");
    }

    public Outcome stopping() {
        return notify("STOPPING=1");
    }

    Outcome notify(String state) {
        if (!supervised()) {
            return Outcome.refused("not started by systemd");
        }
        if (!availability.loaded()) {
            return Outcome.refused("cannot notify systemd: native helpers not loaded: " + availability.description());
        }
        int error = NativeHelpers.notify(socket, state);
        return error == 0 ? Outcome.done("systemd notified: " + state.lines().findFirst().orElse(state))
                : Outcome.refused("notifying systemd at " + socket + " failed: " + NativeHelpers.errorText(error));
    }
}
