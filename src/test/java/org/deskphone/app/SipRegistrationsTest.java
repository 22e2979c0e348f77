package org.deskphone.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.deskphone.sip.RegistrationStatus;
import org.deskphone.web.AccountStates.AccountState;
import org.deskphone.web.AccountStates.AccountState.Registration;
import org.junit.jupiter.api.Test;

/** The user agent's registration reports, as the web UI's status page reads them. */
class SipRegistrationsTest {

    @Test
    void eachReportBecomesTheStateThePageShowsWithItsReasonAndTime() {
        Instant until = Instant.parse("2026-11-22T22:00:00Z");
        Instant retry = Instant.parse("2026-11-22T21:05:00Z");
        assertThat(SipRegistrations.state(new RegistrationStatus.Registered("pbx:5060", until)))
                .isEqualTo(new AccountState(Registration.REGISTERED, "with pbx:5060", Optional.of(until)));
        assertThat(SipRegistrations.state(new RegistrationStatus.Registering("pbx:5060")))
                .isEqualTo(new AccountState(Registration.REGISTERING, "with pbx:5060", Optional.empty()));
        assertThat(SipRegistrations.state(new RegistrationStatus.Failed("403 Forbidden", Optional.of(retry))))
                .isEqualTo(new AccountState(Registration.FAILED, "403 Forbidden", Optional.of(retry)));
        assertThat(SipRegistrations.state(new RegistrationStatus.Idle("no server")))
                .isEqualTo(new AccountState(Registration.IDLE, "no server", Optional.empty()));
    }

    @Test
    void withoutAUserAgentNothingIsKnown() {
        SipRegistrations registrations = new SipRegistrations();
        assertThat(registrations.available()).isFalse();
        registrations.started(List.of());
        assertThat(registrations.available()).isTrue();
        assertThat(registrations.state(1)).isEmpty();
        registrations.stopped();
        assertThat(registrations.available()).isFalse();
    }
}
