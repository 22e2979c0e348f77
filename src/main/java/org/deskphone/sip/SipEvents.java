package org.deskphone.sip;

/**
 * What the user agent tells the rest of the phone, on the phone loop. Every method has an empty default, so
 * a listener implements what it cares about.
 */
public interface SipEvents {

    /** An account's registration changed (registering, registered until T, failed with the reason). */
    default void registrationChanged(Account account, RegistrationStatus status) {
    }

    /** A message-summary NOTIFY arrived for {@code account}. */
    default void messageWaiting(Account account, MessageSummary summary) {
    }

    /** A call arrived and rings; answer, reject or let it ring. */
    default void incomingCall(Call call) {
    }

    /** A call changed: state, hold, media, or it ended ({@link Call#ending()}). */
    default void callChanged(Call call) {
    }

    /** The other side pressed a key during {@code call}. */
    default void dtmfReceived(Call call, char digit) {
    }

    /**
     * {@code replacement} takes the place of {@code original}: the peer transferred this phone (REFER), or
     * an attended transfer replaced a call here (INVITE with Replaces).
     */
    default void callReplaced(Call original, Call replacement) {
    }

    /** A server asked the phone to check its provisioning. */
    default void checkSync(CheckSync request) {
    }
}
