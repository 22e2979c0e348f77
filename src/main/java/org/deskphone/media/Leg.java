package org.deskphone.media;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;
import org.deskphone.media.codec.Codec;
import org.deskphone.media.codec.CodecSettings;
import org.deskphone.media.codec.Resampler;
import org.deskphone.media.dtmf.DtmfDetector;
import org.deskphone.media.dtmf.DtmfGenerator;
import org.deskphone.media.dtmf.TelephoneEventReceiver;
import org.deskphone.media.dtmf.TelephoneEventSender;
import org.deskphone.media.rtp.JitterBuffer;
import org.deskphone.media.rtp.PacketQueue;
import org.deskphone.media.rtp.ReceptionStatistics;
import org.deskphone.media.rtp.Rtcp;
import org.deskphone.media.rtp.RtpPacket;
import org.deskphone.media.srtp.SrtcpContext;
import org.deskphone.media.srtp.SrtpContext;

/**
 * One call leg as the media thread sees it: per frame, {@link #receive} drains the packets the socket thread
 * handed over into the jitter buffer and produces a frame at the device's rate; {@link #send} takes a frame
 * at the device's rate and sends as many packets as are due (audio, or RFC 4733 events), SRTP-protected when
 * keyed; every few seconds an RTCP report goes too. All buffers are allocated when the leg or its
 * {@link Config} is built, never per frame. Only the media thread touches a leg after it is added.
 */
final class Leg {
    private static final int FIFO = 16384;
    private static final int RTCP_MEAN_MILLIS = 5000;

    final MediaStream handle;
    private final MediaEngine engine;
    private final RtpTransport transport;
    private final int deviceRate;
    private final long ssrc;
    private final byte[] cname;

    private Config config;
    private int sequence;
    private long timestamp;
    private boolean firstPacket = true;
    private boolean muted;
    boolean conferenced;

    private final short[] sendFifo = new short[FIFO];
    private int sendCount;
    private final short[] receiveFifo = new short[FIFO];
    private int receiveCount;
    private final short[] detectBuffer = new short[FIFO];
    private final byte[] packet = new byte[1600];
    private final byte[] rtcpPacket = new byte[512];
    // Direct buffers: sending a heap buffer makes the JDK borrow a temporary direct one, and it allocates a
    // new one whenever a packet is larger than the one it cached (an RTCP report after small RTP packets).
    private final ByteBuffer packetOut = ByteBuffer.allocateDirect(1600);
    private final ByteBuffer rtcpOut = ByteBuffer.allocateDirect(512);
    private final ReceptionStatistics reception = new ReceptionStatistics();

    private long remoteSsrc = -1;
    private long lastPacketNanos;
    private boolean timedOut;
    private long rtcpDueNanos;

    volatile long packetsSent;
    volatile long octetsSent;
    volatile long packetsReceived;
    volatile long observedRemoteSsrc = -1;

    /** Everything that depends on the negotiated parameters; built on the phone loop, swapped in on the media thread. */
    static final class Config {
        final StreamParameters parameters;
        final Codec codec;
        final JitterBuffer jitter;
        final Resampler toCodec;
        final Resampler toDevice;
        final Resampler toDetector;
        final int packetSamples;
        final int timestampStep;
        final SrtpContext sendSrtp;
        final SrtcpContext sendSrtcp;
        final SrtpContext receiveSrtp;
        final SrtcpContext receiveSrtcp;
        final TelephoneEventSender eventSender;
        final TelephoneEventReceiver eventReceiver;
        final DtmfGenerator inband;
        final DtmfDetector detector;
        final InetSocketAddress remoteRtcp;

