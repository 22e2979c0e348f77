package org.deskphone.voice;

import java.net.InetAddress;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.deskphone.config.Config;
import org.deskphone.config.ConfigChange;
import org.deskphone.config.Source;
import org.deskphone.media.MediaSettings;
import org.deskphone.media.PortRange;
import org.deskphone.media.codec.CodecSettings;
import org.deskphone.media.dtmf.DtmfSettings;
import org.deskphone.media.rtp.JitterSettings;
import org.deskphone.media.tones.CountryTones;
import org.deskphone.media.tones.Tone;
import org.deskphone.media.tones.ToneGrammar;
import org.deskphone.media.tones.ToneKind;
import org.deskphone.net.Dscp;
import org.tinylog.Logger;

/**
 * The one place that knows the configuration's parameter names for the media engine, by their canonical
 * names in the catalogue (each also answers to its Yealink and ALE spelling). Per-account codec settings
 * (order, payload types, Opus bandwidth, DTMF mode and payload type) are the SIP side's
 * ({@code SipConfiguration}); the voice DSCP is the network's ({@code NetworkService.qos()}). A value the
 * catalogue allows but the engine cannot use (a port range below 1024, a jitter minimum above its maximum,
 * a tone that does not parse) is logged with its names and the default is kept.
 */
public final class MediaConfiguration {
    /** Yealink {@code network.port.min_rtpport} / {@code max_rtpport} (seed Y3055-3079). */
    static final String MIN_RTP_PORT = "network.port.min_rtpport";
    static final String MAX_RTP_PORT = "network.port.max_rtpport";
    /** ALE {@code SettingJitterBufferMode/Min/Normal/Max} (A5236-5281): mode 0 adaptive, 1 static. */
    static final String ALE_JITTER = "voice.jitter_buffer.";
    /** Yealink {@code voice.jib.adaptive/min/normal/max} (Y4681-4740): adaptive 1, fixed 0. */
    static final String YEALINK_JITTER = "voice.jib.";
    /** ALE {@code SettingDtmfDuration} (A5417): codes 1-4 for 80, 100, 200, 250 ms. */
    static final String DTMF_DURATION = "voice.dtmf.duration";
    /** Yealink {@code features.dtmf.repetition} (Y9655): RFC 4733 end packets sent, 1-3. */
    static final String DTMF_REPETITION = "features.dtmf.repetition";
    /** ALE {@code SettingDtmfLevel} (A5445): in-band level bias, -6..6 dB. */
    static final String DTMF_LEVEL = "voice.dtmf.level";
    /** ALE {@code SIPConfPartyMax} (A13636): parties of a local conference, this phone included. */
    static final String CONFERENCE_PARTY_MAX = "sip.conf_party_max";
    /** Yealink {@code voice.tone.country} (Y4760): a country name or {@code Custom}. */
    static final String YEALINK_COUNTRY = "voice.tone.country";
    /** ALE {@code SettingCountryTone} (A4768): codes 0-25, 99 custom. */
    static final String ALE_COUNTRY = "voice.tone.country_code";
    /** Custom tones (Y4837, A4845-4919), used when the country is custom. */
    static final Map<ToneKind, String> CUSTOM_TONES = customTones();

    /** Every parameter read here. */
    static final List<String> NAMES = names();

    /** The sound card's rate when the device has no rate of its own: wideband, for G.722 and Opus. */
    public static final int DEFAULT_DEVICE_RATE = 16000;
    static final int FRAME_MILLIS = 20;

    private MediaConfiguration() {
    }

    /**
     * The engine's settings from {@code config}, with the voice DSCP the network decided and the sound
     * card's rate. Streams bind where their call's SIP runs; the bind address here is only the engine's
     * default, loopback.
     */
    public static MediaSettings read(Config config, Dscp rtp, int deviceRate) {
        return new MediaSettings(InetAddress.getLoopbackAddress(), ports(config), rtp.value(), jitter(config), dtmf(config),
                CodecSettings.DEFAULTS, deviceRate, FRAME_MILLIS, 0, true, conferencePartyMax(config), "deskphone");
    }

    /** Whether {@code change} touches a parameter read here. */
    public static boolean concerns(ConfigChange change) {
        return NAMES.stream().anyMatch(change.changed()::contains);
    }

    private static PortRange ports(Config config) {
        int first = config.integer(MIN_RTP_PORT);
        int last = config.integer(MAX_RTP_PORT);
        try {
            return new PortRange(first, last);
        } catch (IllegalArgumentException e) {
            Logger.warn("{} = {} and {} = {}: {}; RTP uses {}-{}", MIN_RTP_PORT, first, MAX_RTP_PORT, last, e.getMessage(),
                    PortRange.DEFAULT.first(), PortRange.DEFAULT.last());
            return PortRange.DEFAULT;
        }
    }

