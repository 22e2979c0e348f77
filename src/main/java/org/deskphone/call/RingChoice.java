package org.deskphone.call;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which ring tone an incoming call rings with. First a distinctive ring the caller's {@code Alert-Info} asks
 * for, in the ALE manual's precedence "{@code <urn:alert:tone:internal/external>} >> {@code ringtone} /
 * {@code MyMelody} >> {@code Bellcore-dr} >> {@code info=}" (seed L4596-4598), where {@code info=} and any
 * other text is matched against the configured Alert-Info texts (ALE {@code SettingRingerText}, L4605;
 * Yealink {@code distinctive_ring_tones.alert_info.X.text}, L8150); then the contact's (or its group's) ring
 * tone; then the account's; then the phone's.
 */
final class RingChoice {
    /** ALE's built-in melodies in the manual's order (L4352-4358): {@code ringtone-N} picks the N-th. */
    static final List<String> ALE_MELODIES = List.of("Light Bounce", "Discovery", "Lounge", "Uptown", "Morning Lights", "Miami",
            "Far East", "Hight Speed", "Rain Drops", "Deep Space", "Steam Train", "Happy", "Decrescendo", "Strident", "Peacefulness",
            "Verticals", "Classic Ring1", "Classic Ring2", "Classic Ring3", "Classic Ring4");
    private static final Pattern INTERNAL = Pattern.compile("urn:alert:tone:(internal|external)", Pattern.CASE_INSENSITIVE);
    private static final Pattern MELODY = Pattern.compile("(?:ringtone-|mymelody)(\\d{1,3})", Pattern.CASE_INSENSITIVE);
    private static final Pattern BELLCORE = Pattern.compile("bellcore-dr(\\d{1,3})", Pattern.CASE_INSENSITIVE);
    private static final int TEXTS = 10;

    private RingChoice() {
    }

    static String choose(PhoneSettings settings, int account, List<String> alertInfo, Optional<String> contactRing) {
        return distinctive(settings, account, alertInfo).or(() -> contactRing).or(() -> accountRing(settings, account))
                .orElseGet(() -> phoneRing(settings));
    }

    /** The ring an Alert-Info header asks for, if it asks for one this phone knows. */
    static Optional<String> distinctive(PhoneSettings settings, int account, List<String> alertInfo) {
        String header = String.join(",", alertInfo);
        if (header.isBlank()) {
            return Optional.empty();
        }
        Matcher internal = INTERNAL.matcher(header);
        if (internal.find()) {
            String which = internal.group(1).toLowerCase(Locale.ROOT);
            String own = account > 0 ? settings.text("account." + account + ".ring_" + which) : "";
            return Optional.of(own.isBlank() || own.equalsIgnoreCase("common") ? settings.text("phone_setting.ring_" + which) : own);
        }
        Matcher melody = MELODY.matcher(header);
        if (melody.find()) {
            int n = Integer.parseInt(melody.group(1));
            return Optional.of(n >= 1 && n <= ALE_MELODIES.size() ? ALE_MELODIES.get(n - 1) : "ringtone-" + n);
        }
        Matcher bellcore = BELLCORE.matcher(header);
        if (bellcore.find()) {
            return Optional.of("Bellcore-dr" + Integer.parseInt(bellcore.group(1)));
        }
        String lower = header.toLowerCase(Locale.ROOT);
        for (int x = 1; x <= TEXTS; x++) {
            String p = "distinctive_ring_tones.alert_info." + x + ".";
            String text = settings.text(p + "text").strip().toLowerCase(Locale.ROOT);
            if (text.isEmpty() || !lower.contains(text)) {
                continue;
            }
            if (!settings.text(p + "melody").isBlank()) {
                return Optional.of(settings.text(p + "melody"));
            }
            if (!settings.text(p + "ringer").isBlank()) {
                return Optional.of("Ring" + settings.text(p + "ringer") + ".wav");
            }
        }
        return Optional.empty();
    }

    /** The account's own ring: Yealink's {@code account.X.ringtone.ring_type} (L14608) or ALE's (L4475), not "Common". */
    static Optional<String> accountRing(PhoneSettings settings, int account) {
        if (account <= 0) {
            return Optional.empty();
        }
        for (String name : List.of("account." + account + ".ringtone.ring_type", "account." + account + ".ring_internal")) {
            String ring = settings.text(name);
            if (settings.isSet(name) && !ring.isBlank() && !ring.equalsIgnoreCase("common")) {
                return Optional.of(ring);
            }
        }
        return Optional.empty();
    }

    /** The phone's ring: Yealink's {@code phone_setting.ring_type} when it is set, else ALE's internal ring. */
    static String phoneRing(PhoneSettings settings) {
        return settings.isSet("phone_setting.ring_type") || !settings.isSet("phone_setting.ring_internal")
                ? settings.text("phone_setting.ring_type") : settings.text("phone_setting.ring_internal");
    }
}
