package org.deskphone.web;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The accounts' registration as the SIP user agent last reported it: what the status and accounts pages
 * show beside each account's settings. The SIP feature fills it in; until then {@link #NONE} says there
 * is no user agent, and the pages say so rather than guess. Called from the web server's threads:
 * implementations answer from a snapshot the phone loop keeps up to date.
 */
public interface AccountStates {

    /** No SIP user agent in this phone: every account's registration is unknown. */
    AccountStates NONE = new AccountStates() {
        @Override
        public boolean available() {
            return false;
        }

        @Override
        public Optional<AccountState> state(int account) {
            return Optional.empty();
        }
    };

    /** True when a SIP user agent reports here. */
    boolean available();

    /** Account {@code account}'s registration (1-based, as in {@code account.X}); empty when the agent has none. */
    Optional<AccountState> state(int account);

    /**
     * One account's registration.
     *
     * @param registration where it stands
     * @param detail       in words: the server, the failure's reason, why it is idle
     * @param until        when a registration expires, or when a failed one is tried again
     */
    record AccountState(Registration registration, String detail, Optional<Instant> until) {
        public enum Registration {
            IDLE, REGISTERING, REGISTERED, FAILED
        }

        public AccountState {
            Objects.requireNonNull(registration, "registration");
            Objects.requireNonNull(detail, "detail");
            Objects.requireNonNull(until, "until");
        }
    }
}
