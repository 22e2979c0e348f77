package org.deskphone.app;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.deskphone.sip.Account;
import org.deskphone.sip.RegistrationStatus;
import org.deskphone.sip.SipEvents;
import org.deskphone.web.AccountStates;

/**
 * The accounts' registrations as the web UI's status page shows them: the user agent reports each change
 * on the phone loop, and the web server's threads read the last report. One per phone; it outlives the
 * user agent's restarts, starting afresh with each agent's accounts.
 */
final class SipRegistrations implements SipEvents, AccountStates {
    private final Map<Integer, AccountState> states = new ConcurrentHashMap<>();
    /** The current agent's accounts: a stopping agent's last reports must not overwrite its successor's. */
    private volatile Set<Account> current = Set.of();
    private volatile boolean running;

    /** A user agent started with {@code accounts}; call on the loop (where accounts are read). */
    void started(List<Account> accounts) {
        current = Collections.newSetFromMap(new IdentityHashMap<>());
        current.addAll(accounts);
        states.clear();
        accounts.forEach(account -> states.put(account.index(), state(account.registration())));
        running = true;
    }

    /** No user agent now: it failed to start. Any thread. */
    void stopped() {
        running = false;
        current = Set.of();
        states.clear();
    }

    @Override
    public void registrationChanged(Account account, RegistrationStatus status) {
        if (current.contains(account)) {
            states.put(account.index(), state(status));
        }
    }

    @Override
    public boolean available() {
        return running;
    }

    @Override
    public Optional<AccountState> state(int account) {
        return Optional.ofNullable(states.get(account));
    }

    static AccountState state(RegistrationStatus status) {
        if (status instanceof RegistrationStatus.Registered registered) {
            return new AccountState(AccountState.Registration.REGISTERED, "with " + registered.server(), Optional.of(registered.until()));
        }
        if (status instanceof RegistrationStatus.Registering registering) {
            return new AccountState(AccountState.Registration.REGISTERING, "with " + registering.server(), Optional.empty());
        }
        if (status instanceof RegistrationStatus.Failed failed) {
            return new AccountState(AccountState.Registration.FAILED, failed.reason(), failed.retryAt());
        }
        return new AccountState(AccountState.Registration.IDLE, ((RegistrationStatus.Idle) status).why(), Optional.empty());
    }
}
