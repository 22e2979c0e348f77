package org.deskphone.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoginGuardTest {
    private final TestClock clock = new TestClock();
    private final LoginGuard guard = new LoginGuard(clock);

    @Test
    void fiveFailuresLockForThirtySecondsAndEachFurtherOneDoublesTheLock() {
        for (int i = 1; i < LoginGuard.FREE_ATTEMPTS; i++) {
            assertThat(guard.failed("192.0.2.9", "admin")).as("failure %d", i).isZero();
        }
        assertThat(guard.failed("192.0.2.9", "admin")).isEqualTo(Duration.ofSeconds(30));
        assertThat(guard.wait("192.0.2.9", "admin")).isEqualTo(Duration.ofSeconds(30));
        clock.advance(Duration.ofSeconds(31));
        assertThat(guard.wait("192.0.2.9", "admin")).isZero();
        assertThat(guard.failed("192.0.2.9", "admin")).isEqualTo(Duration.ofSeconds(60));
        clock.advance(Duration.ofSeconds(61));
        assertThat(guard.failed("192.0.2.9", "admin")).isEqualTo(Duration.ofSeconds(120));
        for (int i = 0; i < 20; i++) {
            clock.advance(LoginGuard.LONGEST_LOCK);
            guard.failed("192.0.2.9", "admin");
        }
        assertThat(guard.wait("192.0.2.9", "admin")).isEqualTo(LoginGuard.LONGEST_LOCK);
    }

    @Test
    void aLockHoldsOneNameFromOneAddressOnlyAndSuccessClearsTheCount() {
        for (int i = 0; i < LoginGuard.FREE_ATTEMPTS; i++) {
            guard.failed("192.0.2.9", "Admin");
        }
        assertThat(guard.wait("192.0.2.9", "admin")).isPositive();
        assertThat(guard.wait("192.0.2.10", "admin")).isZero();
        assertThat(guard.wait("192.0.2.9", "user")).isZero();

        guard.failed("192.0.2.10", "admin");
        guard.succeeded("192.0.2.10", "admin");
        for (int i = 1; i < LoginGuard.FREE_ATTEMPTS; i++) {
            assertThat(guard.failed("192.0.2.10", "admin")).isZero();
        }
    }
}
