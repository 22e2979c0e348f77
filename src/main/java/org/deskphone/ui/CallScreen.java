package org.deskphone.ui;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.deskphone.call.CallInfo;
import org.deskphone.call.CallState;
import org.deskphone.call.PhoneStatus;
import org.deskphone.hal.Geometry;

/**
 * The screen of a call, above the soft keys: a title row with the state and the talk time (or the line), the
 * other party as the display mode says ({@code SettingCallInfoDisplayMode}, ALE L12366: 0 name and number, 1
 * number and name, 2 name, 3 number, 4 everything), and a detail row: the codec with "SRTP" for encrypted
 * audio, mute, a failure's reason, a dialling candidate; then the other calls when the display has room. A
 * two-row display shows the party and the time on one row.
 */
final class CallScreen {
    /** The icon of a held call (see {@code org.deskphone.hal.pi.Icons}). */
    static final String HELD_ICON = "\u23F8";
    static final String RINGING_ICON = "\u266A";

    private CallScreen() {
    }

    /**
     * The rows above the soft keys for {@code rowsAvailable} rows. {@code detail} overrides the detail row
     * (a dialling candidate, an auto-redial countdown) when not blank.
     */
    static List<String> render(Geometry geometry, int rowsAvailable, Texts t, PhoneStatus status, Instant now, int displayMode,
            String lineLabel, String detail) {
        int columns = geometry.columns();
        List<String> rows = new ArrayList<>();
        Optional<CallInfo> focused = status.focus();
        if (focused.isEmpty()) {
            return rows;
        }
        CallInfo call = focused.get();
        String[] party = party(t, call, displayMode);
        String right = right(t, call, now, lineLabel);
        if (rowsAvailable <= 1) {
            rows.add(Rows.spread(party[0].isEmpty() ? title(t, status.state(), call) : party[0], right, columns));
            return rows;
        }
        rows.add(Rows.spread(title(t, status.state(), call), right, columns));
        rows.add(Rows.cut(party[0], columns));
        if (rowsAvailable >= 3) {
            String index = status.calls().size() > 1 ? (status.calls().indexOf(call) + 1) + "/" + status.calls().size() : "";
            String third = !detail.isBlank() ? detail : !party[1].isBlank() ? party[1] : details(t, call);
            rows.add(Rows.spread(third, index, columns));
        }
        for (CallInfo other : status.calls()) {
            if (rows.size() >= rowsAvailable) {
                break;
            }
            if (other.id() != call.id()) {
                rows.add(Rows.spread(" " + other.remote().label(), shortStatus(t, other, now), columns));
            }
        }
        return rows;
    }

    /** The title: what is going on, in the words of the state. */
    static String title(Texts t, CallState state, CallInfo call) {
        return switch (state) {
            case DIAL, DIAL_EMPTY -> t.get("S_DIAL");
            case TRANS_DIAL, TRANS_DIAL_EMPTY -> t.get("S_TRANSFER_TO");
            case CONF_DIAL, CONF_DIAL_EMPTY -> t.get("S_ADD_PARTY");
            case CALLING -> t.get(call.status() == CallInfo.Status.RINGBACK ? "S_RINGBACK" : "S_CALLING");
            case TRANSFERRING -> t.get("S_TRANSFERRING");
            case CALL_FAILED -> t.get("S_CALL_FAILED");
            case RINGING -> RINGING_ICON + t.get("S_INCOMING");
            case NEW_CALLIN, CONF_NEW_CALLIN -> RINGING_ICON + t.get("S_WAITING");
            case CONVERSATION -> t.get(call.muted() ? "S_MUTED" : "S_TALKING");
            case HOLD -> HELD_ICON + t.get("S_ON_HOLD");
            case HELD -> t.get("S_HELD");
            case CONF -> t.get(call.muted() ? "S_MUTED" : "S_CONFERENCE");
            case CONF_HOLD -> HELD_ICON + t.get("S_CONFERENCE");
            default -> "";
        };
    }

    private static String right(Texts t, CallInfo call, Instant now, String lineLabel) {
        return switch (call.status()) {
            case TALKING, HELD, HELD_BY_REMOTE -> Rows.duration(call.talked(now));
            case RINGING, DIALING -> lineLabel;
            default -> "";
        };
    }

    /** Who, as the display mode says: the first row and the second (blank when the mode shows one). */
    static String[] party(Texts t, CallInfo call, int displayMode) {
        if (call.status() == CallInfo.Status.DIALING) {
            return new String[] {call.number() + "_", call.name()};
        }
        if (call.remote().anonymous()) {
            return new String[] {t.get("S_ANONYMOUS"), ""};
        }
        String name = call.name().isBlank() ? "" : call.name();
        String number = call.number().isBlank() ? call.remote().uri() : call.number();
        if (name.isEmpty()) {
            return new String[] {number, ""};
        }
        return switch (displayMode) {
            case 1 -> new String[] {number, name};
            case 2 -> new String[] {name, ""};
            case 3 -> new String[] {number, ""};
            default -> new String[] {name, number};
        };
    }

    /** The codec, SRTP and mute of a call; a failure's reason. */
    static String details(Texts t, CallInfo call) {
        if (call.status() == CallInfo.Status.FAILED) {
            return t.get(call.detail());
        }
        if (!call.detail().isBlank()) {
            return t.get("transfer_failed");
        }
        List<String> parts = new ArrayList<>();
        if (!call.codec().isBlank()) {
            parts.add(call.codec());
        }
        if (call.secure()) {
            parts.add(t.get("S_SECURE"));
        }
        if (call.muted()) {
            parts.add(t.get("S_MUTED"));
        }
        return String.join(" ", parts);
    }

    private static String shortStatus(Texts t, CallInfo call, Instant now) {
        return switch (call.status()) {
            case HELD -> HELD_ICON + Rows.duration(call.talked(now));
            case RINGING -> RINGING_ICON;
            case TALKING, HELD_BY_REMOTE -> Rows.duration(call.talked(now));
            case FAILED -> "x";
            default -> "...";
        };
    }
}