    /** Yealink's four when any of them was set, else ALE's (whose factory values are the engine's defaults). */
    private static JitterSettings jitter(Config config) {
        boolean yealink = List.of("adaptive", "min", "normal", "max").stream().anyMatch(n -> explicit(config, YEALINK_JITTER + n));
        String prefix = yealink ? YEALINK_JITTER : ALE_JITTER;
        boolean adaptive = yealink ? config.integer(YEALINK_JITTER + "adaptive") == 1 : config.integer(ALE_JITTER + "mode") == 0;
        int min = config.integer(prefix + "min");
        int normal = config.integer(prefix + "normal");
        int max = config.integer(prefix + "max");
        try {
            return new JitterSettings(adaptive, min, normal, max);
        } catch (IllegalArgumentException e) {
            Logger.warn("{}min/normal/max = {}/{}/{}: {}; the jitter buffer keeps {}", prefix, min, normal, max, e.getMessage(),
                    JitterSettings.DEFAULTS);
            return JitterSettings.DEFAULTS;
        }
    }

    private static DtmfSettings dtmf(Config config) {
        return new DtmfSettings(DtmfSettings.durationFromManualCode(config.integer(DTMF_DURATION)), config.integer(DTMF_REPETITION),
                config.integer(DTMF_LEVEL));
    }

    private static int conferencePartyMax(Config config) {
        return config.integer(CONFERENCE_PARTY_MAX);
    }

    /**
     * The call-progress tones: a Yealink country name that was set wins, then an ALE country code that was
     * set; otherwise, and for {@code Custom} / 99, the custom tones that are set (in the grammar of the file
     * that set them) over the ALE default country's (0, UK).
     */
    public static ToneSet tones(Config config) {
        String name = config.string(YEALINK_COUNTRY);
        int code = config.integer(ALE_COUNTRY);
        if (explicit(config, YEALINK_COUNTRY) && !name.equalsIgnoreCase("custom")) {
            return new ToneSet(CountryTones.fromYealinkName(name).orElseThrow(), Map.of());
        }
        if (explicit(config, ALE_COUNTRY) && code != 99) {
            return new ToneSet(CountryTones.fromAleCode(code).orElseThrow(), Map.of());
        }
        String country = CountryTones.fromAleCode(code).orElse(CountryTones.fromAleCode(0).orElseThrow());
        Map<ToneKind, Tone> custom = new EnumMap<>(ToneKind.class);
        CUSTOM_TONES.forEach((kind, parameter) -> custom(config, parameter).ifPresent(tone -> custom.put(kind, tone)));
        return new ToneSet(country, custom);
    }

    private static Optional<Tone> custom(Config config, String parameter) {
        Config.Value value = config.value(parameter);
        if (value.text().isBlank()) {
            return Optional.empty();
        }
        // ALE writes Freq/Duration;Freq/Duration, Yealink F1+F2/Duration,...: the file that set it says which.
        boolean ale = value.source().kind() == Source.Kind.PROVISIONED ? value.source().file().toLowerCase(java.util.Locale.ROOT).endsWith(".xml")
                : value.text().contains(";");
        ToneGrammar grammar = ale ? ToneGrammar.ALE : ToneGrammar.YEALINK;
        try {
            return Optional.of(grammar.parse(value.text()));
        } catch (IllegalArgumentException e) {
            Logger.warn("{} = '{}' is not a {} tone ({}); the country's tone plays", parameter, value.text(), grammar, e.getMessage());
            return Optional.empty();
        }
    }

    private static boolean explicit(Config config, String name) {
        return config.source(name).kind() != Source.Kind.FACTORY;
    }

    private static Map<ToneKind, String> customTones() {
        Map<ToneKind, String> names = new LinkedHashMap<>();
        names.put(ToneKind.DIAL, "voice.tone.dial");
        names.put(ToneKind.SECONDARY_DIAL, "voice.tone.secondary_dial");
        names.put(ToneKind.RINGBACK, "voice.tone.ring");
        names.put(ToneKind.BUSY, "voice.tone.busy");
        names.put(ToneKind.CONGESTION, "voice.tone.congestion");
        names.put(ToneKind.CALL_WAITING, "voice.tone.callwaiting");
        names.put(ToneKind.STUTTER, "voice.tone.stutter");
        return names;
    }

    private static List<String> names() {
        List<String> names = new java.util.ArrayList<>(List.of(MIN_RTP_PORT, MAX_RTP_PORT, DTMF_DURATION, DTMF_REPETITION, DTMF_LEVEL,
                CONFERENCE_PARTY_MAX, YEALINK_COUNTRY, ALE_COUNTRY));
        for (String n : List.of("mode", "min", "normal", "max")) {
            names.add(ALE_JITTER + n);
        }
        for (String n : List.of("adaptive", "min", "normal", "max")) {
            names.add(YEALINK_JITTER + n);
        }
        names.addAll(CUSTOM_TONES.values());
        return List.copyOf(names);
    }
}
