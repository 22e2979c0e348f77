package org.deskphone.dialplan;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import org.deskphone.loop.PhoneLoop;
import org.deskphone.loop.Timer;

/**
 * One dialling on one account, keystroke by keystroke: fed with keys, Send, the hook and its own timers
 * on the {@link PhoneLoop}, it answers each time with a {@link Decision} (see {@link DialPlan} for the
 * order of the rules). Every decision, including those a timer makes, also goes to the listener given
 * at construction. Once a final decision is made (or {@link #cancel()} is called) the dialler ignores
 * further input. Runs on the loop thread only; a new dialling takes a new dialler.
 */
public final class Dialer {
    /** How the dialling began. */
    public enum Start {
        /** Handset lifted, speaker or headset key, or a line key: the dial tone plays, the hotline applies. */
        OFF_HOOK,
        /**
         * Keys typed on hook. Nothing ends the dialling on its own unless {@code phone_setting.predial_autodial}
         * ("Live Dialpad") is on; Send or lifting the handset dials.
         */
        PRE_DIAL
    }

    /**
     * With {@code #} as the Send key and {@code features.send_pound_key} on, how long a first {@code #}
     * waits for a second one: the manual says pressing it twice sends {@code ##} (seed 000 L9836-9853) but
     * not how long "twice" may take.
     */
    static final Duration SECOND_POUND_WINDOW = Duration.ofSeconds(1);

    private final PhoneLoop loop;
    private final DialPlan plan;
    private final int account;
    private final boolean locked;
    private final Consumer<Decision> listener;
    private final DialPlan.ActiveMap map;
    private final DigitMap.Run mapRun;
    private final DialNowRules.Run dialNowRun;
    private final StringBuilder input = new StringBuilder();
    private Decision decision;
    private boolean started;
    private boolean predial;
    private boolean over;
    private boolean poundPending;
    private int heldBlock = -1;
    private Timer timer;

    /**
     * A dialler on {@code account} under {@code plan}. {@code locked}: the phone is locked, so that only
     * emergency numbers (and the hotline) can be dialled (seed 004 L3074, seed 000 L11113).
     */
    public Dialer(PhoneLoop loop, DialPlan plan, int account, boolean locked, Consumer<Decision> listener) {
        this.loop = Objects.requireNonNull(loop, "loop");
        this.plan = Objects.requireNonNull(plan, "plan");
        this.account = account;
        this.locked = locked;
        this.listener = Objects.requireNonNull(listener, "listener");
        this.map = plan.map(account, Source.MANUAL);
        this.mapRun = map == null ? null : map.map().run();
        this.dialNowRun = plan.dialNow().isEmpty() ? null : plan.dialNow().run();
    }

    /** Begins the dialling. Off hook, the hotline (if any) dials after its delay unless a key comes first. */
    public Decision start(Start how) {
        if (started) {
            throw new IllegalStateException("this dialler has started already");
        }
        started = true;
        predial = how == Start.PRE_DIAL;
        decision = collect();
        publish(decision);
        if (!predial) {
            return offHookIdle();
        }
        return decision;
    }

    /** A key: {@code 0-9}, {@code *}, {@code #}, {@code +}, or a character the number filter removes. */
    public Decision key(char key) {
        if (!active()) {
            return decision;
        }
        if (input.length() == 0) {
            cancelTimer(); // the hotline waits for "do nothing" (seed 004 L6463-6465): any key is something
        }
        if (poundPending) {
            poundPending = false;
            cancelTimer();
            if (key != '#') {
                return end(Decision.Trigger.SEND, null); // the first # was Send after all; this key comes too late
            }
            return type("##");
        }
        if (plan.settings().keyAsSend().isSend(key)) {
            if (key == '#' && plan.settings().sendPoundKey()) {
                poundPending = true;
                cancelTimer();
                timer = loop.schedule(SECOND_POUND_WINDOW, () -> {
                    poundPending = false;
                    end(Decision.Trigger.SEND, null);
                });
                return decision;
            }
            return send();
        }
        if (plan.filters(key) || !Symbols.isDialable(key)) {
            return decision;
        }
        return type(String.valueOf(key));
    }