        Config(StreamParameters p, MediaSettings settings, CodecSettings codecs, int frameSamples) {
            this.parameters = p;
            this.remoteRtcp = p.rtcpAddress();
            this.codec = p.codec().open(p.payloadType(), codecs);
            int codecRate = codec.sampleRate();
            int maxCodecFrame = FIFO / 2;
            this.jitter = new JitterBuffer(settings.jitter(), codec.clockRate(), p.ptimeMillis(), 1500);
            this.toCodec = new Resampler(settings.deviceSampleRate(), codecRate, frameSamples);
            this.toDevice = new Resampler(codec.decoderSampleRate(), settings.deviceSampleRate(), maxCodecFrame);
            this.packetSamples = codec.samplesPerPacket(p.ptimeMillis());
            this.timestampStep = codec.timestampStep(p.ptimeMillis());
            if (p.secure()) {
                sendSrtp = new SrtpContext(p.sendKey());
                sendSrtcp = new SrtcpContext(p.sendKey());
                receiveSrtp = new SrtpContext(p.receiveKey());
                receiveSrtcp = new SrtcpContext(p.receiveKey());
            } else {
                sendSrtp = null;
                sendSrtcp = null;
                receiveSrtp = null;
                receiveSrtcp = null;
            }
            boolean events = p.telephoneEventPayloadType() >= 0;
            this.eventSender = p.dtmfMode() == DtmfMode.RFC4733 ? new TelephoneEventSender(codec.clockRate(), p.ptimeMillis(), settings.dtmf()) : null;
            this.eventReceiver = events ? new TelephoneEventReceiver(codec.clockRate()) : null;
            boolean inBand = p.dtmfMode() == DtmfMode.INBAND;
            this.inband = inBand ? new DtmfGenerator(codecRate, settings.dtmf()) : null;
            this.detector = inBand ? new DtmfDetector() : null;
            this.toDetector = inBand ? new Resampler(codec.decoderSampleRate(), 8000, maxCodecFrame) : null;
        }
    }

    Leg(MediaStream handle, MediaEngine engine, RtpTransport transport, MediaSettings settings) {
        this.handle = handle;
        this.engine = engine;
        this.transport = transport;
        this.deviceRate = settings.deviceSampleRate();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        this.ssrc = random.nextLong(1, 0xffffffffL);
        this.sequence = random.nextInt(0x10000);
        this.timestamp = random.nextLong(0x100000000L);
        this.cname = (settings.cname() + "@" + transport.port()).getBytes(StandardCharsets.US_ASCII);
    }

    long ssrc() {
        return ssrc;
    }

    /** Media thread: takes new parameters (start, re-INVITE, codec change, hold, new keys). */
    void apply(Config next, long now) {
        boolean first = config == null;
        boolean codecChanged = !first && (config.codec.type() != next.codec.type() || config.codec.payloadType() != next.codec.payloadType());
        config = next;
        if (first || codecChanged) {
            sendCount = 0;
            receiveCount = 0;
            firstPacket = true;
            remoteSsrc = -1;
            reception.reset();
        }
        if (first) {
            lastPacketNanos = now;
            rtcpDueNanos = now + 1_000_000_000L; // a first report soon, then about every 5 s
        }
    }

    void setMuted(boolean mute) {
        muted = mute;
    }

    /** Media thread: queues a digit the way the stream's DTMF mode says; false when it cannot. */
    boolean queueDigit(char digit) {
        if (config == null) {
            return false;
        }
        if (config.eventSender != null) {
            return config.eventSender.queue(digit);
        }
        if (config.inband != null) {
            return config.inband.queue(digit);
        }
        return false;
    }

    boolean hears() {
        return config != null && config.parameters.direction().receives();
    }

