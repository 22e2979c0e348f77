package org.deskphone.call;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.deskphone.config.ConfigStore;
import org.deskphone.config.format.Contact;
import org.deskphone.dialplan.Decision;
import org.deskphone.dialplan.DialPlan;
import org.deskphone.dialplan.Dialer;
import org.deskphone.dialplan.RingbackTimeout;
import org.deskphone.dialplan.Source;
import org.deskphone.dialplan.Tone;
import org.deskphone.loop.PhoneLoop;
import org.deskphone.loop.Timer;
import org.deskphone.media.tones.ToneKind;
import org.deskphone.sip.Call;
import org.deskphone.sip.Party;
import org.tinylog.Logger;

/**
 * The telephone: the call appearances of the phone and everything the handset, the keys and SIP do to them.
 * Lifting the handset gives a dial tone and a dialler under the dial plan; a complete number becomes a call;
 * a call that arrives is admitted ({@link Admission}), rings with its ring tone, and is answered by lifting
 * the handset or a key; calls are held, resumed, swapped, muted, transferred (blind, attended and
 * semi-attended) and joined in a local or network conference; failures stay on the screen with their tone
 * until the user hangs up. After every change it publishes an immutable {@link PhoneStatus} and plays what
 * should play. Every method runs on the phone loop; user actions that make no sense in the present state are
 * ignored, never thrown.
 */
public final class Telephone {
    private final PhoneLoop loop;
    private final Telephony sip;
    private final Sounds sounds;
    private final Supplier<DialPlan> plans;
    private final CallHistory history;
    private final CallFeatures features;
    private final PhoneLock lock;
    private final List<Appearance> appearances = new ArrayList<>();
    private final Set<Leg> codeCalls = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Map<Appearance, String> transferErrors = new IdentityHashMap<>();
    private final List<Runnable> listeners = new ArrayList<>();
    private Supplier<Directory> directory = () -> Directory.EMPTY;
    private Consumer<Notice> notices = notice -> { };
    private Appearance focus;
    private AudioPath path = AudioPath.NONE;
    private boolean handsetUp;
    private boolean muted;
    private int nextId = 1;
    private Sound playing = Sound.SILENCE;
    private volatile PhoneStatus status = PhoneStatus.IDLE;
    // Auto redial (ALE L8451-8510): the number, the attempts made, the timer of the next.
    private String redialNumber;
    private int redialAccount;
    private int redialAttempts;
    private Timer redialTimer;

    /**
     * {@code plans}: the dial plan in force, asked at each new dialling.
     */
    public Telephone(PhoneLoop loop, Telephony sip, Sounds sounds, ConfigStore store, Supplier<DialPlan> plans, CallHistory history) {
        this.loop = Objects.requireNonNull(loop, "loop");
        this.sip = Objects.requireNonNull(sip, "sip");
        this.sounds = Objects.requireNonNull(sounds, "sounds");
        this.plans = Objects.requireNonNull(plans, "plans");
        this.history = Objects.requireNonNull(history, "history");
        this.features = new CallFeatures(store, this::sendCode);
        this.lock = new PhoneLock(loop, features::settings, this::publish);
        sip.listen(new SipListener());
    }

    // ------------------------------------------------------------------ wiring and reading

    /** Runs {@code listener} on the loop after every change (redraw the screen and the LEDs). */
    public void onChange(Runnable listener) {
        listeners.add(listener);
    }

    /** Where the messages of the moment go ("not supported", "transfer failed"...). */
    public void onNotice(Consumer<Notice> listener) {
        this.notices = Objects.requireNonNull(listener, "listener");
    }

    /** The directory to name callers, pick their ring tones and refuse the blacklisted. */
    public void directory(Supplier<Directory> source) {
        this.directory = Objects.requireNonNull(source, "source");
    }

    /** The phone now: immutable, any thread. */
    public PhoneStatus status() {
        return status;
    }

    public CallHistory history() {
        return history;
    }

    public PhoneLock lock() {
        return lock;
    }

    /** The settings as the features read them now. */
    public PhoneSettings settings() {
        return features.settings();
    }

    public Directory currentDirectory() {
        return directory.get();
    }

    /** The account a new call goes out on: {@code sip.default_account} when it is set up, else the first line. */
    public int defaultAccount() {
        List<LineStatus> lines = sip.lines();
        int configured = settings().integer("sip.default_account", 1);
        if (lines.stream().anyMatch(line -> line.account() == configured)) {
            return configured;
        }
        return lines.stream().filter(LineStatus::registered).findFirst().or(() -> lines.stream().findFirst())
                .map(LineStatus::account).orElse(0);
    }

    // ------------------------------------------------------------------ handset, speaker, headset

    /** The handset was lifted ({@code true}) or put back. */
    public void handset(boolean up) {
        handsetUp = up;
        lock.activity();
        if (up) {
            Appearance ringing = firstRinging();
            if (ringing != null && talkingCalls().isEmpty()) {
                path = AudioPath.HANDSET;
                answer(ringing);
            } else if (path == AudioPath.SPEAKER || path == AudioPath.HEADSET) {
                path = AudioPath.HANDSET; // the call moves to the handset
            } else if (focus != null && focus.dialling() && focus.dialer != null && path == AudioPath.NONE) {
                path = AudioPath.HANDSET;
                focus.dialer.offHook(); // pre-dialled digits are dialled (seed 004 L6462-6467 for the dial tone)
            } else if (path == AudioPath.NONE) {
                path = AudioPath.HANDSET;
                if (liveCalls().stream().noneMatch(a -> a.talking() || a.outgoingInProgress() || a.dialling())) {
                    startDialling(defaultAccount(), Appearance.Purpose.CALL, null, Dialer.Start.OFF_HOOK);
                }
            }
        } else if (path == AudioPath.HANDSET) {
            hangUpCurrent();
        }
        publish();
    }

    /** The speaker (handsfree) key. */
    public void speaker() {
        pathKey(AudioPath.SPEAKER);
    }

    /** The headset key. */
    public void headset() {
        pathKey(AudioPath.HEADSET);
    }

    private void pathKey(AudioPath wanted) {
        lock.activity();
        if (path == wanted) {
            if (handsetUp) {
                path = AudioPath.HANDSET;
            } else {
                hangUpCurrent();
            }
        } else if (path != AudioPath.NONE) {
            path = wanted; // the talk moves from the handset (or the other device) to this one
        } else {
            path = wanted;
            Appearance ringing = firstRinging();
            if (ringing != null && talkingCalls().isEmpty()) {
                answer(ringing);
            } else if (focus != null && focus.dialling() && focus.dialer != null) {
                focus.dialer.offHook();
            } else if (liveCalls().stream().noneMatch(a -> a.talking() || a.outgoingInProgress())) {
                startDialling(defaultAccount(), Appearance.Purpose.CALL, null, Dialer.Start.OFF_HOOK);
            }
        }
        publish();
    }

