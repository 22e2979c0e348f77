package org.deskphone.media.codec;

/**
 * One open codec of a stream: its type, the payload type negotiated for it, the PCM rate its encoder and
 * decoder run at, and the pair itself. Owned by one stream; used only on the media thread.
 */
public final class Codec {
    private final CodecType type;
    private final int payloadType;
    private final int sampleRate;
    private final int decoderSampleRate;
    private final Encoder encoder;
    private final Decoder decoder;

    Codec(CodecType type, int payloadType, int sampleRate, int decoderSampleRate, Encoder encoder, Decoder decoder) {
        if (payloadType < 0 || payloadType > 127) {
            throw new IllegalArgumentException("payload type must be 0-127: " + payloadType);
        }
        this.type = type;
        this.payloadType = payloadType;
        this.sampleRate = sampleRate;
        this.decoderSampleRate = decoderSampleRate;
        this.encoder = encoder;
        this.decoder = decoder;
    }

    public CodecType type() {
        return type;
    }

    public int payloadType() {
        return payloadType;
    }

    /** PCM samples per second into the encoder. */
    public int sampleRate() {
        return sampleRate;
    }

    /** PCM samples per second out of the decoder (the same, except Opus, which is decoded at 48 kHz). */
    public int decoderSampleRate() {
        return decoderSampleRate;
    }

    /** PCM samples in one packet of {@code ptime} ms. */
    public int samplesPerPacket(int ptime) {
        return sampleRate / 1000 * ptime;
    }

    /** How far the RTP timestamp moves for one packet of {@code ptime} ms. */
    public int timestampStep(int ptime) {
        return type.clockRate() / 1000 * ptime;
    }

    /** RTP timestamp units per PCM sample, as a ratio: clockRate / sampleRate. */
    public int clockRate() {
        return type.clockRate();
    }

    public Encoder encoder() {
        return encoder;
    }

    public Decoder decoder() {
        return decoder;
    }

    @Override
    public String toString() {
        return type.encodingName() + "/" + type.clockRate() + " (PT " + payloadType + ", " + sampleRate + " Hz PCM)";
    }
}
