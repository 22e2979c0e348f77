package org.deskphone.sip;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * DTMF carried in SIP INFO bodies, the three forms the manuals name (ALE seed L5367-5391, Yealink
 * {@code account.X.dtmf.info_type} seed L14297): {@code application/dtmf-relay} ({@code Signal=5},
 * {@code Duration=160}), {@code application/dtmf} (the digit alone) and {@code application/telephone-event}
 * (the RFC 4733 event payload, 4 bytes).
 */
final class DtmfInfo {
    static final String DIGITS = "0123456789*#ABCD";

    private DtmfInfo() {
    }

    static boolean valid(char digit) {
        return DIGITS.indexOf(Character.toUpperCase(digit)) >= 0;
    }

    /** The body for {@code digit}, lasting {@code millis}. */
    static byte[] body(DtmfInfoBody type, char digit, int millis) {
        char d = Character.toUpperCase(digit);
        return switch (type) {
            case DTMF_RELAY -> ("Signal=" + d + "\r\nDuration=" + millis + "\r\n").getBytes(StandardCharsets.US_ASCII);
            case DTMF -> String.valueOf(d).getBytes(StandardCharsets.US_ASCII);
            case TELEPHONE_EVENT -> {
                int units = Math.min(0xffff, millis * 8);
                yield new byte[] {(byte) DIGITS.indexOf(d), (byte) 0x8a, (byte) (units >> 8), (byte) units};
            }
        };
    }

    /** The digit an INFO carries, by its content type; empty when the body is not DTMF. */
    static Optional<Character> parse(String contentType, byte[] body) {
        if (contentType == null || body == null || body.length == 0) {
            return Optional.empty();
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        if (type.startsWith("application/dtmf-relay")) {
            for (String line : new String(body, StandardCharsets.US_ASCII).split("\r?\n")) {
                String[] parts = line.split("=", 2);
                if (parts.length == 2 && parts[0].trim().equalsIgnoreCase("signal")) {
                    return digit(parts[1].trim());
                }
            }
            return Optional.empty();
        }
        if (type.startsWith("application/dtmf")) {
            return digit(new String(body, StandardCharsets.US_ASCII).trim());
        }
        if (type.startsWith("application/telephone-event")) {
            int event = body[0] & 0xff;
            return event < DIGITS.length() ? Optional.of(DIGITS.charAt(event)) : Optional.empty();
        }
        return Optional.empty();
    }

    private static Optional<Character> digit(String text) {
        if (text.length() == 1 && valid(text.charAt(0))) {
            return Optional.of(Character.toUpperCase(text.charAt(0)));
        }
        // Some phones send event numbers: 10 for *, 11 for #.
        try {
            int event = Integer.parseInt(text);
            return event >= 0 && event < DIGITS.length() ? Optional.of(DIGITS.charAt(event)) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
