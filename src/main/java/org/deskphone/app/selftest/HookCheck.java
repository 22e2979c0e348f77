package org.deskphone.app.selftest;

import java.time.Duration;
import org.deskphone.hal.HookState;
import org.deskphone.hal.mock.MockHookSwitch;

/**
 * The hook switch reads: on the PC board, lifting and replacing the handset must reach the phone loop;
 * on hardware, the switch's position is reported (nobody lifts the handset during the test).
 */
final class HookCheck implements Check {
    private static final Duration WAIT = Duration.ofSeconds(2);

    @Override
    public String name() {
        return "hook";
    }

    @Override
    public CheckResult run(Bench bench) throws Exception {
        HookState now = bench.board().hook().state();
        if (!(bench.board().hook() instanceof MockHookSwitch)) {
            return KeypadCheck.errorsOr(bench, CheckResult.pass("handset " + words(now)));
        }
        MockHookSwitch hook = (MockHookSwitch) bench.board().hook();
        hook.toggle();
        HookState first = bench.nextHook(WAIT);
        hook.toggle();
        HookState second = bench.nextHook(WAIT);
        if (first == null || first == now || second != now) {
            return CheckResult.fail("moved the handset from " + words(now) + " and back; the phone loop saw " + first + ", " + second);
        }
        return CheckResult.pass("moving the handset reached the phone loop: " + first + ", " + second);
    }

    private static String words(HookState state) {
        return state == HookState.ON_HOOK ? "on hook" : "off hook";
    }
}
