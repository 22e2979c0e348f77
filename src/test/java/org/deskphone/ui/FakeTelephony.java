package org.deskphone.ui;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.deskphone.call.Leg;
import org.deskphone.call.LineStatus;
import org.deskphone.call.Telephony;
import org.deskphone.loop.Clock;
import org.deskphone.sip.Call;
import org.deskphone.sip.MessageSummary;
import org.deskphone.sip.Party;
import org.deskphone.sip.RegistrationStatus;

/**
 * SIP as the phone's scenario tests play it: the test is the far end and the network. Every call the phone
 * places or answers is a {@link FakeLeg} the test can ring, answer, hold and end; what the phone asked of a
 * call (answer, transfer, reject with a code...) is recorded on it for the test to read.
 */
final class FakeTelephony implements Telephony {
    final List<FakeLeg> legs = new ArrayList<>();
    final List<List<Leg>> conferences = new ArrayList<>();
    final List<LineStatus> lines = new ArrayList<>();
    private final Clock clock;
    private Listener listener;
    private int nextId = 1;
    boolean canMix = true;

    FakeTelephony(Clock clock) {
        this.clock = clock;
        lines.add(new LineStatus(1, "1001", "1001", new RegistrationStatus.Registered("127.0.0.1", Instant.MAX), MessageSummary.NONE, ""));
    }

    @Override
    public List<LineStatus> lines() {
        return List.copyOf(lines);
    }

    @Override
    public Leg dial(int account, String target, Map<String, String> headers) {
        FakeLeg leg = new FakeLeg(nextId++, account, Call.Direction.OUTGOING, Party.of("", "sip:" + target + "@127.0.0.1"));
        leg.headers = Map.copyOf(headers);
        legs.add(leg);
        return leg;
    }

    @Override
    public boolean conference(Collection<Leg> members) {
        conferences.add(List.copyOf(members));
        return canMix;
    }

    @Override
    public void listen(Listener l) {
        this.listener = l;
    }

    /** A call arrives from {@code user} ({@code headers}: INVITE headers such as Alert-Info). */
    FakeLeg arrive(String displayName, String user, Map<String, List<String>> headers) {
        FakeLeg leg = new FakeLeg(nextId++, 1, Call.Direction.INCOMING, Party.of(displayName, "sip:" + user + "@127.0.0.1"));
        leg.state = Call.State.INCOMING;
        leg.inviteHeaders = headers;
        legs.add(leg);
        listener.incoming(leg);
        if (leg.state == Call.State.INCOMING) {
            listener.changed(leg);
        }
        return leg;
    }

    FakeLeg last() {
        return legs.get(legs.size() - 1);
    }

    void linesChanged() {
        listener.linesChanged();
    }

    /** One call; the test moves its SIP state, the phone's actions are recorded. */
    final class FakeLeg implements Leg {
        final int id;
        final int account;
        final Call.Direction direction;
        final Party remote;
        Call.State state = Call.State.DIALING;
        Instant started = clock.now();
        Instant answeredAt;
        boolean onHold;
        boolean heldByRemote;
        boolean muted;
        Call.Ending ending;
        Map<String, String> headers = Map.of();
        Map<String, List<String>> inviteHeaders = Map.of();
        final List<String> sentDtmf = new ArrayList<>();
        Integer rejectedWith;
        String forwardedTo;
        String transferredTo;
        Leg transferredOnto;
        boolean answeredByPhone;

        FakeLeg(int id, int account, Call.Direction direction, Party remote) {
            this.id = id;
            this.account = account;
            this.direction = direction;
            this.remote = remote;
        }

        // ---- the far end and the network

        void rings() {
            state = Call.State.RINGBACK;
            listener.changed(this);
        }

        void answers() {
            state = Call.State.CONNECTED;
            answeredAt = clock.now();
            listener.changed(this);
        }

        void endsWith(int code, String reason) {
            state = Call.State.ENDED;
            ending = new Call.Ending(code, reason, false);
            listener.changed(this);
        }

        void holdsUs(boolean held) {
            heldByRemote = held;
            listener.changed(this);
        }

        // ---- Leg

        @Override
        public int id() {
            return id;
        }

        @Override
        public int account() {
            return account;
        }

        @Override
        public Call.Direction direction() {
            return direction;
        }

        @Override
        public Call.State state() {
            return state;
        }

        @Override
        public Party remote() {
            return remote;
        }

        @Override
        public Instant started() {
            return started;
        }

        @Override
        public Optional<Instant> answered() {
            return Optional.ofNullable(answeredAt);
        }

        @Override
        public boolean onHold() {
            return onHold;
        }

        @Override
        public boolean heldByRemote() {
            return heldByRemote;
        }

        @Override
        public boolean muted() {
            return muted;
        }

        @Override
        public Optional<Call.Ending> ending() {
            return Optional.ofNullable(ending);
        }

        @Override
        public Optional<String> codec() {
            return state == Call.State.CONNECTED ? Optional.of("PCMU/8000") : Optional.empty();
        }

        @Override
        public boolean secure() {
            return false;
        }

        @Override
        public Optional<String> transferError() {
            return Optional.empty();
        }

        @Override
        public List<String> inviteHeaders(String name) {
            return inviteHeaders.getOrDefault(name, List.of());
        }

        @Override
        public void answer() {
            if (state == Call.State.INCOMING) {
                answeredByPhone = true;
                state = Call.State.CONNECTED;
                answeredAt = clock.now();
                listener.changed(this);
            }
        }

        @Override
        public void reject(int code) {
            if (state == Call.State.INCOMING) {
                rejectedWith = code;
                state = Call.State.ENDED;
                ending = new Call.Ending(code, "refused", true);
                listener.changed(this);
            }
        }

        @Override
        public void forward(String target) {
            if (state == Call.State.INCOMING) {
                forwardedTo = target;
                state = Call.State.ENDED;
                ending = new Call.Ending(302, "forwarded to " + target, true);
                listener.changed(this);
            }
        }

        @Override
        public void hangUp() {
            if (state != Call.State.ENDED) {
                state = Call.State.ENDED;
                ending = new Call.Ending(0, "hung up", true);
                listener.changed(this);
            }
        }

        @Override
        public void hold() {
            if (state == Call.State.CONNECTED && !onHold) {
                onHold = true;
                listener.changed(this);
            }
        }

        @Override
        public void resume() {
            if (state == Call.State.CONNECTED && onHold) {
                onHold = false;
                listener.changed(this);
            }
        }

        @Override
        public void mute(boolean on) {
            muted = on;
            listener.changed(this);
        }

        @Override
        public void sendDtmf(String digits) {
            sentDtmf.add(digits);
        }

        @Override
        public void transfer(String target) {
            transferredTo = target;
        }

        @Override
        public void transfer(Leg consultation) {
            transferredOnto = consultation;
        }

        @Override
        public String toString() {
            return "leg " + id + " " + state + " " + remote.user();
        }
    }
}