    /** Media thread: drains received packets and fills {@code out} with one frame at the device's rate. */
    void receive(short[] out, int samples, long now) {
        Config c = config;
        PacketQueue queue = transport.queue();
        int slot;
        while ((slot = queue.peek()) >= 0) {
            if (c != null) {
                handlePacket(c, queue.data(slot), queue.length(slot), queue.arrival(slot));
            }
            queue.release();
        }
        if (c == null) {
            Arrays.fill(out, 0, samples, (short) 0);
            return;
        }
        if (c.eventReceiver != null) {
            char digit = c.eventReceiver.tick(units(c, now));
            if (digit != 0) {
                engine.dtmfReceived(handle, digit, c.eventReceiver.endedDurationMillis());
            }
        }
        checkTimeout(c, now);
        if (!c.parameters.direction().receives()) {
            Arrays.fill(out, 0, samples, (short) 0);
            return;
        }
        int need = (int) ((long) samples * c.codec.decoderSampleRate() / deviceRate);
        while (receiveCount < need) {
            int status = c.jitter.poll();
            int produced;
            if (status == JitterBuffer.PACKET) {
                produced = c.codec.decoder().decode(c.jitter.payload(), 0, c.jitter.payloadLength(), receiveFifo, receiveCount);
            } else if (status == JitterBuffer.LOST) {
                int duration = (int) ((long) c.jitter.packetDuration() * c.codec.decoderSampleRate() / c.codec.clockRate());
                produced = c.codec.decoder().conceal(receiveFifo, receiveCount, Math.min(duration, FIFO - receiveCount));
            } else {
                produced = 0;
            }
            if (produced <= 0) {
                Arrays.fill(receiveFifo, receiveCount, need, (short) 0);
                receiveCount = need;
            } else {
                receiveCount += produced;
            }
        }
        c.toDevice.process(receiveFifo, 0, need, out, 0);
        if (c.detector != null) {
            int n = c.toDetector.process(receiveFifo, 0, need, detectBuffer, 0);
            char digit = c.detector.feed(detectBuffer, 0, n);
            if (digit != 0) {
                engine.dtmfReceived(handle, digit, c.detector.endedDurationMillis());
            }
        }
        receiveCount -= need;
        System.arraycopy(receiveFifo, need, receiveFifo, 0, receiveCount);
    }

    private void handlePacket(Config c, byte[] data, int length, long arrival) {
        int header = RtpPacket.headerLength(data, 0, length);
        if (header < 0) {
            return;
        }
        int payload = RtpPacket.payloadLength(data, 0, length, header);
        if (payload < 0) {
            return;
        }
        int type = RtpPacket.payloadType(data, 0);
        int seq = RtpPacket.sequence(data, 0);
        long ts = RtpPacket.timestamp(data, 0);
        long source = RtpPacket.ssrc(data, 0);
        lastPacketNanos = arrival;
        if (timedOut) {
            timedOut = false;
            engine.mediaResumed(handle);
        }
        if (!c.parameters.direction().receives()) {
            return;
        }
        if (source != remoteSsrc) {
            long old = remoteSsrc;
            remoteSsrc = source;
            observedRemoteSsrc = source;
            c.jitter.reset();
            c.codec.decoder().reset();
            reception.reset();
            if (c.eventReceiver != null) {
                c.eventReceiver.reset();
            }
            if (old >= 0) {
                engine.remoteSsrcChanged(handle, old, source);
            }
        }
        long arrivalUnits = units(c, arrival);
        if (type == c.parameters.telephoneEventPayloadType() && c.eventReceiver != null) {
            char digit = c.eventReceiver.packet(data, header, payload, ts, arrivalUnits);
            if (digit != 0) {
                engine.dtmfReceived(handle, digit, c.eventReceiver.endedDurationMillis());
            }
            return;
        }
        if (type != c.codec.payloadType()) {
            return; // comfort noise or a codec we did not agree on
        }
        packetsReceived++;
        reception.packet(seq, ts, arrivalUnits);
        c.jitter.put(data, header, payload, seq, ts, arrivalUnits);
    }

    private void checkTimeout(Config c, long now) {
        int timeout = engine.settings().rtpTimeoutSeconds();
        if (timeout > 0 && !timedOut && c.parameters.direction().receives()
                && now - lastPacketNanos > timeout * 1_000_000_000L) {
            timedOut = true;
            engine.mediaTimeout(handle, timeout);
        }
    }

