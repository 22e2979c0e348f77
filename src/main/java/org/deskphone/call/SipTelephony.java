package org.deskphone.call;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.deskphone.sip.Account;
import org.deskphone.sip.Call;
import org.deskphone.sip.CheckSync;
import org.deskphone.sip.MessageSummary;
import org.deskphone.sip.Party;
import org.deskphone.sip.RegistrationStatus;
import org.deskphone.sip.SipEvents;
import org.deskphone.sip.UserAgent;

/**
 * {@link Telephony} on the phone's SIP user agent. The user agent may come and go (SIP restarts with new
 * settings, or could not start): {@link #attach} and {@link #detach} follow it. On the phone loop only.
 */
public final class SipTelephony implements Telephony {
    private final Map<Call, SipLeg> legs = new IdentityHashMap<>();
    private final SipEvents events = new Events();
    private UserAgent agent;
    private Listener listener = new Listener() {
        @Override
        public void incoming(Leg leg) {
        }

        @Override
        public void changed(Leg leg) {
        }

        @Override
        public void replaced(Leg original, Leg replacement) {
        }

        @Override
        public void linesChanged() {
        }
    };

    /** From now on calls and events are those of {@code ua}. */
    public void attach(UserAgent ua) {
        detach();
        agent = ua;
        ua.addListener(events);
        listener.linesChanged();
    }

    /** The user agent is gone (stopped for a restart). */
    public void detach() {
        if (agent != null) {
            agent.removeListener(events);
            agent = null;
            legs.clear();
            listener.linesChanged();
        }
    }

    @Override
    public List<LineStatus> lines() {
        if (agent == null) {
            return List.of();
        }
        List<LineStatus> lines = new ArrayList<>();
        for (Account account : agent.accounts()) {
            var settings = account.settings();
            String label = !settings.label().isBlank() ? settings.label() : !settings.displayName().isBlank() ? settings.displayName()
                    : settings.userName();
            lines.add(new LineStatus(account.index(), label, settings.userName(), account.registration(), account.messageWaiting(),
                    settings.voicemail().orElse("")));
        }
        return lines;
    }

    @Override
    public Leg dial(int account, String target, Map<String, String> headers) {
        if (agent == null) {
            throw new IllegalStateException("SIP is not running");
        }
        Account from = null;
        if (account > 0) {
            from = agent.account(account).orElseThrow(() -> new IllegalArgumentException("account " + account + " is not set up"));
        }
        Call call = headers.isEmpty() ? agent.dial(from, target) : agent.dial(from, target, headers);
        return leg(call);
    }

    @Override
    public boolean conference(Collection<Leg> members) {
        if (agent == null) {
            return false;
        }
        List<Call> calls = new ArrayList<>();
        for (Leg member : members) {
            calls.add(((SipLeg) member).call);
        }
        return agent.conference(calls);
    }

    @Override
    public void listen(Listener newListener) {
        this.listener = newListener;
    }

    private SipLeg leg(Call call) {
        return legs.computeIfAbsent(call, SipLeg::new);
    }

    private final class Events implements SipEvents {
        @Override
        public void registrationChanged(Account account, RegistrationStatus status) {
            listener.linesChanged();
        }

        @Override
        public void messageWaiting(Account account, MessageSummary summary) {
            listener.linesChanged();
        }

        @Override
        public void incomingCall(Call call) {
            listener.incoming(leg(call));
        }

        @Override
        public void callChanged(Call call) {
            SipLeg leg = leg(call);
            if (!call.active()) {
                legs.remove(call);
            }
            listener.changed(leg);
        }

        @Override
        public void callReplaced(Call original, Call replacement) {
            listener.replaced(leg(original), leg(replacement));
        }

        @Override
        public void checkSync(CheckSync request) {
            // Provisioning's business.
        }
    }

    /** A user agent's call as a {@link Leg}. */
    private static final class SipLeg implements Leg {
        private final Call call;

        SipLeg(Call call) {
            this.call = call;
        }

        @Override
        public int id() {
            return call.id();
        }

        @Override
        public int account() {
            return call.account().map(Account::index).orElse(0);
        }

        @Override
        public Call.Direction direction() {
            return call.direction();
        }

        @Override
        public Call.State state() {
            return call.state();
        }

        @Override
        public Party remote() {
            return call.remote();
        }

        @Override
        public Instant started() {
            return call.started();
        }

        @Override
        public Optional<Instant> answered() {
            return call.answered();
        }

        @Override
        public boolean onHold() {
            return call.onHold();
        }

        @Override
        public boolean heldByRemote() {
            return call.heldByRemote();
        }

        @Override
        public boolean muted() {
            return call.muted();
        }

        @Override
        public Optional<Call.Ending> ending() {
            return call.ending();
        }

        @Override
        public Optional<String> codec() {
            return call.audio().map(audio -> audio.codec().rtpmap());
        }

        @Override
        public boolean secure() {
            return call.audio().map(audio -> audio.srtp().isPresent()).orElse(false);
        }

        @Override
        public Optional<String> transferError() {
            return call.transferError();
        }

        @Override
        public List<String> inviteHeaders(String name) {
            return call.inviteHeaders(name);
        }

        @Override
        public void answer() {
            call.answer();
        }

        @Override
        public void reject(int code) {
            call.reject(code);
        }

        @Override
        public void forward(String target) {
            call.forward(target);
        }

        @Override
        public void hangUp() {
            call.hangUp();
        }

        @Override
        public void hold() {
            call.hold();
        }

        @Override
        public void resume() {
            call.resume();
        }

        @Override
        public void mute(boolean on) {
            call.mute(on);
        }

        @Override
        public void sendDtmf(String digits) {
            call.sendDtmf(digits);
        }

        @Override
        public void transfer(String target) {
            call.transfer(target);
        }

        @Override
        public void transfer(Leg consultation) {
            call.transfer(((SipLeg) consultation).call);
        }

        @Override
        public String toString() {
            return call.toString();
        }
    }
}
