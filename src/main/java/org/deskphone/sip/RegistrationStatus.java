package org.deskphone.sip;

import java.time.Instant;
import java.util.Optional;

/** An account's registration as the UI and the log show it. */
public sealed interface RegistrationStatus {

    /** One line for the log, the LCD's status line and the {@code call} command. */
    String describe();

    /** Not registered and not trying: an account with no server, or stopped. */
    record Idle(String why) implements RegistrationStatus {
        @Override
        public String describe() {
            return "not registered (" + why + ")";
        }
    }

    /** A REGISTER is on its way to {@code server}. */
    record Registering(String server) implements RegistrationStatus {
        @Override
        public String describe() {
            return "registering with " + server;
        }
    }

    /** Registered with {@code server} until {@code until} (the binding's expiry); refreshed before then. */
    record Registered(String server, Instant until) implements RegistrationStatus {
        @Override
        public String describe() {
            return "registered with " + server + " until " + until;
        }
    }

    /** Failed for {@code reason}; tries again at {@code retryAt} unless empty. */
    record Failed(String reason, Optional<Instant> retryAt) implements RegistrationStatus {
        @Override
        public String describe() {
            return "registration failed: " + reason + retryAt.map(t -> "; retrying at " + t).orElse("");
        }
    }
}