    /**
     * Ends what uses the audio path when the user hangs up: a dialling, a call being placed, the call talked
     * in (a conference by its rules), or a failure shown. A transfer in progress is completed instead when the
     * manuals say so (ALE L8224, L8236). Held and ringing calls stay.
     */
    private void hangUpCurrent() {
        PhoneSettings s = settings();
        Appearance f = focus;
        if (f != null && f.purpose == Appearance.Purpose.TRANSFER && f.target != null && f.target.live()) {
            if (f.dialling() && f.dialer != null && !f.dialer.input().isEmpty() && s.bool("transfer.blind_tran_on_hook_enable")) {
                blindTransfer(f);
            } else if (f.connected() && s.bool("transfer.on_hook_trans_enable")) {
                attendedTransfer(f);
            } else if (f.outgoingInProgress() && s.bool("transfer.on_hook_trans_enable") && s.bool("transfer.semi_attend_tran_enable")) {
                semiAttendedTransfer(f);
            }
        }
        for (Appearance a : List.copyOf(appearances)) {
            if (a.conference && a.talking()) {
                endConference();
            } else if (a.dialling()) {
                cancelDialling(a, false);
            } else if (a.failed() || a.outgoingInProgress() || a.talking()) {
                end(a);
            }
        }
        stopAutoRedial();
        path = AudioPath.NONE;
        refocus();
    }

    // ------------------------------------------------------------------ dialling

    /** A dial-pad key: dials into the dialling, sends DTMF in a call, or starts dialling on hook (pre-dial). */
    public void key(char symbol) {
        lock.activity();
        Appearance f = focus;
        if (f != null && f.dialling() && f.dialer != null) {
            f.dialer.key(symbol);
        } else if (f != null && f.talking()) {
            f.leg.sendDtmf(String.valueOf(symbol));
        } else if (f == null || f.held() || f.failed() && path == AudioPath.NONE) {
            if (f != null && f.failed()) {
                remove(f);
            }
            Appearance a = startDialling(defaultAccount(), Appearance.Purpose.CALL, null,
                    path == AudioPath.NONE ? Dialer.Start.PRE_DIAL : Dialer.Start.OFF_HOOK);
            a.dialer.key(symbol);
        }
        publish();
    }

    /** The delete (backspace) key while dialling. */
    public void backspace() {
        if (focus != null && focus.dialling() && focus.dialer != null) {
            focus.dialer.delete();
            publish();
        }
    }

    /** Send (OK, the Call soft key): dials what was typed. Pre-dialled numbers go out on the speaker. */
    public void send() {
        lock.activity();
        Appearance f = focus;
        if (f != null && f.dialling() && f.dialer != null) {
            if (path == AudioPath.NONE && !f.dialer.input().isEmpty()) {
                path = AudioPath.SPEAKER;
                f.dialer.offHook();
            } else {
                f.dialer.send();
            }
            publish();
        }
    }

    /** A new dialling on {@code account} beside what there is (a line key, the New Call soft key). */
    public void newCall(int account) {
        lock.activity();
        if (focus != null && focus.dialling() && focus.dialer != null) {
            if (focus.account != account) {
                redirectDialling(focus, account);
            }
        } else {
            if (path == AudioPath.NONE) {
                path = AudioPath.SPEAKER;
            }
            startDialling(account, Appearance.Purpose.CALL, null, Dialer.Start.OFF_HOOK);
        }
        publish();
    }

    /** A prefix key: a new dialling that starts with {@code prefix}. */
    public void prefix(int account, String prefix) {
        newCall(account);
        if (focus != null && focus.dialling() && focus.dialer != null) {
            for (char c : prefix.toCharArray()) {
                focus.dialer.key(c);
            }
        }
        publish();
    }

    /**
     * Calls a complete number picked from somewhere ({@code source}: history, directory, a speed-dial key),
     * through the dial plan's rules for that source; {@code dtmf} is sent once the call is answered (a speed
     * dial's {@code number,DTMF}, ALE L11849-11866), {@code headers} ask the callee to answer at once
     * (intercom and paging). A dialling on screen becomes that call.
     */
    public void call(String number, int account, Source source, String dtmf, Map<String, String> headers) {
        lock.activity();
        int on = account > 0 ? account : defaultAccount();
        Appearance a;
        if (focus != null && focus.dialling()) {
            a = focus;
            if (a.dialer != null) {
                a.dialer.cancel();
                a.dialer = null;
            }
            a.account = on;
        } else {
            holdTalking();
            a = newAppearance(on);
        }
        if (path == AudioPath.NONE) {
            path = AudioPath.SPEAKER;
        }
        a.dtmfOnAnswer = dtmf == null ? "" : dtmf;
        a.intercom = !headers.isEmpty();
        Decision decision = lock.emergencyOnly() && !emergency(plans.get(), number)
                ? new Decision.Block(number, on, Decision.Blocker.LOCKED, "phone locked: emergency numbers only")
                : plans.get().resolve(number, on, source);
        conclude(a, decision, headers);
        focus = a;
        publish();
    }

    /** Cancel: stops a dialling (resuming a call it was for), clears a failure, refuses a ringing call. */
    public void cancel() {
        Appearance f = focus;
        if (f == null) {
            return;
        }
        if (f.dialling()) {
            cancelDialling(f, true);
        } else if (f.failed()) {
            remove(f);
            stopAutoRedial();
        } else if (f.ringing()) {
            reject(f);
        } else if (f.outgoingInProgress()) {
            end(f);
        }
        refocus();
        publish();
    }

    private Appearance startDialling(int account, Appearance.Purpose purpose, Appearance target, Dialer.Start how) {
        if (purpose == Appearance.Purpose.CALL) {
            holdTalking();
        }
        Appearance a = newAppearance(account);
        a.purpose = purpose;
        a.target = target;
        a.dialer = new Dialer(loop, plans.get(), account, lock.emergencyOnly(), decision -> onDecision(a, decision));
        a.decision = a.dialer.start(how);
        focus = a;
        return a;
    }

