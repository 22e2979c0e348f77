package org.deskphone.app;

import java.util.concurrent.atomic.AtomicBoolean;
import org.deskphone.hal.BoardDescriptor;
import org.deskphone.hal.linux.Outcome;
import org.deskphone.hal.linux.RealTime;
import org.deskphone.hal.linux.Systemd;
import org.tinylog.Logger;

/**
 * What the phone asks of its host, through the optional native helpers: before it starts, memory locked
 * ({@code memory.lock = true}) and a CPU governor ({@code cpu.governor = performance}) when its board's
 * descriptor asks; once it is up, systemd told so and its watchdog fed from the phone loop, so that a
 * loop that hangs gets the phone restarted. Every outcome is logged; none stops the phone.
 */
final class HostSetup {

    private HostSetup() {
    }

    static void prepare(BoardDescriptor board) {
        RealTime realTime = RealTime.get();
        if (board.flag("memory.lock", false)) {
            log(realTime.lockMemory());
        }
        board.get("cpu.governor").ifPresent(governor -> log(realTime.setCpuGovernor(governor)));
    }

    /** Tells systemd (when it started the phone) that {@code phone} is up, and feeds its watchdog from the loop. */
    static void announce(Phone phone, Systemd systemd, String status) {
        if (!systemd.supervised()) {
            return;
        }
        log(systemd.ready(status));
        systemd.watchdogPeriod().ifPresent(period -> {
            AtomicBoolean failing = new AtomicBoolean();
            phone.loop().every(period, () -> {
                Outcome fed = systemd.watchdog();
                if (!fed.done() && !failing.getAndSet(true)) {
                    Logger.warn("{}; systemd's watchdog will restart the phone", fed.message());
                }
            });
            Logger.info("feeding systemd's watchdog every {} ms from the phone loop", period.toMillis());
        });
    }

    private static void log(Outcome outcome) {
        if (outcome.done()) {
            Logger.info(outcome.message());
        } else {
            Logger.warn(outcome.message());
        }
    }
}
