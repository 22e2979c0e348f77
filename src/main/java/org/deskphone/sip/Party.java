package org.deskphone.sip;

import java.util.Locale;
import java.util.Optional;

/**
 * The other side of a call as the screen shows it: a display name, the SIP URI, and its user part (the
 * number to call back). Anonymous callers (RFC 3323: {@code anonymous@anonymous.invalid}, or privacy
 * asked for) have no number to show.
 */
public record Party(String displayName, String uri, String user, boolean anonymous) {

    public static Party of(String displayName, String uri) {
        String name = displayName == null ? "" : displayName.trim();
        String user = userOf(uri);
        boolean anonymous = user.equalsIgnoreCase("anonymous") || uri.toLowerCase(Locale.ROOT).contains("anonymous.invalid")
                || name.equalsIgnoreCase("anonymous");
        return new Party(name, uri, user, anonymous);
    }

    /** What the LCD shows: the name, else the number, else "Anonymous". */
    public String label() {
        if (anonymous) {
            return "Anonymous";
        }
        return !displayName.isEmpty() ? displayName : !user.isEmpty() ? user : uri;
    }

    public Party anonymised() {
        return new Party(displayName, uri, user, true);
    }

    static String userOf(String uri) {
        String text = uri;
        int colon = text.indexOf(':');
        if (colon >= 0 && (text.startsWith("sip") || text.startsWith("tel"))) {
            text = text.substring(colon + 1);
        }
        int at = text.indexOf('@');
        if (at < 0) {
            return text.startsWith("+") || text.matches("[0-9*#]+.*") ? cut(text) : "";
        }
        return cut(text.substring(0, at));
    }

    private static String cut(String user) {
        int semicolon = user.indexOf(';');
        return semicolon < 0 ? user : user.substring(0, semicolon);
    }

    static Optional<Party> maybe(String displayName, String uri) {
        return uri == null || uri.isBlank() ? Optional.empty() : Optional.of(of(displayName, uri));
    }
}