    /** The line changes while dialling: the same keys again, on the new account's plan. */
    private void redirectDialling(Appearance a, int account) {
        String typed = a.dialer.input();
        a.dialer.cancel();
        a.account = account;
        a.dialer = new Dialer(loop, plans.get(), account, lock.emergencyOnly(), decision -> onDecision(a, decision));
        a.decision = a.dialer.start(path == AudioPath.NONE ? Dialer.Start.PRE_DIAL : Dialer.Start.OFF_HOOK);
        for (char c : typed.toCharArray()) {
            a.dialer.key(c);
        }
    }

    private void cancelDialling(Appearance a, boolean resumeTarget) {
        a.cancelTimers();
        appearances.remove(a);
        if (resumeTarget && a.target != null && a.target.held()) {
            resume(a.target);
        }
        if (focus == a) {
            focus = null;
        }
    }

    private void onDecision(Appearance a, Decision decision) {
        a.decision = decision;
        if (decision.isFinal() && appearances.contains(a)) {
            a.dialer = null;
            conclude(a, decision, Map.of());
            publish();
        } else if (appearances.contains(a)) {
            publish();
        }
    }

    /** What a final decision makes of a dialling: a call, a blind transfer, or a refusal shown. */
    private void conclude(Appearance a, Decision decision, Map<String, String> headers) {
        if (decision instanceof Decision.Dial dial) {
            place(a, dial.number(), dial.account() > 0 ? dial.account() : a.account, headers);
        } else if (decision instanceof Decision.Block block) {
            fail(a, block.by() == Decision.Blocker.LOCKED ? "locked" : "blocked", false);
        } else if (decision instanceof Decision.NoMatch) {
            fail(a, "no_match", false);
        }
    }

    /** One of the emergency numbers a locked phone still dials (ALE {@code SettingEmergencyNumber}, L3078). */
    private static boolean emergency(DialPlan plan, String number) {
        for (String item : plan.settings().emergencyNumbers().split(",")) {
            if (item.strip().equals(number.strip())) {
                return true;
            }
        }
        return false;
    }

    private void place(Appearance a, String number, int account, Map<String, String> headers) {
        a.number = number;
        a.account = account;
        try {
            a.leg = sip.dial(account, number, headers);
            Logger.info("{}: calling {} on account {}", a, number, account);
        } catch (IllegalArgumentException | IllegalStateException e) {
            Logger.info("cannot call {}: {}", number, e.getMessage());
            fail(a, e.getMessage(), false);
        }
    }

    private void fail(Appearance a, String why, boolean busy) {
        a.cancelTimers();
        a.failure = why == null || why.isBlank() ? "failed" : why;
        a.busy = busy;
        a.dialer = null;
        if (path == AudioPath.NONE && a.leg == null) {
            path = AudioPath.SPEAKER;
        }
    }

    // ------------------------------------------------------------------ answering and ending

    /** Answers the ringing call on screen, or the first one ringing. */
    public void answer() {
        Appearance a = focus != null && focus.ringing() ? focus : firstRinging();
        if (a != null) {
            if (path == AudioPath.NONE) {
                path = handsetUp ? AudioPath.HANDSET : AudioPath.SPEAKER;
            }
            answer(a);
            publish();
        }
    }

    private void answer(Appearance a) {
        lock.activity();
        a.cancelTimers();
        holdTalking();
        if (path == AudioPath.NONE) {
            path = AudioPath.SPEAKER;
        }
        a.leg.answer();
        focus = a;
    }

    /** Refuses the ringing call on screen with the normal refuse code (ALE L10287, Yealink L9118). */
    public void reject() {
        Appearance a = focus != null && focus.ringing() ? focus : firstRinging();
        if (a != null) {
            reject(a);
            refocus();
            publish();
        }
    }

    private void reject(Appearance a) {
        a.cancelTimers();
        a.leg.reject(settings().integer("features.normal_refuse_code", 486));
    }

    /** Stops the ring of the ringing call on screen; it still rings at the caller (the Silent soft key). */
    public void silence() {
        Appearance a = focus != null && focus.ringing() ? focus : firstRinging();
        if (a != null) {
            a.silenced = true;
            publish();
        }
    }

    /** Forwards the ringing call on screen to {@code target} (the Forward soft key). */
    public void forwardRinging(String target) {
        Appearance a = focus != null && focus.ringing() ? focus : firstRinging();
        if (a != null && !target.isBlank()) {
            a.cancelTimers();
            a.forwarded = true;
            a.leg.forward(target.strip());
            publish();
        }
    }

    /** Ends the call on screen (the End soft key): a conference ends by its rules. */
    public void end() {
        Appearance f = focus;
        if (f == null) {
            return;
        }
        if (f.conference) {
            endConference();
        } else if (f.dialling()) {
            cancelDialling(f, true);
        } else {
            end(f);
        }
        if (liveCalls().isEmpty() && !handsetUp) {
            path = AudioPath.NONE;
        }
        refocus();
        publish();
    }

    /** Ends the call being talked in, not the one ringing on screen (End on the NewCallin screen). */
    public void endTalking() {
        for (Appearance a : talkingCalls()) {
            if (a.conference) {
                endConference();
            } else {
                end(a);
            }
        }
        refocus();
        publish();
    }

    private void end(Appearance a) {
        a.cancelTimers();
        if (a.failed() || a.leg == null) {
            remove(a);
        } else if (a.ringing()) {
            reject(a);
        } else {
            a.leg.hangUp();
        }
    }

    // ------------------------------------------------------------------ hold, swap, mute

    /** Hold or resume the call on screen (the Hold key; Resume on a held call). */
    public void hold() {
        Appearance f = focus;
        if (f == null || !f.connected()) {
            return;
        }
        if (f.conference) {
            boolean held = conferenceMembers().stream().allMatch(Appearance::held);
            conferenceMembers().forEach(m -> {
                if (held) {
                    m.leg.resume();
                } else {
                    m.leg.hold();
                }
            });
        } else if (f.held()) {
            resume(f);
        } else {
            f.leg.hold();
        }
        publish();
    }

    /** Resumes {@code a}, holding the call talked in first. */
    private void resume(Appearance a) {
        holdTalking();
        if (path == AudioPath.NONE) {
            path = handsetUp ? AudioPath.HANDSET : AudioPath.SPEAKER;
        }
        a.leg.resume();
        focus = a;
    }

    /** Swap: the held call comes back, the one talked in is held. */
    public void swap() {
        Appearance held = liveCalls().stream().filter(a -> a.held() && !a.conference).filter(a -> a != focus).findFirst()
                .orElse(liveCalls().stream().filter(Appearance::held).findFirst().orElse(null));
        if (held != null) {
            resume(held);
            publish();
        }
    }

