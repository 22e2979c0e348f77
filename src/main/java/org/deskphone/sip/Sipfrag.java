package org.deskphone.sip;

import java.nio.charset.StandardCharsets;
import java.util.OptionalInt;

/** The status line of a {@code message/sipfrag} body in a transfer's NOTIFY (RFC 3515 §2.4.5). */
final class Sipfrag {

    private Sipfrag() {
    }

    /** {@code SIP/2.0 180 Ringing} gives 180; anything else gives empty. */
    static OptionalInt status(byte[] body) {
        if (body == null) {
            return OptionalInt.empty();
        }
        String text = new String(body, StandardCharsets.UTF_8).strip();
        String[] parts = text.split("\\s+", 3);
        if (parts.length >= 2 && parts[0].regionMatches(true, 0, "SIP/", 0, 4)) {
            try {
                int code = Integer.parseInt(parts[1]);
                return code >= 100 && code < 700 ? OptionalInt.of(code) : OptionalInt.empty();
            } catch (NumberFormatException e) {
                return OptionalInt.empty();
            }
        }
        return OptionalInt.empty();
    }

    static byte[] body(int code, String reason) {
        return ("SIP/2.0 " + code + " " + reason + "\r\n").getBytes(StandardCharsets.UTF_8);
    }
}
