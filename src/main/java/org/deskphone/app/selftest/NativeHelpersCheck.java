package org.deskphone.app.selftest;

import java.util.concurrent.atomic.AtomicReference;
import org.deskphone.hal.linux.Outcome;
import org.deskphone.hal.linux.RealTime;

/**
 * The native real-time helpers load and work: a short-lived thread is put on SCHED_FIFO at the media
 * priority and back. A board whose descriptor says {@code native = required} (the Pi) fails without
 * them; elsewhere their absence is a warning, since the phone runs without them.
 */
final class NativeHelpersCheck implements Check {

    @Override
    public String name() {
        return "native";
    }

    @Override
    public CheckResult run(Bench bench) throws Exception {
        RealTime realTime = RealTime.get();
        boolean required = bench.board().descriptor().get("native").orElse("optional").equals("required");
        if (!realTime.available()) {
            String detail = "not loaded: " + realTime.status() + "; media threads would run at normal priority";
            return required ? CheckResult.fail(detail) : CheckResult.warn(detail);
        }
        AtomicReference<String> seen = new AtomicReference<>();
        Thread media = new Thread(() -> {
            Outcome raised = realTime.raiseCurrentThread(RealTime.MEDIA_PRIORITY);
            String scheduling = realTime.currentThreadScheduling();
            realTime.lowerCurrentThread();
            seen.set(raised.done() ? "a media thread ran " + scheduling : raised.message());
        }, "selftest-media");
        media.start();
        media.join();
        String detail = realTime.status() + "; " + seen.get();
        return seen.get().startsWith("a media thread ran SCHED_FIFO") ? CheckResult.pass(detail) : CheckResult.warn(detail);
    }
}
