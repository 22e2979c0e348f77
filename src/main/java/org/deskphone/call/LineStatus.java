package org.deskphone.call;

import java.util.Objects;
import org.deskphone.sip.MessageSummary;
import org.deskphone.sip.RegistrationStatus;

/**
 * One account (a "line") as the screens and LEDs show it.
 *
 * @param account      1-based, as in {@code account.X}
 * @param label        what the screen calls it: the account's label, else its display name, else its user
 * @param user         the user name it registers
 * @param registration where its registration stands
 * @param messages     its waiting voice messages
 * @param voicemail    the number that reaches its voice mail, blank when none is configured
 */
public record LineStatus(int account, String label, String user, RegistrationStatus registration, MessageSummary messages,
        String voicemail) {

    public LineStatus {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(registration, "registration");
        Objects.requireNonNull(messages, "messages");
        Objects.requireNonNull(voicemail, "voicemail");
    }

    public boolean registered() {
        return registration instanceof RegistrationStatus.Registered;
    }

    public boolean failed() {
        return registration instanceof RegistrationStatus.Failed;
    }
}