    /** The delete key: takes back the last key. */
    public Decision delete() {
        if (!active() || input.length() == 0) {
            return decision;
        }
        poundPending = false;
        input.setLength(input.length() - 1);
        replay();
        return evaluate();
    }

    /** The Send key (or OK, or the dial soft key): dials what was typed, through the plan. */
    public Decision send() {
        if (!active() || input.length() == 0) {
            return decision;
        }
        poundPending = false;
        return end(Decision.Trigger.SEND, null);
    }

    /** The handset lifted (or speaker pressed) while pre-dialling: dials what was typed, or starts off hook. */
    public Decision offHook() {
        if (!active() || !predial) {
            return decision;
        }
        predial = false;
        if (input.length() == 0) {
            decision = collect();
            publish(decision);
            return offHookIdle();
        }
        return end(Decision.Trigger.SEND, null);
    }

    /** On hook or Cancel: the dialling ends without a call; timers stop. */
    public void cancel() {
        over = true;
        poundPending = false;
        cancelTimer();
    }

    /** The latest decision. */
    public Decision decision() {
        return decision;
    }

    /** What has been typed so far (after the number filter). */
    public String input() {
        return input.toString();
    }

    private boolean active() {
        if (!started) {
            throw new IllegalStateException("start the dialler first");
        }
        return !over;
    }

    private Decision offHookIdle() {
        String hotline = plan.hotline();
        if (hotline.isEmpty()) {
            return decision;
        }
        Decision dial = new Decision.Dial(hotline, account, "", Decision.Trigger.HOTLINE, "hotline");
        int delay = plan.settings().hotline().delaySeconds();
        if (delay == 0) {
            return conclude(dial);
        }
        timer = loop.schedule(Duration.ofSeconds(delay), () -> conclude(dial));
        return decision;
    }

    private Decision type(String keys) {
        for (int i = 0; i < keys.length() && input.length() < DialPlan.MAX_NUMBER_LENGTH; i++) {
            char c = keys.charAt(i);
            input.append(c);
            if (mapRun != null) {
                mapRun.feed(c);
                noteBlock();
            }
            if (dialNowRun != null) {
                dialNowRun.feed(c);
            }
        }
        return evaluate();
    }

    private void replay() {
        heldBlock = -1;
        if (mapRun != null) {
            mapRun.reset();
        }
        if (dialNowRun != null) {
            dialNowRun.reset();
        }
        for (int i = 0; i < input.length(); i++) {
            if (mapRun != null) {
                mapRun.feed(input.charAt(i));
                noteBlock();
            }
            if (dialNowRun != null) {
                dialNowRun.feed(input.charAt(i));
            }
        }
    }

    /** A blocking string matched the start of the input: it blocks every longer input too (seed 004 L6267-6268). */
    private void noteBlock() {
        if (heldBlock < 0) {
            heldBlock = mapRun.blockingNow();
        }
    }

    /** After a key: decide now, or arm the timer of whatever would decide first. */
    private Decision evaluate() {
        cancelTimer();
        String typed = input.toString();
        if (typed.isEmpty()) {
            return publish(decision = collect());
        }
        if (locked) {
            return evaluateLocked(typed);
        }
        boolean mayBeEmergency = plan.mayBecomeEmergency(typed);
        boolean automatic = !predial || plan.settings().liveDialpad();
        Deadline first = null;
        if (mapRun != null && automatic) {
            if (heldBlock >= 0 && !mayBeEmergency) {
                return decide(heldBlock, -1, Decision.Trigger.DIGIT_MAP, null);
            }
            int dialing = mapRun.dialingNow();
            if (dialing >= 0) {
                return decide(-1, dialing, Decision.Trigger.DIGIT_MAP, null);
            }
            if (mapRun.impossible() && heldBlock < 0 && !mayBeEmergency
                    && plan.settings().impossibleMatch() == ImpossibleMatch.REFUSE) {
                return conclude(new Decision.NoMatch(typed, account));
            }
            int timed = mapRun.firstTimed(map.timerSeconds());
            if (timed >= 0) {
                DigitMap.Entry entry = map.map().entry(timed);
                first = Deadline.earlier(first, new Deadline(entry.seconds(map.timerSeconds()), entry.blocking() ? 0 : 1,
                        () -> decide(entry.blocking() ? timed : -1, entry.blocking() ? -1 : timed, Decision.Trigger.DIGIT_MAP, null)));
            }
        }
        if (dialNowRun != null && automatic) {
            RulePattern rule = dialNowRun.matching(account);
            if (rule != null) {
                first = Deadline.earlier(first, new Deadline(plan.settings().dialNowDelaySeconds(), 2,
                        () -> end(Decision.Trigger.DIAL_NOW, "dial-now rule " + rule)));
            }
        }
        int autoDial = plan.settings().autoDialSeconds();
        if (autoDial > 0 && automatic) {
            first = Deadline.earlier(first, new Deadline(autoDial, 3, () -> end(Decision.Trigger.AUTO_DIAL, null)));
        }
        if (first != null) {
            if (first.seconds() == 0) {
                first.action().run();
                return decision;
            }
            timer = loop.schedule(Duration.ofSeconds(first.seconds()), first.action());
        }
        return publish(decision = collect());
    }

