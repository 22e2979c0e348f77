package org.deskphone.media.tones;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Built-in call-progress tones per country (the manuals name the countries but give no frequencies: ALE
 * {@code SettingCountryTone} codes 0-25, seed L4768; Yealink {@code voice.tone.country}, L4760-4835). The
 * values are those of the national plans as collected in ITU-T E.180 Supplement 2 and the widely used open
 * tone tables, written here from those; where a country's plan modulates a tone (Japan's 400 Hz with 16 Hz,
 * India's 400 Hz with 25 Hz) the plain carrier is played. Each country lists dial, busy,
 * ringback, congestion and call-waiting tones; the secondary dial tone is the dial tone unless a country
 * has its own, and the stutter tone is its dial tone broken into ten 100 ms beeps before it goes steady.
 */
public final class CountryTones {
    private static final Map<String, Map<ToneKind, Tone>> COUNTRIES = new LinkedHashMap<>();
    /** ALE {@code SettingCountryTone} codes 0-25 (99 is custom), in the manual's order. */
    private static final String[] ALE_CODES = {"uk", "fr", "de", "it", "es", "nl", "pt", "ca", "us", "hu", "cz", "sk",
        "si", "ee", "pl", "lt", "lv", "tr", "gr", "ru", "cn", "hk", "tw", "th", "kr", "jp"};
    private static final Map<String, String> YEALINK_NAMES = new LinkedHashMap<>();

    static {
        // country: dial | busy | ringback | congestion | call waiting   (Hz/ms, built-in grammar)
        define("uk", "350+440", "400/375,0/375", "400+450/400,0/200,400+450/400,0/2000", "400/400,0/350,400/225,0/525", "400/100,0/4000");
        define("fr", "440", "440/500,0/500", "440/1500,0/3500", "440/250,0/250", "440/300,0/10000");
        define("de", "425", "425/480,0/480", "425/1000,0/4000", "425/240,0/240", "425/200,0/200,425/200,0/5000");
        define("it", "425/200,0/200,425/600,0/1000", "425/500,0/500", "425/1000,0/4000", "425/200,0/200", "425/400,0/100,425/250,0/100,425/150,0/14000");
        define("es", "425", "425/200,0/200", "425/1500,0/3000", "425/200,0/200,425/200,0/200,425/200,0/600", "425/175,0/175,425/175,0/3500");
        define("nl", "425", "425/500,0/500", "425/1000,0/4000", "425/250,0/250", "425/500,0/9500");
        define("pt", "425", "425/500,0/500", "425/1000,0/5000", "425/200,0/200", "440/300,0/10000");
        define("ca", "350+440", "480+620/500,0/500", "440+480/2000,0/4000", "480+620/250,0/250", "440/300,0/10000");
        define("us", "350+440", "480+620/500,0/500", "440+480/2000,0/4000", "480+620/250,0/250", "440/300,0/10000");
        define("hu", "425", "425/300,0/300", "425/1250,0/3750", "425/300,0/300", "425/40,0/1960");
        define("cz", "425/330,0/330,425/660,0/660", "425/330,0/330", "425/1000,0/4000", "425/165,0/165", "425/330,0/9000");
        define("sk", "425/330,0/330,425/660,0/660", "425/330,0/330", "425/1000,0/4000", "425/165,0/165", "425/330,0/9000");
        define("si", "425", "425/500,0/500", "425/1000,0/4000", "425/250,0/250", "425/300,0/300,425/300,0/3900");
        define("ee", "425", "425/300,0/300", "425/1000,0/4000", "425/200,0/200", "950/650,0/325,950/325,0/30,1400/1300,0/2600");
        define("pl", "425", "425/500,0/500", "425/1000,0/4000", "425/500,0/500", "425/150,0/150,425/150,0/4000");
        define("lt", "425", "425/350,0/350", "425/1000,0/4000", "425/200,0/200", "425/150,0/150,425/150,0/4000");
        define("lv", "425", "425/350,0/350", "425/1000,0/4000", "425/180,0/180", "425/150,0/150,425/150,0/4000");
        define("tr", "450", "450/500,0/500", "450/2000,0/4000", "450/200,0/200,450/200,0/200,450/200,0/200,450/600,0/200", "450/200,0/600,450/200,0/8000");
        define("gr", "425/200,0/300,425/700,0/800", "425/300,0/300", "425/1000,0/4000", "425/200,0/200", "425/150,0/150,425/150,0/8000");
        define("ru", "425", "425/350,0/350", "425/800,0/3200", "425/350,0/350", "425/200,0/5000");
        define("cn", "450", "450/350,0/350", "450/1000,0/4000", "450/700,0/700", "450/400,0/4000");
        define("hk", "350+440", "480+620/500,0/500", "440+480/400,0/200,440+480/400,0/3000", "480+620/250,0/250", "440/100,0/200,440/100,0/3200");
        define("tw", "350+440", "480+620/500,0/500", "440+480/1000,0/2000", "480+620/250,0/250", "350+440/250,0/250,350+440/250,0/3250");
        define("th", "400", "400/500,0/500", "420/1000,0/5000", "400/300,0/300", "1000/400,0/10000");
        define("kr", "350+440", "480+620/500,0/500", "440+480/1000,0/2000", "480+620/250,0/250", "350+440/250,0/250,350+440/250,0/3250");
        define("jp", "400", "400/500,0/500", "400/1000,0/2000", "400/500,0/500", "400/500,0/8000");
        define("au", "413+438", "425/375,0/375", "413+438/400,0/200,413+438/400,0/2000", "425/375,0/375,420/375,0/375", "425/200,0/200,425/200,0/4400");
        define("at", "420", "420/400,0/400", "420/1000,0/5000", "420/200,0/200", "420/40,0/1960");
        define("br", "425", "425/250,0/250", "425/1000,0/4000", "425/250,0/250,425/750,0/250", "425/50,0/1000");
        define("be", "425", "425/500,0/500", "425/1000,0/3000", "425/167,0/167", "1400/175,0/175,1400/175,0/3500");
        define("dk", "425", "425/250,0/250", "425/1000,0/4000", "425/250,0/250", "425/200,0/600,425/200,0/3000");
        define("fi", "425", "425/300,0/300", "425/1000,0/4000", "425/200,0/200", "425/150,0/150,425/150,0/8000");
        define("in", "400", "400/750,0/750", "400/400,0/200,400/400,0/2000", "400/250,0/250", "400/200,0/100,400/200,0/7500");
        define("mx", "425", "425/250,0/250", "425/1000,0/4000", "425/250,0/250", "425/200,0/600,425/200,0/10000");
        define("nz", "400", "400/500,0/500", "400+450/400,0/200,400+450/400,0/2000", "400/250,0/250", "400/250,0/250,400/250,0/3250");
        define("no", "425", "425/500,0/500", "425/1000,0/4000", "425/200,0/200", "425/200,0/600,425/200,0/10000");
        define("ch", "425", "425/500,0/500", "425/1000,0/4000", "425/200,0/200", "425/200,0/200,425/200,0/4000");
        define("se", "425", "425/250,0/250", "425/1000,0/5000", "425/250,0/750", "425/200,0/500,425/200,0/9100");
        define("cl", "400", "400/500,0/500", "400/1000,0/3000", "400/200,0/200", "900+1300/500,0/500,1300/500,0/2000");

        String[][] yealink = {{"Australia", "au"}, {"Austria", "at"}, {"Brazil", "br"}, {"Belgium", "be"}, {"China", "cn"},
            {"Czech", "cz"}, {"Denmark", "dk"}, {"Finland", "fi"}, {"France", "fr"}, {"Germany", "de"}, {"Great Britain", "uk"},
            {"Greece", "gr"}, {"Hungary", "hu"}, {"Lithuania", "lt"}, {"India", "in"}, {"Italy", "it"}, {"Japan", "jp"},
            {"Mexico", "mx"}, {"New Zealand", "nz"}, {"Netherlands", "nl"}, {"Norway", "no"}, {"Portugal", "pt"},
            {"Spain", "es"}, {"Switzerland", "ch"}, {"Sweden", "se"}, {"Russia", "ru"}, {"United States", "us"},
            {"Chile", "cl"}, {"Czech ETSI", "cz"}};
        for (String[] pair : yealink) {
            YEALINK_NAMES.put(pair[0].toLowerCase(Locale.ROOT), pair[1]);
        }
    }

