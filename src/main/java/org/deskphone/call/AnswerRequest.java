package org.deskphone.call;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An incoming INVITE's request to be answered without ringing (ALE seed L4694-4700, intercom L13680-13687):
 * {@code Answer-Mode: Auto} (RFC 5373), {@code Alert-Info: info = alert-autoanswer}, or
 * {@code Call-Info: ...;answer-after=N} in any case, answered after N seconds.
 */
final class AnswerRequest {
    private static final Pattern AFTER = Pattern.compile("answer-after\\s*=\\s*(\\d{1,6})", Pattern.CASE_INSENSITIVE);
    private static final Pattern AUTOANSWER = Pattern.compile("info\\s*=\\s*alert-autoanswer", Pattern.CASE_INSENSITIVE);
    private static final Pattern AUTO = Pattern.compile("^\\s*auto\\b", Pattern.CASE_INSENSITIVE);

    private AnswerRequest() {
    }

    /** How soon the caller asks to be answered, if it asks. */
    static Optional<Duration> of(Leg leg) {
        for (String value : leg.inviteHeaders("Answer-Mode")) {
            if (AUTO.matcher(value).find()) {
                return Optional.of(Duration.ZERO);
            }
        }
        for (String value : leg.inviteHeaders("Alert-Info")) {
            if (AUTOANSWER.matcher(value).find()) {
                return Optional.of(Duration.ZERO);
            }
        }
        for (String value : leg.inviteHeaders("Call-Info")) {
            Matcher after = AFTER.matcher(value);
            if (after.find()) {
                return Optional.of(Duration.ofSeconds(Math.min(Integer.parseInt(after.group(1)), 3600)));
            }
        }
        return Optional.empty();
    }
}
