package org.deskphone.media.bench;

import org.deskphone.media.codec.Codec;
import org.deskphone.media.codec.CodecSettings;
import org.deskphone.media.codec.CodecType;
import org.deskphone.media.codec.Resampler;
import org.deskphone.media.rtp.JitterBuffer;
import org.deskphone.media.rtp.JitterSettings;
import org.deskphone.media.rtp.RtpPacket;
import org.deskphone.media.srtp.SdesKey;
import org.deskphone.media.srtp.SrtpContext;
import org.deskphone.media.srtp.SrtpSuite;

/**
 * The CPU work of one 20 ms frame through the media path, both directions, without the kernel: 16 kHz
 * device frame → resample → encode → RTP header → SRTP protect, then SRTP unprotect → jitter buffer →
 * decode → resample back to the device rate. What the media thread and a socket thread spend per frame.
 */
public final class FramePath {
    private static final int DEVICE_RATE = 16000;
    private final Codec sender;
    private final Codec receiver;
    private final Resampler toCodec;
    private final Resampler toDevice;
    private final JitterBuffer jitter;
    private final SrtpContext protect;
    private final SrtpContext unprotect;
    private final short[] mic;
    private final short[] codecPcm = new short[8192];
    private final short[] decoded = new short[8192];
    private final short[] speaker = new short[8192];
    private final byte[] packet = new byte[1600];
    private final int packetSamples;
    private final int step;
    private int sequence;
    private long timestamp;
    private long now;
    private int position;

    public FramePath(CodecType type, boolean srtp, short[] speech16k) {
        CodecSettings settings = new CodecSettings(org.deskphone.media.codec.OpusBandwidth.WIDEBAND, 24000, 5, 125);
        this.sender = type.open(type.defaultPayloadType(), settings);
        this.receiver = type.open(type.defaultPayloadType(), settings);
        this.toCodec = new Resampler(DEVICE_RATE, sender.sampleRate(), 320);
        this.toDevice = new Resampler(receiver.decoderSampleRate(), DEVICE_RATE, 8192);
        this.jitter = new JitterBuffer(JitterSettings.DEFAULTS, sender.clockRate(), 20, 1500);
        SdesKey key = srtp ? SdesKey.generate(SrtpSuite.AES_CM_128_HMAC_SHA1_80, new java.security.SecureRandom()) : null;
        this.protect = srtp ? new SrtpContext(key) : null;
        this.unprotect = srtp ? new SrtpContext(key) : null;
        this.mic = speech16k;
        this.packetSamples = sender.samplesPerPacket(20);
        this.step = sender.timestampStep(20);
    }

    /** One frame out and one frame in; returns a sample of the speaker so that nothing is optimised away. */
    public int frame() {
        if (position + 320 > mic.length) {
            position = 0;
        }
        int n = toCodec.process(mic, position, 320, codecPcm, 0);
        position += 320;
        int payload = sender.encoder().encode(codecPcm, 0, n, packet, RtpPacket.HEADER);
        RtpPacket.writeHeader(packet, 0, sender.payloadType(), false, sequence, timestamp, 0x1234);
        int length = RtpPacket.HEADER + payload;
        if (protect != null) {
            length = protect.protect(packet, 0, length);
            length = unprotect.unprotect(packet, 0, length);
        }
        jitter.put(packet, RtpPacket.HEADER, length - RtpPacket.HEADER, sequence, timestamp, now);
        sequence = (sequence + 1) & 0xffff;
        timestamp += step;
        now += step;
        int got;
        if (jitter.poll() == JitterBuffer.PACKET) {
            got = receiver.decoder().decode(jitter.payload(), 0, jitter.payloadLength(), decoded, 0);
        } else {
            got = receiver.decoder().conceal(decoded, 0, receiver.decoderSampleRate() / 50);
        }
        int out = toDevice.process(decoded, 0, got, speaker, 0);
        return speaker[out / 2];
    }
}