    /** Moves the screen to the next ({@code +1}) or previous ({@code -1}) call appearance. */
    public void select(int step) {
        List<Appearance> live = liveCalls();
        if (live.size() < 2) {
            return;
        }
        int at = live.indexOf(focus);
        focus = live.get(Math.floorMod(at + step, live.size()));
        publish();
    }

    /**
     * Mute: the microphone off for the calls talked in, or on again. With {@code features.keep_mute} (ALE
     * L8192) it stays off for the next calls too; {@code features.allow_mute} off (Yealink L10217) refuses it.
     */
    public void mute() {
        PhoneSettings s = settings();
        if (!s.bool("features.allow_mute")) {
            notices.accept(Notice.of("mute_not_allowed"));
            return;
        }
        boolean mayMuteIdle = s.bool("features.keep_mute");
        if (talkingCalls().isEmpty() && !mayMuteIdle) {
            return;
        }
        setMuted(!muted);
        publish();
    }

    private void setMuted(boolean on) {
        muted = on;
        for (Appearance a : liveCalls()) {
            if (a.connected() && a.leg.muted() != on) {
                a.leg.mute(on);
            }
        }
    }

    /** DTMF into the call talked in. */
    public void sendDtmf(String digits) {
        Appearance f = focus;
        if (f != null && f.talking() && !digits.isBlank()) {
            f.leg.sendDtmf(digits);
        } else {
            notices.accept(Notice.of("no_call"));
        }
    }

    // ------------------------------------------------------------------ transfer

    /**
     * The Transfer key: in a call, holds it and opens a dialling for the transfer target; while dialling that,
     * transfers blind to what was typed; in the consultation call, transfers attended (semi-attended while it
     * still rings). ALE §7.13, seed L8208-8219.
     */
    public void transfer() {
        lock.activity();
        Appearance f = focus;
        if (f == null) {
            return;
        }
        if (f.purpose == Appearance.Purpose.TRANSFER && f.dialling()) {
            blindTransfer(f);
        } else if (f.purpose == Appearance.Purpose.TRANSFER && f.connected()) {
            attendedTransfer(f);
        } else if (f.purpose == Appearance.Purpose.TRANSFER && f.outgoingInProgress()) {
            semiAttendedTransfer(f);
        } else if (f.connected() && !f.conference) {
            if (!f.held()) {
                f.leg.hold();
            }
            startDialling(f.account, Appearance.Purpose.TRANSFER, f, Dialer.Start.OFF_HOOK);
        }
        publish();
    }

    /** The Blind Transfer soft key while dialling the transfer target. */
    public void blindTransfer() {
        if (focus != null && focus.purpose == Appearance.Purpose.TRANSFER && focus.dialling()) {
            blindTransfer(focus);
            publish();
        }
    }

    /**
     * Transfers {@code call} to {@code target} as a key asks during a call: blind, attended or as a new call,
     * as {@code transfer.dsskey_deal_type} says (ALE {@code FeatureTransProgKeyDealType}, L8264; Yealink L4515).
     */
    public void transferByKey(String target, int account) {
        Appearance talking = talkingCalls().stream().filter(a -> !a.conference).findFirst().orElse(null);
        int mode = settings().integer("transfer.dsskey_deal_type", 2);
        if (talking == null || mode == 0) {
            call(target, account, Source.MANUAL, "", Map.of());
            return;
        }
        if (mode == 2) {
            talking.leg.transfer(target);
        } else {
            talking.leg.hold();
            Appearance consult = newAppearance(account > 0 ? account : talking.account);
            consult.purpose = Appearance.Purpose.TRANSFER;
            consult.target = talking;
            focus = consult;
            conclude(consult, plans.get().resolve(target, consult.account, Source.MANUAL), Map.of());
        }
        publish();
    }

    /** Sends the call talked in to {@code target} blind (a park code). */
    public void transferByKeyBlind(String target) {
        talkingCalls().stream().filter(a -> !a.conference).findFirst().ifPresent(a -> {
            Logger.info("{}: blind transfer to {}", a, target);
            a.leg.transfer(target);
        });
        publish();
    }

    private void blindTransfer(Appearance dialling) {
        String typed = dialling.dialer == null ? "" : dialling.dialer.input();
        Appearance target = dialling.target;
        if (typed.isEmpty() || target == null || !target.connected()) {
            return;
        }
        Decision decision = plans.get().resolve(typed, dialling.account, Source.MANUAL);
        cancelDialling(dialling, false);
        if (decision instanceof Decision.Dial dial) {
            Logger.info("{}: blind transfer to {}", target, dial.number());
            target.leg.transfer(dial.number());
            focus = target;
        } else {
            notices.accept(new Notice("blocked", typed));
            resume(target);
        }
    }

    private void attendedTransfer(Appearance consultation) {
        Appearance target = consultation.target;
        if (target == null || !target.connected() || !consultation.connected()) {
            return;
        }
        Logger.info("{}: attended transfer to {}", target, consultation);
        target.leg.transfer(consultation.leg);
    }

    /**
     * A transfer while the consultation still rings (ALE L8215-8219): REFER with Replaces to an early dialog
     * is not taken by every server, so the consultation is cancelled and the transferee is sent blind to
     * the same number (ALE digest A-42).
     */
    private void semiAttendedTransfer(Appearance consultation) {
        Appearance target = consultation.target;
        if (!settings().bool("transfer.semi_attend_tran_enable")) {
            notices.accept(Notice.of("semi_attended_off"));
            return;
        }
        if (target == null || !target.connected()) {
            return;
        }
        Logger.info("{}: semi-attended transfer to {}", target, consultation.number);
        consultation.purpose = Appearance.Purpose.CALL;
        consultation.leg.hangUp();
        target.leg.transfer(consultation.number);
        focus = target;
    }

    // ------------------------------------------------------------------ conference

    /**
     * The Conference key: in a call, holds it and opens a dialling for the party to add; in the call to that
     * party (answered), joins it to the conference; with a call on hold beside the one talked in, joins them
     * at once. ALE §7.14, seed L8356-8450.
     */
    public void conference() {
        lock.activity();
        Appearance f = focus;
        if (f == null) {
            return;
        }
        if (f.dialling() && f.purpose == Appearance.Purpose.CONFERENCE) {
            send();
            return;
        }
        if (f.purpose == Appearance.Purpose.CONFERENCE && f.connected()) {
            join(f);
        } else if (f.connected()) {
            List<Appearance> others = liveCalls().stream().filter(a -> a != f && a.connected()).toList();
            if (!f.conference && !others.isEmpty()) {
                List<Appearance> members = new ArrayList<>(others);
                members.add(f);
                startConference(members);
            } else if (conferenceMembers().size() + 1 >= partyMax() && f.conference) {
                notices.accept(new Notice("conference_full", Integer.toString(partyMax())));
            } else {
                (f.conference ? conferenceMembers() : List.of(f)).forEach(m -> {
                    if (!m.held()) {
                        m.leg.hold();
                    }
                });
                startDialling(f.account, Appearance.Purpose.CONFERENCE, f, Dialer.Start.OFF_HOOK);
            }
        }
        publish();
    }

