package org.deskphone.dialplan;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * ALE's per-account dialing rule: country code, area code, external prefix with exceptions, minimum
 * length (seed 004 L6050-6125). The manual names the parameters and gives no algorithm (ALE digest
 * A-9). This is the one a PBX administrator expects from such settings (they are the "canonical number"
 * settings of PBX soft clients), applied to a complete number:
 * <ol>
 * <li>A number shorter than {@code MinNumberLength} is internal (an extension): unchanged.
 * <li>A service code (starting with {@code *} or {@code #}) is for the PBX itself: unchanged.
 * <li>A number starting with one of {@code ExternalPrefixExceptions} (a list separated by commas,
 *     semicolons or spaces) is unchanged.
 * <li>A number in international form ({@code +33 1 23 45 67 89}) becomes what one dials from the
 *     country {@code CountryCode}: the national form ({@code 0123456789}) for a number of that country,
 *     the international form ({@code 0044…} from France, {@code 011…} from the US) for others. A number
 *     the numbering plan does not know keeps its {@code +} form and gets no prefix.
 * <li>When {@code AreaCode} is set, the own area's trunk and area code are dropped, leaving the local
 *     number ({@code 030 1234567} → {@code 1234567} in Berlin with area code 30).
 * <li>{@code ExternalPrefix} (the PBX's outside-line code) goes in front.
 * </ol>
 * Country data comes from libphonenumber. The rule is off while {@code CountryCode} is blank, which the
 * manual calls mandatory for the feature (L6064).
 */
final class DialingRule {
    private static final PhoneNumberUtil NUMBERING = PhoneNumberUtil.getInstance();

    private final String region;
    private final String externalPrefix;
    private final int minLength;
    private final List<String> exceptions;
    private final String ownArea;

    private DialingRule(String region, String areaCode, String externalPrefix, int minLength, List<String> exceptions) {
        this.region = region;
        this.externalPrefix = externalPrefix;
        this.minLength = minLength;
        this.exceptions = List.copyOf(exceptions);
        String trunk = NUMBERING.getNddPrefixForRegion(region, true);
        this.ownArea = areaCode.isEmpty() ? "" : (trunk == null ? "" : trunk) + areaCode;
    }

    /** The rule, or null when it is off (blank country code). */
    static DialingRule of(DialPlanSettings.DialingRuleSettings settings, String prefix) throws DialPlanException {
        String country = settings.countryCode().strip().toUpperCase(Locale.ROOT);
        if (country.isEmpty()) {
            return null;
        }
        if (!NUMBERING.getSupportedRegions().contains(country)) {
            throw new DialPlanException(settings.countryCode(), -1,
                    "not an ISO 3166 alpha-2 country code the numbering plan knows").in(prefix + "CountryCode");
        }
        String area = settings.areaCode().strip();
        if (!area.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new DialPlanException(settings.areaCode(), -1, "an area code is digits only").in(prefix + "AreaCode");
        }
        String external = settings.externalPrefix().strip();
        if (!Symbols.allDialable(external)) {
            throw new DialPlanException(settings.externalPrefix(), -1, "a prefix holds only digits, *, # and +")
                    .in(prefix + "ExternalPrefix");
        }
        if (settings.minNumberLength() < 0) {
            throw new DialPlanException(String.valueOf(settings.minNumberLength()), -1, "a length cannot be negative")
                    .in(prefix + "MinNumberLength");
        }
        List<String> exceptions = new ArrayList<>();
        for (String exception : settings.exceptions().split("[,;\\s]+")) {
            if (exception.isEmpty()) {
                continue;
            }
            if (!Symbols.allDialable(exception)) {
                throw new DialPlanException(settings.exceptions(), settings.exceptions().indexOf(exception),
                        "an exception holds only digits, *, # and +").in(prefix + "ExternalPrefixExceptions");
            }
            exceptions.add(exception);
        }
        return new DialingRule(country, area, external, settings.minNumberLength(), exceptions);
    }

    String apply(String number) {
        if (number.length() < minLength || number.startsWith("*") || number.startsWith("#")) {
            return number;
        }
        for (String exception : exceptions) {
            if (number.startsWith(exception)) {
                return number;
            }
        }
        String dialable = number;
        if (number.startsWith("+")) {
            try {
                PhoneNumber parsed = NUMBERING.parse(number, region);
                dialable = keepDialable(NUMBERING.formatOutOfCountryCallingNumber(parsed, region));
            } catch (NumberParseException e) {
                return number;
            }
            if (dialable.startsWith("+")) {
                return number;
            }
        }
        if (!ownArea.isEmpty() && dialable.startsWith(ownArea) && dialable.length() > ownArea.length()) {
            dialable = dialable.substring(ownArea.length());
        }
        return externalPrefix + dialable;
    }

    private static String keepDialable(String formatted) {
        StringBuilder out = new StringBuilder(formatted.length());
        for (int i = 0; i < formatted.length(); i++) {
            char c = formatted.charAt(i);
            if (Symbols.isDialable(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return "dialing rule " + region + (externalPrefix.isEmpty() ? "" : " prefix " + externalPrefix);
    }
}