    private CountryTones() {
    }

    private static void define(String country, String dial, String busy, String ringback, String congestion, String waiting) {
        Map<ToneKind, Tone> tones = new EnumMap<>(ToneKind.class);
        Tone dialTone = ToneGrammar.BUILT_IN.parse(dial);
        tones.put(ToneKind.DIAL, dialTone);
        tones.put(ToneKind.SECONDARY_DIAL, dialTone);
        tones.put(ToneKind.BUSY, ToneGrammar.BUILT_IN.parse(busy));
        tones.put(ToneKind.RINGBACK, ToneGrammar.BUILT_IN.parse(ringback));
        tones.put(ToneKind.CONGESTION, ToneGrammar.BUILT_IN.parse(congestion));
        tones.put(ToneKind.CALL_WAITING, ToneGrammar.BUILT_IN.parse(waiting));
        tones.put(ToneKind.STUTTER, stutter(dialTone));
        COUNTRIES.put(country, tones);
    }

    private static Tone stutter(Tone dial) {
        List<Integer> frequencies = dial.cycle().get(0).frequencies();
        List<Tone.Segment> beeps = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            beeps.add(new Tone.Segment(frequencies, 100));
            beeps.add(new Tone.Segment(List.of(), 100));
        }
        return new Tone(beeps, List.of(new Tone.Segment(frequencies, Tone.Segment.FOREVER)));
    }

    /** Country keys known, such as {@code uk}, {@code de}, {@code us}. */
    public static List<String> countries() {
        return List.copyOf(COUNTRIES.keySet());
    }

    public static Tone tone(String country, ToneKind kind) {
        Map<ToneKind, Tone> tones = COUNTRIES.get(country);
        if (tones == null) {
            throw new IllegalArgumentException("no built-in tones for country '" + country + "'");
        }
        return tones.get(kind);
    }

    /** The country of an ALE {@code SettingCountryTone} code (0 UK ... 25 Japan); empty for 99 (custom). */
    public static Optional<String> fromAleCode(int code) {
        if (code == 99) {
            return Optional.empty();
        }
        if (code < 0 || code >= ALE_CODES.length) {
            throw new IllegalArgumentException("SettingCountryTone is 0-25 or 99, not " + code);
        }
        return Optional.of(ALE_CODES[code]);
    }

    /** The country of a Yealink {@code voice.tone.country} name; empty for {@code Custom}. */
    public static Optional<String> fromYealinkName(String name) {
        if (name.trim().equalsIgnoreCase("custom")) {
            return Optional.empty();
        }
        String country = YEALINK_NAMES.get(name.trim().toLowerCase(Locale.ROOT));
        if (country == null) {
            throw new IllegalArgumentException("voice.tone.country '" + name + "' is not one of " + YEALINK_NAMES.keySet());
        }
        return Optional.of(country);
    }
}