    /** Split: the conference falls apart into its calls, all held. */
    public void split() {
        List<Appearance> members = conferenceMembers();
        if (members.isEmpty()) {
            return;
        }
        for (Appearance m : members) {
            m.conference = false;
            if (!m.held()) {
                m.leg.hold();
            }
        }
        sip.conference(List.of());
        focus = members.get(0);
        publish();
    }

    private void join(Appearance added) {
        Appearance target = added.target;
        List<Appearance> members = new ArrayList<>(target != null && target.conference ? conferenceMembers() : List.of());
        if (target != null && target.connected() && !members.contains(target)) {
            members.add(target);
        }
        added.purpose = Appearance.Purpose.CALL;
        added.target = null;
        members.add(added);
        startConference(members);
    }

    /**
     * Joins {@code members}: locally through the mixer when the accounts allow a local conference (ALE
     * {@code SIPLocalConfEnable} and {@code AccountXLocalConfEnable}, digest A-3; Yealink
     * {@code account.X.conf_type}), else at the network conference URI: each party is sent there and this
     * phone calls it too (ALE L8423-8439, method 0).
     */
    private void startConference(List<Appearance> members) {
        if (members.size() + 1 > partyMax()) {
            notices.accept(new Notice("conference_full", Integer.toString(partyMax())));
            return;
        }
        int account = members.get(0).account;
        PhoneSettings s = settings();
        String uri = account > 0 ? s.text("account." + account + ".conf_uri") : "";
        if (!localConference(s, account) && !uri.isBlank()) {
            Logger.info("network conference at {} with {} parties", uri, members.size());
            for (Appearance m : members) {
                m.leg.transfer(uri);
            }
            Appearance own = newAppearance(account);
            place(own, uri, account, Map.of());
            focus = own;
            return;
        }
        for (Appearance m : members) {
            m.conference = true;
            if (m.held()) {
                m.leg.resume();
            }
        }
        if (!sip.conference(members.stream().map(m -> m.leg).toList())) {
            Logger.warn("the media cannot mix a local conference; the parties hear this phone but not each other");
            notices.accept(Notice.of("conference_no_mixer"));
        }
        Logger.info("local conference of {} parties", members.size() + 1);
        focus = members.get(members.size() - 1);
        if (muted) {
            setMuted(true);
        }
    }

    /**
     * The host leaves the conference: every party is hung up, unless {@code transfer.tran_others_after_conf_enable}
     * (ALE {@code FeatureTransAfterConfEnable}, L8250, L8369-8371) joins the other two by a transfer.
     */
    private void endConference() {
        List<Appearance> members = conferenceMembers();
        if (members.size() == 2 && settings().bool("transfer.tran_others_after_conf_enable")) {
            Logger.info("conference host leaves: joining the other two parties");
            members.get(0).leg.transfer(members.get(1).leg);
            return;
        }
        for (Appearance m : members) {
            m.leg.hangUp();
        }
    }

    private List<Appearance> conferenceMembers() {
        return liveCalls().stream().filter(a -> a.conference && a.connected()).toList();
    }

    private int partyMax() {
        return Math.max(3, settings().integer("sip.conf_party_max", 6));
    }

    private static boolean localConference(PhoneSettings s, int account) {
        boolean phone = s.bool("sip.local_conf_enable");
        if (account <= 0) {
            return phone;
        }
        return phone && s.bool("account." + account + ".local_conf_enable") && s.integer("account." + account + ".conf_type") != 2;
    }

    // ------------------------------------------------------------------ feature switches

    /** DND on or off: for the phone, or for {@code account} in the custom mode. */
    public void toggleDnd(int account) {
        int on = account > 0 ? account : defaultAccount();
        if (features.setDnd(on, !features.dnd(on))) {
            notices.accept(Notice.of(features.dnd(on) ? "dnd_on" : "dnd_off"));
        }
        publish();
    }

    public boolean dnd(int account) {
        return features.dnd(account > 0 ? account : defaultAccount());
    }

    /** Forwarding of {@code kind} for {@code account} (0: the default) as configured now. */
    public Forward forwarding(int account, Forward.Kind kind) {
        return features.forward(account > 0 ? account : defaultAccount(), kind);
    }

    /** Turns forwarding on (to {@code target} when given) or off. */
    public boolean setForward(int account, Forward.Kind kind, boolean on, String target) {
        int which = account > 0 ? account : defaultAccount();
        boolean done = features.setForward(which, kind, on, target);
        if (done) {
            notices.accept(Notice.of(on ? "forward_on" : "forward_off"));
        }
        publish();
        return done;
    }

    public void toggleCallWaiting() {
        boolean on = !features.callWaiting();
        if (features.setCallWaiting(defaultAccount(), on)) {
            notices.accept(Notice.of(on ? "call_waiting_on" : "call_waiting_off"));
        }
        publish();
    }

    public boolean setAnonymous(int account, boolean on) {
        return features.setAnonymous(account, on);
    }

    public boolean setRejectAnonymous(int account, boolean on) {
        return features.setRejectAnonymous(account, on);
    }

    /** Dials a feature code on {@code account}; the call is not shown and ends once the server took it. */
    private void sendCode(int account, String code) {
        try {
            Leg leg = sip.dial(account, code, Map.of());
            codeCalls.add(leg);
            Logger.info("feature code {} sent on account {}", code, account);
        } catch (IllegalArgumentException | IllegalStateException e) {
            Logger.warn("cannot send feature code {}: {}", code, e.getMessage());
        }
    }

    // ------------------------------------------------------------------ redial and recall

    /** Calls the last number this phone dialled. */
    public void redial() {
        Optional<HistoryEntry> last = history.latest(HistoryEntry.Kind.PLACED);
        if (last.isEmpty()) {
            notices.accept(Notice.of("no_number"));
            return;
        }
        call(last.get().number(), last.get().account(), Source.HISTORY, "", Map.of());
    }

