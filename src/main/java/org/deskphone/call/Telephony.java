package org.deskphone.call;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * What the phone's features need from SIP: the accounts, placing calls, mixing a local conference, and
 * the events of calls and registrations. {@link SipTelephony} is the user agent's side of it; tests use a
 * fake. On the phone loop only.
 */
public interface Telephony {

    /** The accounts, by number; empty while SIP is not running. */
    List<LineStatus> lines();

    /**
     * Calls {@code target} (a number, {@code user@host} or a SIP URI) on {@code account} (0: no account, a
     * direct IP call), with extra headers on the INVITE (intercom and paging ask to be answered at once).
     *
     * @throws IllegalArgumentException when the target cannot be called, with the reason
     * @throws IllegalStateException    when no more calls can be made, or SIP is not running
     */
    Leg dial(int account, String target, Map<String, String> headers);

    /** Mixes these calls' audio with the phone's and each other's; false when the media cannot mix. */
    boolean conference(Collection<Leg> members);

    /** Where events go; one listener, the phone's. */
    void listen(Listener listener);

    /** Events from SIP, on the phone loop. */
    interface Listener {

        /** A call arrived; it has not rung yet, so refusing or forwarding it now is silent for the caller. */
        void incoming(Leg leg);

        /** A call's state, hold, media or mute changed, or it ended. */
        void changed(Leg leg);

        /** {@code replacement} takes over from {@code original} (the other side transferred us). */
        void replaced(Leg original, Leg replacement);

        /** An account's registration or message-waiting state changed, or the accounts changed. */
        void linesChanged();
    }
}
