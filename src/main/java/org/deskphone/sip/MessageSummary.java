package org.deskphone.sip;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Waiting voice messages from a {@code message-summary} NOTIFY (RFC 3842): whether any wait, and the
 * counts of new and old voice messages ({@code Voice-Message: 2/8 (0/2)} reads 2 new, 8 old, urgent
 * counts in brackets).
 */
public record MessageSummary(boolean waiting, int newMessages, int oldMessages, int newUrgent, int oldUrgent) {
    public static final MessageSummary NONE = new MessageSummary(false, 0, 0, 0, 0);
    private static final Pattern VOICE = Pattern.compile(
            "(?im)^\\s*voice-message\\s*:\\s*(\\d+)\\s*/\\s*(\\d+)(?:\\s*\\(\\s*(\\d+)\\s*/\\s*(\\d+)\\s*\\))?");
    private static final Pattern WAITING = Pattern.compile("(?im)^\\s*messages-waiting\\s*:\\s*(yes|no)");

    /** Reads a {@code application/simple-message-summary} body; unknown or broken lines are ignored. */
    public static MessageSummary parse(String body) {
        Matcher waiting = WAITING.matcher(body);
        boolean any = waiting.find() && waiting.group(1).toLowerCase(Locale.ROOT).equals("yes");
        Matcher voice = VOICE.matcher(body);
        if (voice.find()) {
            return new MessageSummary(any, count(voice.group(1)), count(voice.group(2)), count(voice.group(3)), count(voice.group(4)));
        }
        return new MessageSummary(any, 0, 0, 0, 0);
    }

    private static int count(String digits) {
        if (digits == null) {
            return 0;
        }
        try {
            return Math.min(Integer.parseInt(digits), 99_999);
        } catch (NumberFormatException e) {
            return 99_999;
        }
    }
}
