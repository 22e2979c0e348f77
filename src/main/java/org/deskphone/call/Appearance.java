package org.deskphone.call;

import java.time.Instant;
import org.deskphone.dialplan.Decision;
import org.deskphone.dialplan.Dialer;
import org.deskphone.dialplan.RingbackTimeout;
import org.deskphone.loop.Timer;
import org.deskphone.sip.Call;

/**
 * One call appearance: a number being dialled, then the call it became; or a call that came in. The
 * {@link Telephone} owns every appearance and changes it on the loop.
 */
final class Appearance {

    /** What the dialling is for. */
    enum Purpose {
        CALL,
        /** A consultation call (or a blind transfer's number) for transferring {@link #target}. */
        TRANSFER,
        /** A call to add to the conference of {@link #target}. */
        CONFERENCE
    }

    final int id;
    final Instant started;
    int account;
    Purpose purpose = Purpose.CALL;
    /** The call a transfer or conference dialling is for. */
    Appearance target;
    /** The SIP call; null while a number is typed. */
    Leg leg;
    Dialer dialer;
    Decision decision;
    /** The number that was dialled (for history and redial), or the caller's. */
    String number = "";
    /** DTMF to send once the call is answered (a speed dial's {@code number,DTMF}). */
    String dtmfOnAnswer = "";
    boolean intercom;
    /** In the local conference. */
    boolean conference;
    /** The ring tone chosen for this incoming call. */
    String melody = "";
    boolean silenced;
    /** Waiting for the phone to answer it by itself. */
    Timer autoAnswer;
    Timer noAnswerForward;
    RingbackTimeout ringback;
    /** Why it failed; set while the screen shows the failure. */
    String failure = "";
    boolean busy;
    /** Refused by the phone itself (DND, call waiting off): a missed call all the same. */
    boolean refusedByPhone;
    boolean forwarded;
    boolean answeredOnce;

    Appearance(int id, int account, Instant started) {
        this.id = id;
        this.account = account;
        this.started = started;
    }

    boolean dialling() {
        return leg == null && failure.isEmpty();
    }

    boolean failed() {
        return !failure.isEmpty();
    }

    boolean ringing() {
        return leg != null && leg.state() == Call.State.INCOMING;
    }

    boolean outgoingInProgress() {
        return leg != null && (leg.state() == Call.State.DIALING || leg.state() == Call.State.RINGBACK);
    }

    boolean connected() {
        return leg != null && leg.state() == Call.State.CONNECTED;
    }

    /** Connected and not held by this phone: the call the user talks in. */
    boolean talking() {
        return connected() && !leg.onHold();
    }

    boolean held() {
        return connected() && leg.onHold();
    }

    /** Not ended: dialling, ringing either way, connected, or showing its failure. */
    boolean live() {
        return leg == null || leg.active() || failed();
    }

    void cancelTimers() {
        if (dialer != null) {
            dialer.cancel();
        }
        if (autoAnswer != null) {
            autoAnswer.cancel();
            autoAnswer = null;
        }
        if (noAnswerForward != null) {
            noAnswerForward.cancel();
            noAnswerForward = null;
        }
        if (ringback != null) {
            ringback.stop();
            ringback = null;
        }
    }

    @Override
    public String toString() {
        return "appearance " + id + (leg != null ? " (" + leg + ")" : " (dialling '" + (dialer == null ? "" : dialer.input()) + "')");
    }
}