    /** Calls back the last call that came in (ALE key 18 Recall; Yealink Call Return). */
    public void recall() {
        Optional<HistoryEntry> last = history.latest(HistoryEntry.Kind.RECEIVED, HistoryEntry.Kind.MISSED);
        if (last.isEmpty()) {
            notices.accept(Notice.of("no_number"));
            return;
        }
        call(last.get().number(), last.get().account(), Source.HISTORY, "", Map.of());
    }

    /** Calls the voice mail of {@code account} (0: the default account). */
    public void voicemail(int account) {
        int on = account > 0 ? account : defaultAccount();
        Optional<LineStatus> line = sip.lines().stream().filter(l -> l.account() == on).findFirst();
        String number = line.map(LineStatus::voicemail).orElse("");
        if (number.isBlank()) {
            number = settings().text("voice_mail.number." + Math.max(1, on));
        }
        if (number.isBlank()) {
            notices.accept(Notice.of("no_voicemail"));
            return;
        }
        call(number, on, Source.MANUAL, "", Map.of());
    }

    /** The line key of {@code account}: answers it, resumes it, or dials on it. */
    public void line(int account) {
        Optional<Appearance> ringing = liveCalls().stream().filter(a -> a.ringing() && a.account == account).findFirst();
        if (ringing.isPresent()) {
            if (path == AudioPath.NONE) {
                path = AudioPath.SPEAKER;
            }
            answer(ringing.get());
            publish();
            return;
        }
        Optional<Appearance> held = liveCalls().stream().filter(a -> a.held() && a.account == account).findFirst();
        if (held.isPresent() && (focus == null || focus.account != account || focus.held())) {
            resume(held.get());
            publish();
            return;
        }
        newCall(account);
    }

    // ------------------------------------------------------------------ SIP events

    private final class SipListener implements Telephony.Listener {
        @Override
        public void incoming(Leg leg) {
            arrived(leg);
            publish();
        }

        @Override
        public void changed(Leg leg) {
            if (codeCalls.contains(leg)) {
                if (leg.state() == Call.State.CONNECTED) {
                    leg.hangUp();
                }
                if (!leg.active()) {
                    codeCalls.remove(leg);
                }
                return;
            }
            Appearance a = byLeg(leg);
            if (a != null) {
                legChanged(a);
                publish();
            }
        }

        @Override
        public void replaced(Leg original, Leg replacement) {
            Appearance a = byLeg(original);
            if (a != null) {
                Logger.info("{} continues as {}", a, replacement);
                a.leg = replacement;
                a.number = replacement.remote().user();
            } else {
                Appearance added = newAppearance(replacement.account());
                added.leg = replacement;
                added.number = replacement.remote().user();
            }
            publish();
        }

        @Override
        public void linesChanged() {
            publish();
        }
    }

    private void arrived(Leg leg) {
        PhoneSettings s = settings();
        boolean busy = !liveCalls().isEmpty();
        Directory dir = directory.get();
        Admission.Verdict verdict = Admission.decide(s, features, dir, leg, busy);
        Appearance a = new Appearance(nextId++, leg.account(), leg.started());
        a.leg = leg;
        a.number = leg.remote().user().isEmpty() ? leg.remote().uri() : leg.remote().user();
        Logger.info("incoming call from {}: {}", leg.remote().label(), verdict);
        if (verdict instanceof Admission.Refuse refuse) {
            a.refusedByPhone = refuse.missed();
            if (refuse.missed()) {
                appearances.add(a); // kept until it ends, for the history
            }
            leg.reject(refuse.code());
            return;
        }
        if (verdict instanceof Admission.Divert divert) {
            a.forwarded = true;
            appearances.add(a);
            leg.forward(divert.target());
            return;
        }
        appearances.add(a);
        if (verdict instanceof Admission.AutoAnswer auto && (auto.holdOthers() || !busy)) {
            a.intercom = auto.intercom();
            Runnable answerIt = () -> {
                if (a.ringing()) {
                    if (auto.intercom() && Admission.intercomMute(settings(), a.account)) {
                        a.leg.mute(true);
                    }
                    answer(a);
                    publish();
                }
            };
            if (auto.after().isZero()) {
                answerIt.run();
                return;
            }
            a.autoAnswer = loop.schedule(auto.after(), answerIt);
        } else if (verdict instanceof Admission.Ring ring) {
            ring.noAnswer().ifPresent(forward -> a.noAnswerForward = loop.schedule(Duration.ofSeconds(Math.max(1, forward.seconds())), () -> {
                if (a.ringing()) {
                    Logger.info("{} not answered in {} s: forwarding to {}", a, forward.seconds(), forward.target());
                    a.forwarded = true;
                    a.leg.forward(forward.target());
                    publish();
                }
            }));
        }
        a.melody = RingChoice.choose(s, a.account, leg.inviteHeaders("Alert-Info"), contactRing(dir, a.number));
        focus = a;
        lock.busy();
    }

    private static Optional<String> contactRing(Directory dir, String number) {
        return dir.byNumber(number).flatMap(dir::ring);
    }

    private void legChanged(Appearance a) {
        Leg leg = a.leg;
        switch (leg.state()) {
            case RINGBACK -> {
                if (a.ringback == null) {
                    a.ringback = RingbackTimeout.start(loop, plans.get(), () -> {
                        if (a.outgoingInProgress()) {
                            Logger.info("{}: no answer within the ring-back timeout", a);
                            leg.hangUp();
                            fail(a, "no_answer", false);
                            publish();
                        }
                    });
                }
            }
            case CONNECTED -> {
                if (!a.answeredOnce) {
                    a.answeredOnce = true;
                    a.cancelTimers();
                    redialAttempts = 0;
                    if (!a.dtmfOnAnswer.isEmpty()) {
                        leg.sendDtmf(a.dtmfOnAnswer);
                    }
                    if (muted && settings().bool("features.keep_mute")) {
                        leg.mute(true);
                    }
                    if (a.purpose == Appearance.Purpose.CONFERENCE && settings().bool("features.local_conf_one_press")) {
                        join(a);
                    }
                }
                String error = leg.transferError().orElse(null);
                if (error != null && !error.equals(transferErrors.get(a))) {
                    transferErrors.put(a, error);
                    notices.accept(new Notice("transfer_failed", error));
                }
            }
            case ENDED -> ended(a);
            default -> { }
        }
    }

