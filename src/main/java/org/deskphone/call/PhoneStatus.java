package org.deskphone.call;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The whole phone at one moment, for the LCD, the LEDs and readers off the loop (the web UI's status page):
 * immutable, made by {@link Telephone} after every change.
 *
 * @param state       the call state the screen and soft keys follow
 * @param calls       the call appearances, oldest first
 * @param focus       the one the screen shows, if any
 * @param audio       where the audio goes
 * @param lines       the accounts
 * @param dnd         do not disturb is on (for the phone, or for the default account in custom mode)
 * @param forward     some call forwarding is on
 * @param callWaiting call waiting is on
 * @param missedCalls missed calls not yet looked at
 * @param locked      the phone is locked
 */
public record PhoneStatus(CallState state, List<CallInfo> calls, Optional<CallInfo> focus, AudioPath audio, List<LineStatus> lines,
        boolean dnd, boolean forward, boolean callWaiting, int missedCalls, boolean locked) {

    public static final PhoneStatus IDLE = new PhoneStatus(CallState.IDLE, List.of(), Optional.empty(), AudioPath.NONE, List.of(),
            false, false, true, 0, false);

    public PhoneStatus {
        Objects.requireNonNull(state, "state");
        calls = List.copyOf(calls);
        Objects.requireNonNull(focus, "focus");
        Objects.requireNonNull(audio, "audio");
        lines = List.copyOf(lines);
    }

    /** New voice messages over every account. */
    public int newMessages() {
        return lines.stream().mapToInt(line -> line.messages().newMessages()).sum();
    }

    /** Whether some voice message waits on any account. */
    public boolean messageWaiting() {
        return lines.stream().anyMatch(line -> line.messages().waiting() || line.messages().newMessages() > 0);
    }

    /** The account's line, if it is set up. */
    public Optional<LineStatus> line(int account) {
        return lines.stream().filter(line -> line.account() == account).findFirst();
    }
}
