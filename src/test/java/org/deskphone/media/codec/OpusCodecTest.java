package org.deskphone.media.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.deskphone.media.TestAudio;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Opus through Concentus at each bandwidth of the manual (seed L5010-5016, L5046). */
class OpusCodecTest {

    @ParameterizedTest
    @EnumSource(OpusBandwidth.class)
    void speechSurvivesAndTheBandwidthIsTheConfiguredOne(OpusBandwidth bandwidth) {
        CodecSettings settings = new CodecSettings(bandwidth, 24000, 5, 125);
        Codec codec = CodecType.OPUS.open(125, settings);
        int rate = bandwidth.sampleRate();
        assertThat(codec.sampleRate()).isEqualTo(rate);
        assertThat(codec.timestampStep(20)).as("RTP clock is 48 kHz whatever the rate").isEqualTo(960);
        short[] speech = TestAudio.speech(rate);
        int frame = codec.samplesPerPacket(20);
        byte[] packet = new byte[1500];
        short[] decoded = new short[(int) ((long) speech.length * 48000 / rate) + 960];
        int decodedFrame = codec.decoderSampleRate() / 50;
        assertThat(codec.decoderSampleRate()).isEqualTo(48000);
        int bytes = 0;
        int frames = speech.length / frame;
        for (int f = 0; f < frames; f++) {
            int n = codec.encoder().encode(speech, f * frame, frame, packet, 0);
            assertThat(n).isPositive();
            bytes += n;
            if (f == frames / 2) {
                int toc = packet[0] & 0xff;
                int config = toc >> 3;
                // RFC 6716 §3.1: SILK NB 0-3, MB 4-7, WB 8-11; hybrid SWB 12-13; CELT NB 16-19, WB 20-23, SWB 24-27
                boolean narrow = config <= 3 || (config >= 16 && config <= 19);
                boolean wide = (config >= 8 && config <= 11) || (config >= 20 && config <= 23);
                boolean superWide = config == 12 || config == 13 || (config >= 24 && config <= 27);
                switch (bandwidth) {
                    case NARROWBAND -> assertThat(narrow).as("TOC config %d is narrowband", config).isTrue();
                    case WIDEBAND -> assertThat(wide).as("TOC config %d is wideband", config).isTrue();
                    case SUPER_WIDEBAND -> assertThat(superWide || wide).as("TOC config %d is at most super-wideband", config).isTrue();
                }
            }
            assertThat(codec.decoder().decode(packet, 0, n, decoded, f * decodedFrame)).isEqualTo(decodedFrame);
        }
        double kbps = bytes * 8.0 / (frames * 0.02) / 1000;
        assertThat(kbps).as("average bitrate, kbit/s").isBetween(10.0, 30.0);
        Resampler back = new Resampler(48000, rate, decoded.length);
        short[] atRate = new short[frames * frame + 100];
        int n = back.process(decoded, 0, frames * decodedFrame, atRate, 0);
        assertThat(TestAudio.correlation(Arrays.copyOf(speech, frames * frame), Arrays.copyOf(atRate, n), rate / 50)).isGreaterThan(0.85);
    }

    @ParameterizedTest
    @EnumSource(OpusBandwidth.class)
    void lostPacketsAreConcealedWithSomethingHeard(OpusBandwidth bandwidth) {
        Codec codec = CodecType.OPUS.open(125, new CodecSettings(bandwidth, 24000, 5, 125));
        short[] speech = TestAudio.speech(bandwidth.sampleRate());
        int frame = codec.samplesPerPacket(20);
        byte[] packet = new byte[1500];
        short[] out = new short[codec.decoderSampleRate() / 50];
        for (int f = 0; f < 100; f++) {
            int n = codec.encoder().encode(speech, f * frame, frame, packet, 0);
            codec.decoder().decode(packet, 0, n, out, 0);
        }
        assertThat(codec.decoder().conceal(out, 0, out.length)).isEqualTo(out.length);
        assertThat(Arrays.stream(toInts(out)).map(Math::abs).max().orElse(0)).as("concealment is not silence").isPositive();
    }

    private static int[] toInts(short[] s) {
        int[] out = new int[s.length];
        for (int i = 0; i < s.length; i++) {
            out[i] = s[i];
        }
        return out;
    }
}