    private void ended(Appearance a) {
        Leg leg = a.leg;
        Call.Ending ending = leg.ending().orElse(new Call.Ending(0, "", false));
        a.cancelTimers();
        if (a.conference && conferenceMembers().size() == 1) {
            conferenceMembers().get(0).conference = false;
            sip.conference(List.of());
        }
        boolean neverAnswered = !a.answeredOnce;
        if (leg.direction() == Call.Direction.OUTGOING && neverAnswered && !ending.byUs() && !a.failed()) {
            boolean busy = ending.code() == 486 || ending.code() == 600;
            record(a, ending);
            a.failure = busy ? "busy" : ending.reason().isBlank() ? "failed" : ending.reason();
            a.busy = busy;
            if (a.purpose == Appearance.Purpose.TRANSFER || a.purpose == Appearance.Purpose.CONFERENCE) {
                notices.accept(new Notice("call_failed", ending.reason()));
            }
            if (busy) {
                autoRedial(a);
            }
            if (path == AudioPath.NONE) {
                remove(a);
            } else {
                focus = a;
            }
            refocus();
            return;
        }
        record(a, ending);
        remove(a);
        if (a.target != null && a.purpose != Appearance.Purpose.CALL && a.target.held() && focus == null) {
            focus = a.target;
        }
        if (liveCalls().isEmpty()) {
            if (!handsetUp && path != AudioPath.NONE) {
                path = AudioPath.NONE;
            }
            if (!settings().bool("features.keep_mute")) {
                muted = false;
            }
            lock.activity();
        }
        refocus();
    }

    /**
     * Auto redial (ALE L8451-8510, Yealink L8206-8275): a busy callee is called again after the interval, up to
     * the number of times configured; answering or cancelling stops it.
     */
    private void autoRedial(Appearance failed) {
        PhoneSettings s = settings();
        if (!s.bool("auto_redial.enable")) {
            return;
        }
        if (!failed.number.equals(redialNumber)) {
            redialNumber = failed.number;
            redialAttempts = 0;
        }
        redialAccount = failed.account;
        if (redialAttempts >= s.integer("auto_redial.times", 10)) {
            Logger.info("auto redial of {} gave up after {} attempts", redialNumber, redialAttempts);
            redialAttempts = 0;
            return;
        }
        int seconds = Math.max(1, s.integer("auto_redial.interval", 10));
        failed.failure = "busy";
        redialTimer = loop.schedule(Duration.ofSeconds(seconds), () -> {
            redialTimer = null;
            if (!appearances.contains(failed)) {
                return;
            }
            redialAttempts++;
            remove(failed);
            Appearance again = newAppearance(redialAccount);
            focus = again;
            place(again, redialNumber, redialAccount, Map.of());
            publish();
        });
    }

    /** When the next auto redial comes, and which attempt it is; empty when none is due. */
    public Optional<AutoRedialDue> autoRedialDue() {
        return redialTimer == null ? Optional.empty()
                : Optional.of(new AutoRedialDue(redialNumber, redialAttempts + 1, settings().integer("auto_redial.times", 10)));
    }

    /** The next auto redial: its number, which attempt, of how many. */
    public record AutoRedialDue(String number, int attempt, int of) {
    }

    private void stopAutoRedial() {
        if (redialTimer != null) {
            redialTimer.cancel();
            redialTimer = null;
        }
        redialAttempts = 0;
    }

    /**
     * Writes the call into the history (unless {@code features.save_call_history} is off, ALE L6031): placed;
     * received when answered or refused by the user; forwarded; missed when it rang unanswered or the phone
     * refused it (DND, busy), unless {@code account.X.missed_calllog} is off (Yealink L13912).
     */
    private void record(Appearance a, Call.Ending ending) {
        PhoneSettings s = settings();
        if (!s.bool("features.save_call_history") || a.leg == null) {
            return;
        }
        Leg leg = a.leg;
        HistoryEntry.Kind kind;
        if (leg.direction() == Call.Direction.OUTGOING) {
            kind = HistoryEntry.Kind.PLACED;
        } else if (a.forwarded || ending.code() == 302) {
            kind = HistoryEntry.Kind.FORWARDED;
        } else if (a.answeredOnce || ending.byUs() && !a.refusedByPhone) {
            kind = HistoryEntry.Kind.RECEIVED;
        } else {
            kind = HistoryEntry.Kind.MISSED;
            if (a.account > 0 && !s.bool("account." + a.account + ".missed_calllog")) {
                return;
            }
        }
        String number = leg.direction() == Call.Direction.OUTGOING ? a.number : leg.remote().anonymous() ? "anonymous"
                : !leg.remote().user().isEmpty() ? leg.remote().user() : leg.remote().uri();
        Instant now = loop.clock().now();
        Duration talked = leg.answered().map(at -> Duration.between(at, now)).filter(d -> !d.isNegative()).orElse(Duration.ZERO);
        history.add(new HistoryEntry(kind, a.account, number, nameOf(leg.remote(), number), leg.started(), talked));
    }

    /** The name to show for a party: the directory's, unless the display source is the network only (ALE L12383). */
    private String nameOf(Party remote, String number) {
        if (settings().integer("phone_setting.call_info_display_source") == 0) {
            Optional<Contact> contact = directory.get().byNumber(number);
            if (contact.isPresent()) {
                return Directory.name(contact.get());
            }
        }
        return remote.anonymous() ? "" : remote.displayName();
    }

    // ------------------------------------------------------------------ bookkeeping

    private Appearance newAppearance(int account) {
        Appearance a = new Appearance(nextId++, account, loop.clock().now());
        appearances.add(a);
        return a;
    }

    private void remove(Appearance a) {
        a.cancelTimers();
        appearances.remove(a);
        transferErrors.remove(a);
        if (focus == a) {
            focus = null;
        }
    }

    private Appearance byLeg(Leg leg) {
        for (Appearance a : appearances) {
            if (a.leg == leg) {
                return a;
            }
        }
        return null;
    }

    private List<Appearance> liveCalls() {
        return appearances.stream().filter(Appearance::live).toList();
    }

    private List<Appearance> talkingCalls() {
        return appearances.stream().filter(Appearance::talking).toList();
    }

    private Appearance firstRinging() {
        return appearances.stream().filter(Appearance::ringing).filter(a -> a.autoAnswer == null || a.autoAnswer.isCancelled())
                .reduce((first, second) -> second).orElse(null);
    }

    /** Holds the calls talked in, before a new call is dialled, answered or resumed. */
    private void holdTalking() {
        for (Appearance a : talkingCalls()) {
            a.leg.hold();
        }
    }