    /** A locked phone dials emergency numbers only (seed 004 L3074); it needs no Send for them. */
    private Decision evaluateLocked(String typed) {
        if (plan.isCompleteEmergency(typed)) {
            return end(Decision.Trigger.EMERGENCY, null);
        }
        if (!plan.mayBecomeEmergency(typed)) {
            return conclude(new Decision.Block(typed, account, Decision.Blocker.LOCKED, "phone locked: emergency numbers only"));
        }
        int autoDial = plan.settings().autoDialSeconds();
        if (plan.isEmergency(typed) && autoDial > 0) {
            timer = loop.schedule(Duration.ofSeconds(autoDial), () -> end(Decision.Trigger.AUTO_DIAL, null));
        }
        return publish(decision = collect());
    }

    /** The input is complete (Send, a dial-now rule, the auto-dial timer): the plan decides what to dial. */
    private Decision end(Decision.Trigger trigger, String decidedBy) {
        cancelTimer();
        String typed = input.toString();
        if (typed.isEmpty()) {
            return decision;
        }
        if (locked && !plan.isEmergency(typed)) {
            return conclude(new Decision.Block(typed, account, Decision.Blocker.LOCKED, "phone locked: emergency numbers only"));
        }
        if (mapRun == null) {
            return decide(-1, -1, trigger, decidedBy);
        }
        return decide(heldBlock >= 0 ? heldBlock : mapRun.blockingAtEnd(), mapRun.dialingAtEnd(), trigger, decidedBy);
    }

    /** The plan's last word on the input, given the digit-map strings that block or dial it (or -1). */
    private Decision decide(int blocking, int dialing, Decision.Trigger trigger, String decidedBy) {
        return conclude(plan.finish(input.toString(), account, Source.MANUAL, map, blocking, dialing, trigger, decidedBy));
    }

    private Decision conclude(Decision last) {
        cancelTimer();
        over = true;
        decision = last;
        return publish(last);
    }

    private Decision.Collect collect() {
        return new Decision.Collect(input.toString(), tone(), mapState());
    }

    private Tone tone() {
        if (predial) {
            return Tone.NONE;
        }
        if (input.length() == 0 || plan.settings().redialTone().contentEquals(input)) {
            return Tone.DIAL;
        }
        return mapRun != null && mapRun.secondaryDialTone() ? Tone.SECONDARY_DIAL : Tone.NONE;
    }

    private Decision.MapState mapState() {
        if (mapRun == null) {
            return Decision.MapState.NO_MAP;
        }
        if (input.length() > 0 && (mapRun.dialingAtEnd() >= 0 || mapRun.blockingAtEnd() >= 0)) {
            return Decision.MapState.COMPLETE;
        }
        return mapRun.live() ? Decision.MapState.PARTIAL : Decision.MapState.IMPOSSIBLE;
    }

    private Decision publish(Decision next) {
        listener.accept(next);
        return next;
    }

    private void cancelTimer() {
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
    }

    /** Something that would end the dialling {@code seconds} after the last key; lower rank wins a tie. */
    private record Deadline(int seconds, int rank, Runnable action) {
        static Deadline earlier(Deadline a, Deadline b) {
            if (a == null) {
                return b;
            }
            return b.seconds < a.seconds || b.seconds == a.seconds && b.rank < a.rank ? b : a;
        }
    }
}
