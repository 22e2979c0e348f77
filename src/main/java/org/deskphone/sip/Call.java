package org.deskphone.sip;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;
import java.util.Map;
import java.util.Optional;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.ServerTransaction;
import javax.sip.message.Request;
import org.deskphone.sip.sdp.OfferAnswer;

/**
 * One call, as the phone's UI drives it. Read and act on it on the phone loop only; every change is
 * reported through {@link SipEvents#callChanged}. Actions on a call in the wrong state (answering a call
 * that is connected, holding one that rings) are ignored and logged, never thrown: a key press must not
 * take the phone down.
 */
public final class Call {

    public enum Direction {
        OUTGOING, INCOMING
    }

    /** Where the call stands. Hold is a separate flag: a held call is connected. */
    public enum State {
        /** INVITE sent, nothing back yet but 100 Trying. */
        DIALING,
        /** The other side rings (180) or plays early media (183). */
        RINGBACK,
        /** A call for us rings here. */
        INCOMING,
        CONNECTED,
        ENDED
    }

    /** Why a call ended: a SIP status (or 0), words for the screen, and whether this phone ended it. */
    public record Ending(int code, String reason, boolean byUs) {
    }

    final CallControl control;
    final int id;
    final Account account;
    final Direction direction;
    final String callId;
    final Instant started;
    State state;
    Party remote;
    Instant answered;
    Ending ending;
    boolean localHold;
    boolean remoteHold;
    // SIP side, owned by CallControl.
    Dialog dialog;
    Request invite;
    ClientTransaction inviteTransaction;
    ServerTransaction serverTransaction;
    String localTag;
    boolean provisionalSeen;
    boolean cancelWanted;
    boolean ackSent;
    boolean reinviteInFlight;
    boolean offerInOurAnswer;
    String remoteTarget;
    LocalEndpoint endpoint;
    // Media side.
    final OfferAnswer sdp = new OfferAnswer();
    org.deskphone.sip.sdp.LocalMedia local;
    MediaChannel media;
    AudioSession audio;
    boolean mediaStarted;
    // Transfers: this phone transferring the call (as transferor), and a call made for a peer's REFER.
    boolean transferring;
    Call consultation;
    Call referredFrom;
    Dialog referrer;
    String transferError;
    // What the phone asked for beyond SIP itself.
    Map<String, String> extraHeaders = Map.of();
    boolean muted;

    Call(CallControl control, int id, Account account, Direction direction, String callId, Party remote, Instant started) {
        this.control = control;
        this.id = id;
        this.account = account;
        this.direction = direction;
        this.callId = callId;
        this.remote = remote;
        this.started = started;
        this.state = direction == Direction.OUTGOING ? State.DIALING : State.INCOMING;
    }

    /** A number unique among this phone's calls since it started. */
    public int id() {
        return id;
    }

    /** The account it belongs to; empty for a direct IP call without an account. */
    public Optional<Account> account() {
        return Optional.ofNullable(account);
    }

    public Direction direction() {
        return direction;
    }

    public State state() {
        return state;
    }

    /** The other side: the callee we dialled, or the caller's identity (PAI, RPID or From, as configured). */
    public Party remote() {
        return remote;
    }

    public Instant started() {
        return started;
    }

    public Optional<Instant> answered() {
        return Optional.ofNullable(answered);
    }

    /** Set once the call has ended. */
    public Optional<Ending> ending() {
        return Optional.ofNullable(ending);
    }

    /** This phone put the call on hold. */
    public boolean onHold() {
        return localHold;
    }

    /** The other side put the call on hold (its stream to us is sendonly or inactive). */
    public boolean heldByRemote() {
        return remoteHold;
    }

    /** What offer/answer agreed, once it has. */
    public Optional<AudioSession> audio() {
        return Optional.ofNullable(audio);
    }

    public MediaStatistics statistics() {
        return media == null ? MediaStatistics.NONE : media.statistics();
    }

    /** Why the last transfer from this call failed, if it did. */
    public Optional<String> transferError() {
        return Optional.ofNullable(transferError);
    }

    public boolean active() {
        return state != State.ENDED;
    }

    /**
     * The values of header {@code name} on the INVITE that brought an incoming call ({@code Alert-Info},
     * {@code Answer-Mode}, {@code Call-Info}, {@code Diversion}...), in order; empty for an outgoing call.
     */
    public List<String> inviteHeaders(String name) {
        List<String> values = new ArrayList<>();
        if (direction != Direction.INCOMING || invite == null) {
            return values;
        }
        ListIterator<?> headers = invite.getHeaders(name);
        while (headers != null && headers.hasNext()) {
            String text = headers.next().toString().trim();
            int colon = text.indexOf(':');
            values.add(colon >= 0 ? text.substring(colon + 1).trim() : text);
        }
        return values;
    }

    /** This phone's microphone is off for the call: it sends silence. */
    public boolean muted() {
        return muted;
    }

    /** Answers a ringing incoming call. */
    public void answer() {
        control.answer(this);
    }

    /** Refuses a ringing call with the configured refuse code ({@code FeatureNormalRefuseCode}, default 486). */
    public void reject() {
        control.reject(this, control.settings().refuseCode());
    }

    /** Refuses with {@code code}: 404, 480, 486, 600 or 603 (ALE seed L10283-10332). */
    public void reject(int code) {
        control.reject(this, code);
    }

    /** Ends the call whatever its state: CANCEL while dialling, refusal while ringing here, BYE when connected. */
    public void hangUp() {
        control.hangUp(this);
    }

    public void hold() {
        control.hold(this, true);
    }

    public void resume() {
        control.hold(this, false);
    }

    /** Turns the microphone off (silence is sent) or on again, for this call. */
    public void mute(boolean on) {
        control.mute(this, on);
    }

    /** Sends a ringing incoming call to {@code target} instead (302 Moved Temporarily). */
    public void forward(String target) {
        control.forward(this, target);
    }

    /** Sends digits the way the account's DTMF mode says, one after another. */
    public void sendDtmf(String digits) {
        control.dtmf().send(this, digits);
    }

    /** Blind transfer: asks the other side to call {@code target} (REFER without Replaces). */
    public void transfer(String target) {
        control.transfers().blind(this, target);
    }

    /** Attended transfer: asks the other side to replace {@code consultation} (REFER with Replaces). */
    public void transfer(Call consultation) {
        control.transfers().attended(this, consultation);
    }

    @Override
    public String toString() {
        return "call " + id + " (" + direction.name().toLowerCase(java.util.Locale.ROOT) + ", " + remote.label() + ", "
                + state.name().toLowerCase(java.util.Locale.ROOT) + (localHold ? ", on hold" : "") + ")";
    }
}