    /** After the focused appearance went away: ringing, then talking, dialling, failed, held. */
    private void refocus() {
        if (focus != null && appearances.contains(focus) && focus.live()) {
            return;
        }
        List<Appearance> live = liveCalls();
        focus = live.stream().filter(Appearance::ringing).findFirst()
                .or(() -> live.stream().filter(Appearance::talking).findFirst())
                .or(() -> live.stream().filter(a -> a.dialling() || a.outgoingInProgress()).findFirst())
                .or(() -> live.stream().filter(Appearance::failed).findFirst())
                .or(() -> live.stream().filter(Appearance::connected).findFirst())
                .orElse(null);
    }

    /** Builds the new status, plays what should play, and tells the listeners. */
    private void publish() {
        appearances.removeIf(a -> !a.live());
        refocus();
        if (appearances.isEmpty() && path != AudioPath.NONE && !handsetUp) {
            path = AudioPath.NONE;
        }
        PhoneSettings s = settings();
        List<CallInfo> calls = new ArrayList<>();
        CallInfo focused = null;
        for (Appearance a : appearances) {
            CallInfo info = info(a, s);
            calls.add(info);
            if (a == focus) {
                focused = info;
            }
        }
        int account = defaultAccount();
        status = new PhoneStatus(state(), calls, Optional.ofNullable(focused), path, sip.lines(), features.dnd(account),
                features.forwarding(account), features.callWaiting(), history.missedUnseen(), lock.locked());
        Sound wanted = wantedSound(s);
        if (!wanted.equals(playing)) {
            playing = wanted;
            sounds.play(wanted);
        }
        for (Runnable listener : listeners) {
            listener.run();
        }
    }

    private CallInfo info(Appearance a, PhoneSettings s) {
        CallInfo.Status st;
        Party remote;
        String number = a.number;
        if (a.failed()) {
            st = CallInfo.Status.FAILED;
        } else if (a.leg == null) {
            st = CallInfo.Status.DIALING;
            number = a.dialer != null ? a.dialer.input() : a.number;
        } else {
            st = switch (a.leg.state()) {
                case DIALING -> CallInfo.Status.CALLING;
                case RINGBACK -> CallInfo.Status.RINGBACK;
                case INCOMING -> CallInfo.Status.RINGING;
                case CONNECTED -> a.leg.onHold() ? CallInfo.Status.HELD : a.leg.heldByRemote() ? CallInfo.Status.HELD_BY_REMOTE
                        : CallInfo.Status.TALKING;
                case ENDED -> CallInfo.Status.FAILED;
            };
        }
        if (a.leg != null) {
            remote = a.leg.direction() == Call.Direction.OUTGOING && !a.number.isEmpty()
                    ? Party.of(a.leg.remote().displayName(), a.leg.remote().uri()) : a.leg.remote();
        } else {
            remote = Party.of("", number);
        }
        String shownNumber = a.leg != null && a.leg.direction() == Call.Direction.INCOMING ? remote.user() : number;
        String name = a.leg == null ? directory.get().byNumber(number).map(Directory::name).orElse("") : nameOf(remote, shownNumber);
        return new CallInfo(a.id, a.account, st, remote, shownNumber, name, a.started, a.leg == null ? Optional.empty() : a.leg.answered(),
                a.leg == null ? "" : a.leg.codec().orElse(""), a.leg != null && a.leg.secure(), a.leg != null && a.leg.muted(),
                a.conference, a.failed() ? a.failure : a.leg != null ? a.leg.transferError().orElse("") : "");
    }

    private CallState state() {
        Appearance f = focus;
        if (f == null) {
            return CallState.IDLE;
        }
        if (f.failed()) {
            return CallState.CALL_FAILED;
        }
        if (f.dialling()) {
            boolean empty = f.dialer == null || f.dialer.input().isEmpty();
            return switch (f.purpose) {
                case TRANSFER -> empty ? CallState.TRANS_DIAL_EMPTY : CallState.TRANS_DIAL;
                case CONFERENCE -> empty ? CallState.CONF_DIAL_EMPTY : CallState.CONF_DIAL;
                case CALL -> empty ? CallState.DIAL_EMPTY : CallState.DIAL;
            };
        }
        if (f.ringing()) {
            if (!conferenceMembers().isEmpty()) {
                return CallState.CONF_NEW_CALLIN;
            }
            return liveCalls().stream().anyMatch(a -> a != f && a.connected()) ? CallState.NEW_CALLIN : CallState.RINGING;
        }
        if (f.outgoingInProgress()) {
            return f.purpose == Appearance.Purpose.TRANSFER ? CallState.TRANSFERRING : CallState.CALLING;
        }
        if (f.connected()) {
            if (f.conference) {
                return conferenceMembers().stream().allMatch(Appearance::held) ? CallState.CONF_HOLD : CallState.CONF;
            }
            if (f.leg.onHold()) {
                return CallState.HOLD;
            }
            return f.leg.heldByRemote() ? CallState.HELD : CallState.CONVERSATION;
        }
        return CallState.IDLE;
    }

    /** What the phone should play now; see the class comment of {@link Sound}. */
    private Sound wantedSound(PhoneSettings s) {
        Appearance ringing = appearances.stream().filter(Appearance::ringing).filter(a -> !a.silenced)
                .filter(a -> a.autoAnswer == null).reduce((first, second) -> second).orElse(null);
        boolean inUse = appearances.stream().anyMatch(a -> a.connected() || a.outgoingInProgress());
        if (ringing != null) {
            if (!inUse && path == AudioPath.NONE) {
                return Sound.ring(ringing.melody);
            }
            if (s.bool("call_waiting.tone")) {
                return Sound.tone(ToneKind.CALL_WAITING);
            }
        }
        Appearance f = focus;
        if (f == null || path == AudioPath.NONE) {
            return Sound.SILENCE;
        }
        if (f.failed()) {
            return Sound.tone(f.busy ? ToneKind.BUSY : ToneKind.CONGESTION);
        }
        if (f.dialling() && f.decision instanceof Decision.Collect collect) {
            if (!s.bool("features.dialing_tone")) {
                return Sound.SILENCE;
            }
            if (collect.tone() == Tone.DIAL) {
                boolean waiting = status.messageWaiting() && s.bool("voice.tone.stutter_enable");
                return Sound.tone(waiting ? ToneKind.STUTTER : ToneKind.DIAL);
            }
            return collect.tone() == Tone.SECONDARY_DIAL ? Sound.tone(ToneKind.SECONDARY_DIAL) : Sound.SILENCE;
        }
        if (f.leg != null && f.leg.state() == Call.State.RINGBACK) {
            return Sound.tone(ToneKind.RINGBACK);
        }
        return Sound.SILENCE;
    }
}
