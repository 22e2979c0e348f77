package org.deskphone.call;

import java.util.Locale;
import java.util.Optional;

/**
 * What the phone is doing, as the ALE manual names its call states for soft-key layouts (§8.11, seed
 * L12519-13548; {@code SettingCustomSoftkeyStateList}, L13010), plus the idle state. The screen and the
 * soft keys follow it.
 */
public enum CallState {
    IDLE("Idle"),
    DIAL("Dial"),
    DIAL_EMPTY("DialEmpty"),
    TRANS_DIAL("TransDial"),
    TRANS_DIAL_EMPTY("TransDialEmpty"),
    CONF_DIAL("ConfDial"),
    CONF_DIAL_EMPTY("ConfDialEmpty"),
    CALLING("Calling"),
    TRANSFERRING("Transferring"),
    CALL_FAILED("CallFailed"),
    RINGING("Ringing"),
    NEW_CALLIN("NewCallin"),
    CONF_NEW_CALLIN("ConfNewCallin"),
    CONVERSATION("Conversation"),
    HOLD("Hold"),
    HELD("Held"),
    CONF("Conf"),
    CONF_HOLD("ConfHold"),
    BE_TRANS("BeTrans"),
    PAGING("Paging"),
    LISTENING("Listening");

    private final String aleName;

    CallState(String aleName) {
        this.aleName = aleName;
    }

    /** The manual's name, as in {@code SettingCustomSoftkeyStateList}. */
    public String aleName() {
        return aleName;
    }

    /**
     * The state a name of the state list means: case and blanks do not matter, and the manual's own
     * spelling {@code Listenning} (L13010) is understood (ALE digest A-31).
     */
    public static Optional<CallState> fromName(String name) {
        String key = name.replace(" ", "").toLowerCase(Locale.ROOT);
        if (key.equals("listenning")) {
            key = "listening";
        }
        for (CallState state : values()) {
            if (state.aleName.toLowerCase(Locale.ROOT).equals(key)) {
                return Optional.of(state);
            }
        }
        return Optional.empty();
    }
}