    /** Media thread: sends what one frame of {@code in} (device rate) makes due. */
    void send(short[] in, int samples, long now) {
        Config c = config;
        if (c == null) {
            return;
        }
        if (c.parameters.direction().sends()) {
            int n = c.toCodec.process(in, 0, samples, sendFifo, sendCount);
            if (muted) {
                Arrays.fill(sendFifo, sendCount, sendCount + n, (short) 0);
            }
            if (c.inband != null) {
                c.inband.fill(sendFifo, sendCount, n);
            }
            sendCount += n;
            while (sendCount >= c.packetSamples) {
                if (c.eventSender != null && c.eventSender.busy()) {
                    int length = c.eventSender.next(timestamp, packet, RtpPacket.HEADER);
                    if (length > 0) {
                        RtpPacket.writeHeader(packet, 0, c.parameters.telephoneEventPayloadType(), c.eventSender.marker(),
                                sequence, c.eventSender.eventTimestamp(), ssrc);
                        sendPacket(c, RtpPacket.HEADER + length, length);
                    }
                } else {
                    int length = c.codec.encoder().encode(sendFifo, 0, c.packetSamples, packet, RtpPacket.HEADER);
                    if (length > 0) {
                        RtpPacket.writeHeader(packet, 0, c.codec.payloadType(), firstPacket, sequence, timestamp, ssrc);
                        firstPacket = false;
                        sendPacket(c, RtpPacket.HEADER + length, length);
                    }
                }
                timestamp = (timestamp + c.timestampStep) & 0xffffffffL;
                sendCount -= c.packetSamples;
                System.arraycopy(sendFifo, c.packetSamples, sendFifo, 0, sendCount);
            }
        } else {
            // Not sending (held by us or by them): time still passes for the RTP clock.
            timestamp = (timestamp + (long) samples * c.codec.clockRate() / deviceRate) & 0xffffffffL;
        }
        if (now - rtcpDueNanos >= 0) {
            sendReport(c);
            // RFC 3550 §6.3.1: randomise the interval between 0.5 and 1.5 times the mean
            rtcpDueNanos = now + (RTCP_MEAN_MILLIS / 2 + ThreadLocalRandom.current().nextInt(RTCP_MEAN_MILLIS)) * 1_000_000L;
        }
    }

    private void sendPacket(Config c, int length, int payload) {
        if (c.sendSrtp != null) {
            length = c.sendSrtp.protect(packet, 0, length);
            if (length < 0) {
                return;
            }
        }
        packetOut.clear();
        packetOut.put(packet, 0, length).flip();
        transport.sendRtp(packetOut, remoteRtp(c));
        sequence = (sequence + 1) & 0xffff;
        packetsSent++;
        octetsSent += payload;
    }

    private void sendReport(Config c) {
        long lsr = transport.lastSrNtpMiddle;
        long dlsr = lsr == 0 ? 0 : (System.nanoTime() - transport.lastSrArrivalNanos) * 65536 / 1_000_000_000L;
        int length = Rtcp.writeReport(rtcpPacket, 0, ssrc, System.currentTimeMillis(), timestamp, packetsSent, octetsSent,
                remoteSsrc, remoteSsrc >= 0 ? reception : null, lsr, dlsr, cname);
        if (c.sendSrtcp != null) {
            length = c.sendSrtcp.protect(rtcpPacket, 0, length);
        }
        rtcpOut.clear();
        rtcpOut.put(rtcpPacket, 0, length).flip();
        transport.sendRtcp(rtcpOut, remoteRtcp(c));
    }

    private InetSocketAddress remoteRtp(Config c) {
        InetSocketAddress learned = engine.settings().symmetricRtp() ? transport.learnedRtp() : null;
        return learned != null ? learned : c.parameters.remoteRtp();
    }

    private InetSocketAddress remoteRtcp(Config c) {
        InetSocketAddress learned = engine.settings().symmetricRtp() ? transport.learnedRtcp() : null;
        return learned != null ? learned : c.remoteRtcp;
    }

    private static long units(Config c, long nanos) {
        return nanos / 1000 * c.codec.clockRate() / 1_000_000;
    }

    /** Statistics, from any thread (fields are volatile or written once per report). */
    StreamStatistics statistics() {
        Config c = config;
        int clock = c == null ? 8000 : c.codec.clockRate();
        return new StreamStatistics(packetsSent, octetsSent, packetsReceived,
                c == null ? 0 : c.jitter.statistics().concealed(),
                reception.jitter() * 1000.0 / clock,
                transport.remoteFractionLost, transport.remoteCumulativeLost, transport.remoteJitter * 1000.0 / clock,
                transport.roundTripMillis, transport.srtpRejected, transport.srtpReplayed, transport.srtcpRejected, observedRemoteSsrc,
                c == null ? null : c.jitter.statistics());
    }
}
