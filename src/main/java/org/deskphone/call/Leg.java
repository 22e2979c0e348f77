package org.deskphone.call;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.deskphone.sip.Call;
import org.deskphone.sip.Party;

/**
 * One SIP call as the phone's features see it: its state as the user agent reports it, and what the user
 * can do to it. {@link SipTelephony} backs it with the user agent's {@link Call}; tests back it with a fake.
 * Read and act on the phone loop only; actions in the wrong state are ignored, never thrown.
 */
public interface Leg {

    /** Unique among this phone's calls since it started. */
    int id();

    /** The account it belongs to (1-based); 0 for a direct IP call without an account. */
    int account();

    Call.Direction direction();

    Call.State state();

    /** The other side: who we called, or the caller's identity. */
    Party remote();

    Instant started();

    Optional<Instant> answered();

    /** This phone holds the call. */
    boolean onHold();

    /** The other side holds it. */
    boolean heldByRemote();

    boolean muted();

    /** Why it ended, once it has. */
    Optional<Call.Ending> ending();

    /** The codec agreed, for the talking screen ({@code PCMU/8000}); empty before media is agreed. */
    Optional<String> codec();

    /** The audio is SRTP: the screen shows the lock. */
    boolean secure();

    /** Why the last transfer from this call failed. */
    Optional<String> transferError();

    /** Values of a header of the INVITE that brought an incoming call ({@code Alert-Info}, {@code Call-Info}...). */
    List<String> inviteHeaders(String name);

    void answer();

    /** Refuses a ringing call with {@code code} (404, 480, 486, 600 or 603). */
    void reject(int code);

    /** Sends a ringing call to {@code target} instead (302). */
    void forward(String target);

    /** Ends the call whatever its state. */
    void hangUp();

    void hold();

    void resume();

    void mute(boolean on);

    void sendDtmf(String digits);

    /** Blind transfer: the other side is asked to call {@code target}. */
    void transfer(String target);

    /** Attended transfer: the other side is asked to replace {@code consultation}. */
    void transfer(Leg consultation);

    /** Not ended yet. */
    default boolean active() {
        return state() != Call.State.ENDED;
    }
}
