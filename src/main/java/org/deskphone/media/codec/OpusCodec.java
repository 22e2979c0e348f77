package org.deskphone.media.codec;

import io.github.jaredmdobson.concentus.OpusApplication;
import io.github.jaredmdobson.concentus.OpusException;

/**
 * Opus (RFC 6716, RTP payload RFC 7587) through Concentus, the pure-Java port of libopus: mono VOIP encoding
 * at the bandwidth of the settings; decoding always at 48 kHz mono, because Concentus 1.0.2 decodes CELT and
 * hybrid packets (what other phones send, baresip's among them) to silence at 8 or 16 kHz, while at 48 kHz it
 * decodes everything, stereo packets mixed down. The RTP clock is always 48 kHz. Concentus' own concealment
 * is used for lost packets.
 */
final class OpusCodec {
    static final int DECODER_RATE = 48000;
    private static final int MAX_PACKET = 1275;

    private OpusCodec() {
    }

    private static io.github.jaredmdobson.concentus.OpusBandwidth bandwidth(OpusBandwidth bandwidth) {
        return switch (bandwidth) {
            case NARROWBAND -> io.github.jaredmdobson.concentus.OpusBandwidth.OPUS_BANDWIDTH_NARROWBAND;
            case WIDEBAND -> io.github.jaredmdobson.concentus.OpusBandwidth.OPUS_BANDWIDTH_WIDEBAND;
            case SUPER_WIDEBAND -> io.github.jaredmdobson.concentus.OpusBandwidth.OPUS_BANDWIDTH_SUPERWIDEBAND;
        };
    }

    static final class OpusEncoder implements Encoder {
        private final io.github.jaredmdobson.concentus.OpusEncoder encoder;
        private final CodecSettings settings;

        OpusEncoder(CodecSettings settings) {
            this.settings = settings;
            try {
                encoder = new io.github.jaredmdobson.concentus.OpusEncoder(
                        settings.opusBandwidth().sampleRate(), 1, OpusApplication.OPUS_APPLICATION_VOIP);
            } catch (OpusException e) {
                throw new IllegalArgumentException("cannot open the Opus encoder: " + e.getMessage(), e);
            }
            configure();
        }

        private void configure() {
            encoder.setBitrate(settings.opusBitrate());
            encoder.setComplexity(settings.opusComplexity());
            encoder.setMaxBandwidth(bandwidth(settings.opusBandwidth()));
        }

        @Override
        public int encode(short[] pcm, int offset, int samples, byte[] out, int outOffset) {
            try {
                return encoder.encode(pcm, offset, samples, out, outOffset, Math.min(MAX_PACKET, out.length - outOffset));
            } catch (OpusException e) {
                return 0; // a frame that cannot be coded is not sent; the far end conceals it
            }
        }

        @Override
        public void reset() {
            encoder.resetState();
            configure();
        }
    }

    static final class OpusDecoder implements Decoder {
        private final io.github.jaredmdobson.concentus.OpusDecoder decoder;
        private final int maxSamples;

        OpusDecoder(CodecSettings settings) {
            maxSamples = DECODER_RATE / 1000 * 120;
            try {
                decoder = new io.github.jaredmdobson.concentus.OpusDecoder(DECODER_RATE, 1);
            } catch (OpusException e) {
                throw new IllegalArgumentException("cannot open the Opus decoder: " + e.getMessage(), e);
            }
        }

        @Override
        public int decode(byte[] in, int offset, int length, short[] pcm, int pcmOffset) {
            try {
                return decoder.decode(in, offset, length, pcm, pcmOffset, Math.min(maxSamples, pcm.length - pcmOffset), false);
            } catch (OpusException e) {
                return 0; // a corrupt packet decodes to nothing; the jitter buffer conceals the gap
            }
        }

        @Override
        public int conceal(short[] pcm, int offset, int samples) {
            try {
                return decoder.decode(null, 0, 0, pcm, offset, samples, false);
            } catch (OpusException e) {
                java.util.Arrays.fill(pcm, offset, offset + samples, (short) 0);
                return samples;
            }
        }

        @Override
        public void reset() {
            decoder.resetState();
        }
    }
}
