package org.deskphone.keys;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The soft keys of the call states, as ALE's soft-key layouts name them (§8.11, seed L13141-13524). */
public enum SoftKey {
    EMPTY("Empty"),
    CALL("Call"),
    BACKSPACE("Backspace"),
    IME("IME"),
    CANCEL("Cancel"),
    DIRECTORY("Directory"),
    HISTORY("History"),
    BLIND_TRANSFER("Blind Transfer"),
    END("End"),
    TRANSFER("Transfer"),
    NEW_CALL("New Call"),
    TAKE("Take"),
    SILENT("Silent"),
    FORWARD("Forward"),
    REJECT("Reject"),
    HOLD("Hold"),
    CONFERENCE("Conference"),
    SWAP("Swap"),
    RESUME("Resume"),
    MANAGE("Manage"),
    SPLIT("Split"),
    /** Shows the next page of a layout that has more keys than the board (ALE digest A-32). */
    MORE("More");

    /** The manual's misprints, as they appear in its defaults (ALE digest A-31). */
    private static final Map<String, SoftKey> ALIASES = Map.of("emoty", EMPTY, "directoey", DIRECTORY, "slient", SILENT,
            "newcall", NEW_CALL, "blindtransfer", BLIND_TRANSFER);

    private final String aleName;

    SoftKey(String aleName) {
        this.aleName = aleName;
    }

    public String aleName() {
        return aleName;
    }

    /** The soft key a layout names: case and blanks do not matter, the manual's misprints are understood. */
    public static Optional<SoftKey> fromName(String name) {
        String key = name.replace(" ", "").toLowerCase(Locale.ROOT);
        if (ALIASES.containsKey(key)) {
            return Optional.of(ALIASES.get(key));
        }
        for (SoftKey soft : values()) {
            if (soft.aleName.replace(" ", "").toLowerCase(Locale.ROOT).equals(key)) {
                return Optional.of(soft);
            }
        }
        return Optional.empty();
    }
}
