package org.deskphone.net.syslog;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.tinylog.Level;

/**
 * One RFC 5424 message: {@code <PRI>1 TIMESTAMP HOSTNAME APP-NAME PROCID MSGID - MSG}, with the header
 * fields cut to their RFC lengths and made printable, and the transports' framing.
 */
public final class SyslogMessage {
    public static final String APP_NAME = "deskphone";
    /** RFC 5426 §3.2: receivers must take 480 bytes and should take 2048; longer UDP messages are cut. */
    static final int UDP_LIMIT = 2048;
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private SyslogMessage() {
    }

    /** The RFC 5424 severity of a tinylog level: error 3, warning 4, info 6, debug and trace 7. */
    public static int severity(Level level) {
        return switch (level) {
            case ERROR -> 3;
            case WARN -> 4;
            case INFO -> 6;
            default -> 7;
        };
    }

    /** The message as text, without framing. */
    public static String format(int facility, int severity, Instant time, String hostname, long processId, String messageId,
            String text) {
        return "<" + (facility * 8 + severity) + ">1 " + TIMESTAMP.format(time) + " " + field(hostname, 255) + " "
                + APP_NAME + " " + processId + " " + field(messageId, 32) + " - " + text;
    }

    /** UDP: the message alone, cut at {@link #UDP_LIMIT} bytes on a character boundary. */
    static byte[] datagram(String message) {
        byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= UDP_LIMIT) {
            return bytes;
        }
        int end = UDP_LIMIT;
        while (end > 0 && (bytes[end] & 0xc0) == 0x80) {
            end--;
        }
        byte[] cut = new byte[end];
        System.arraycopy(bytes, 0, cut, 0, end);
        return cut;
    }

    /** TCP and TLS: octet counting, {@code LENGTH SP MESSAGE} (RFC 6587 §3.4.1, RFC 5425 §4.3). */
    static byte[] frame(String message) {
        byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
        byte[] prefix = (bytes.length + " ").getBytes(StandardCharsets.US_ASCII);
        byte[] framed = new byte[prefix.length + bytes.length];
        System.arraycopy(prefix, 0, framed, 0, prefix.length);
        System.arraycopy(bytes, 0, framed, prefix.length, bytes.length);
        return framed;
    }

    /** A header field: printable US-ASCII without spaces, at most {@code max} long, {@code -} when empty. */
    static String field(String value, int max) {
        if (value == null || value.isEmpty()) {
            return "-";
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < value.length() && out.length() < max; i++) {
            char c = value.charAt(i);
            out.append(c > 32 && c < 127 ? c : '_');
        }
        return out.toString();
    }
}
