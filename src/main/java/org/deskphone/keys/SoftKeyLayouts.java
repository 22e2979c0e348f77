package org.deskphone.keys;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.deskphone.call.CallState;
import org.deskphone.call.PhoneSettings;
import org.tinylog.Logger;

/**
 * The soft keys of each call state: ALE's defaults for phones with four soft keys (§8.11, seed
 * L13141-13524), or the custom layout of a state when {@code phone_setting.custom_softkey_enable}
 * ({@code SettingCustomSoftkeyEnable}, L12996) is on and the state is in the state list (L13010). A layout
 * longer than the board's soft keys is shown in pages, the last key of each page being More (ALE digest A-32).
 */
public final class SoftKeyLayouts {
    private static final Map<CallState, List<SoftKey>> DEFAULTS = new EnumMap<>(CallState.class);
    private static final Map<CallState, String> SETTINGS = new EnumMap<>(CallState.class);

    static {
        define(CallState.DIAL, "softkey_layout.dial", "Call;Backspace;IME;Cancel");
        define(CallState.DIAL_EMPTY, "softkey_layout.dial_empty", "Directory;Empty;IME;Cancel");
        define(CallState.TRANS_DIAL, "softkey_layout.trans_dial", "Blind Transfer;Call;Backspace;Cancel");
        define(CallState.TRANS_DIAL_EMPTY, "softkey_layout.trans_dial_empty", "Directory;Empty;IME;Cancel");
        define(CallState.CONF_DIAL, "softkey_layout.conf_dial", "Call;Backspace;IME;Cancel");
        define(CallState.CONF_DIAL_EMPTY, "softkey_layout.conf_dial_empty", "Directory;Empty;IME;Cancel");
        define(CallState.CALLING, "softkey_layout.calling", "Empty;Empty;Empty;End");
        define(CallState.TRANSFERRING, "softkey_layout.transferring", "Transfer;Empty;Empty;End");
        define(CallState.CALL_FAILED, "softkey_layout.call_failed", "Empty;Empty;Empty;End");
        define(CallState.RINGING, "softkey_layout.ringing", "Take;Silent;Forward;Reject");
        define(CallState.NEW_CALLIN, "softkey_layout.new_callin", "Empty;Take;Reject;End");
        define(CallState.CONF_NEW_CALLIN, "softkey_layout.conf_new_callin", "Empty;Take;Reject;End");
        define(CallState.CONVERSATION, "softkey_layout.conversation", "Hold;Transfer;Conference;End");
        define(CallState.HOLD, "softkey_layout.hold", "NewCall;Transfer;Resume;End");
        define(CallState.HELD, "softkey_layout.held", "Empty;Empty;Empty;End");
        define(CallState.CONF, "softkey_layout.conf", "Conference;Manage;Hold;Split;End");
        define(CallState.CONF_HOLD, "softkey_layout.conf_hold", "NewCall;Resume;Split;End");
        define(CallState.BE_TRANS, "softkey_layout.be_trans", "Empty;Empty;Empty;End");
        define(CallState.PAGING, "softkey_layout.paging", "Hold;Empty;Empty;End");
        define(CallState.LISTENING, "softkey_layout.listening", "Hold;Empty;Empty;End");
    }

    private SoftKeyLayouts() {
    }

    private static void define(CallState state, String setting, String layout) {
        DEFAULTS.put(state, parse(layout, setting));
        SETTINGS.put(state, setting);
    }

    /** The layout of {@code state}, whole (before paging). */
    public static List<SoftKey> layout(PhoneSettings s, CallState state) {
        if (state == CallState.IDLE) {
            return List.of();
        }
        if (s.bool("phone_setting.custom_softkey_enable") && customised(s, state)) {
            String custom = s.text(SETTINGS.get(state));
            if (!custom.isBlank()) {
                List<SoftKey> keys = parse(custom, SETTINGS.get(state));
                if (!keys.isEmpty()) {
                    return keys;
                }
            }
        }
        return DEFAULTS.get(state);
    }

    /**
     * Page {@code page} of a layout on {@code slots} soft keys: as many keys as fit, the last one More when
     * there are more than {@code slots}; pages wrap around.
     */
    public static List<SoftKey> page(List<SoftKey> layout, int slots, int page) {
        if (slots <= 0) {
            return List.of();
        }
        if (layout.size() <= slots) {
            return layout;
        }
        int perPage = Math.max(1, slots - 1);
        int pages = (layout.size() + perPage - 1) / perPage;
        int from = Math.floorMod(page, pages) * perPage;
        List<SoftKey> shown = new ArrayList<>(layout.subList(from, Math.min(layout.size(), from + perPage)));
        while (shown.size() < perPage) {
            shown.add(SoftKey.EMPTY);
        }
        shown.add(SoftKey.MORE);
        return shown;
    }

    private static boolean customised(PhoneSettings s, CallState state) {
        for (String name : s.text("softkey_layout.state_list").split("[;,]")) {
            Optional<CallState> listed = CallState.fromName(name.strip());
            if (listed.isPresent() && listed.get() == state) {
                return true;
            }
        }
        return false;
    }

    /** A layout: names separated by {@code ;} or {@code ,} (ALE digest A-31); unknown names are skipped. */
    static List<SoftKey> parse(String layout, String setting) {
        List<SoftKey> keys = new ArrayList<>();
        for (String name : layout.split("[;,]")) {
            if (name.isBlank()) {
                continue;
            }
            Optional<SoftKey> key = SoftKey.fromName(name.strip());
            if (key.isPresent()) {
                keys.add(key.get());
            } else {
                Logger.warn("{}: '{}' is not a soft key; left out", setting, name.strip());
            }
        }
        return List.copyOf(keys);
    }
}
