package org.deskphone.media.codec;

import java.util.Locale;
import java.util.Optional;

/**
 * Every audio codec the manuals name, with what SDP needs to offer it: the RTP encoding name, clock rate,
 * channel count, static or default dynamic payload type, and fmtp. Payload types and defaults follow the ALE
 * manual's codec table (seed L4966-5007) and RFC 3551. G.729 and iLBC are listed because the manuals list
 * them, and are {@linkplain #supported() unsupported}: no pure-Java implementation is carried, and they are
 * never offered or accepted.
 */
public enum CodecType {
    PCMU("PCMU", 0, 8000, 8000, 1, 10, 40),
    PCMA("PCMA", 8, 8000, 8000, 1, 10, 40),
    G722("G722", 9, 8000, 16000, 1, 10, 40),
    G726_16("G726-16", 111, 8000, 8000, 1, 10, 30),
    G726_24("G726-24", 112, 8000, 8000, 1, 10, 30),
    G726_32("G726-32", 113, 8000, 8000, 1, 10, 30),
    G726_40("G726-40", 114, 8000, 8000, 1, 10, 30),
    OPUS("opus", 125, 48000, 48000, 2, 10, 20),
    G729("G729", 18, 8000, 8000, 1, 10, 80),
    ILBC("iLBC", 98, 8000, 8000, 1, 20, 30);

    private final String encodingName;
    private final int defaultPayloadType;
    private final int clockRate;
    private final int sampleRate;
    private final int channels;
    private final int minPtime;
    private final int maxPtime;

    CodecType(String encodingName, int defaultPayloadType, int clockRate, int sampleRate, int channels,
            int minPtime, int maxPtime) {
        this.encodingName = encodingName;
        this.defaultPayloadType = defaultPayloadType;
        this.clockRate = clockRate;
        this.sampleRate = sampleRate;
        this.channels = channels;
        this.minPtime = minPtime;
        this.maxPtime = maxPtime;
    }

    /** The encoding name of {@code a=rtpmap}. */
    public String encodingName() {
        return encodingName;
    }

    /** The static payload type, or the manual's default dynamic one (G.726: 111-114, Opus: 125, iLBC: 98). */
    public int defaultPayloadType() {
        return defaultPayloadType;
    }

    /** The RTP timestamp clock (8000 for G.722 although it samples at 16 kHz; 48000 for Opus). */
    public int clockRate() {
        return clockRate;
    }

    /** The channel count written in {@code a=rtpmap} (2 for Opus, RFC 7587 §7). */
    public int channels() {
        return channels;
    }

    /** The PCM rate of encoder and decoder, given the settings (Opus depends on the bandwidth). */
    public int sampleRate(CodecSettings settings) {
        return this == OPUS ? settings.opusBandwidth().sampleRate() : sampleRate;
    }

    /** Packet times the manual allows for this codec (seed L5092-5124). */
    public boolean allowsPtime(int ptime) {
        return ptime >= minPtime && ptime <= maxPtime && ptime % 10 == 0;
    }

    public boolean supported() {
        return this != G729 && this != ILBC;
    }

    /** Why an unsupported codec is not offered, for logs and the web UI; empty for supported ones. */
    public Optional<String> whyUnsupported() {
        return switch (this) {
            case G729 -> Optional.of("G.729 is not supported: no pure-Java implementation is carried (bcg729 is native and GPL)");
            case ILBC -> Optional.of("iLBC is not supported: no pure-Java implementation is carried");
            default -> Optional.empty();
        };
    }

    /** The {@code a=fmtp} parameters to offer, or empty. */
    public Optional<String> fmtp(CodecSettings settings) {
        if (this == OPUS) {
            int rate = settings.opusBandwidth().sampleRate();
            return Optional.of("maxplaybackrate=" + rate + ";sprop-maxcapturerate=" + rate
                    + ";maxaveragebitrate=" + settings.opusBitrate() + ";useinbandfec=0");
        }
        if (this == G729) {
            return Optional.of("annexb=no");
        }
        if (this == ILBC) {
            return Optional.of("mode=30");
        }
        return Optional.empty();
    }

    /** The codec an {@code a=rtpmap} names ({@code G722/8000}, {@code opus/48000/2}, case-insensitive). */
    public static Optional<CodecType> fromRtpmap(String encodingName, int clockRate) {
        String name = encodingName.toUpperCase(Locale.ROOT);
        for (CodecType type : values()) {
            if (type.encodingName.toUpperCase(Locale.ROOT).equals(name) && type.clockRate == clockRate) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /** The codec the ALE manual's {@code AccountXAudioCodec} list means by payload type {@code code} (seed L5024). */
    public static Optional<CodecType> fromManualCode(int code) {
        for (CodecType type : values()) {
            if (type.defaultPayloadType == code) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /** Opens an encoder/decoder pair for a stream. */
    public Codec open(int payloadType, CodecSettings settings) {
        if (!supported()) {
            throw new IllegalArgumentException(whyUnsupported().orElseThrow());
        }
        int decoderRate = this == OPUS ? OpusCodec.DECODER_RATE : sampleRate(settings);
        return new Codec(this, payloadType, sampleRate(settings), decoderRate, newEncoder(settings), newDecoder(settings));
    }

    private Encoder newEncoder(CodecSettings settings) {
        return switch (this) {
            case PCMU -> G711.encoder(true);
            case PCMA -> G711.encoder(false);
            case G722 -> new G722.G722Encoder();
            case G726_16 -> new G726.G726Encoder(2);
            case G726_24 -> new G726.G726Encoder(3);
            case G726_32 -> new G726.G726Encoder(4);
            case G726_40 -> new G726.G726Encoder(5);
            case OPUS -> new OpusCodec.OpusEncoder(settings);
            default -> throw new IllegalStateException(name());
        };
    }

    private Decoder newDecoder(CodecSettings settings) {
        return switch (this) {
            case PCMU -> G711.decoder(true);
            case PCMA -> G711.decoder(false);
            case G722 -> new G722.G722Decoder();
            case G726_16 -> new G726.G726Decoder(2);
            case G726_24 -> new G726.G726Decoder(3);
            case G726_32 -> new G726.G726Decoder(4);
            case G726_40 -> new G726.G726Decoder(5);
            case OPUS -> new OpusCodec.OpusDecoder(settings);
            default -> throw new IllegalStateException(name());
        };
    }
}
