package org.deskphone.media;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Objects;
import org.deskphone.media.codec.CodecSettings;
import org.deskphone.media.dtmf.DtmfDigit;

/**
 * One call's audio stream, as the SIP user agent drives it from the phone loop: {@linkplain
 * MediaEngine#openStream open} it to get a local port for the SDP offer or answer, {@link #start} it once
 * negotiation is done, {@link #update} it on a re-INVITE (hold and resume are direction changes, a new codec
 * or new keys likewise), {@link #setMuted mute} it, {@link #sendDtmf send digits}, and {@link #stop} it.
 * Every method returns at once: the work is handed to the media thread. Events come back through the
 * engine's {@link MediaListener}, on the phone loop.
 */
public final class MediaStream {
    private final MediaEngine engine;
    private final RtpTransport transport;
    private final Leg leg;
    private final String name;
    private final InetAddress bindAddress;
    private final CodecSettings codecs;
    private volatile StreamParameters parameters;
    private volatile boolean stopped;

    MediaStream(MediaEngine engine, MediaSettings settings, InetAddress bindAddress, CodecSettings codecs, String name) throws IOException {
        this.engine = engine;
        this.name = name;
        this.bindAddress = bindAddress;
        this.codecs = codecs;
        this.transport = RtpTransport.open(settings, bindAddress, engine::mediaClock, name);
        this.leg = new Leg(this, engine, transport, settings);
    }

    Leg leg() {
        return leg;
    }

    RtpTransport transport() {
        return transport;
    }

    public String name() {
        return name;
    }

    /** The local RTP port (RTCP is the next one), for {@code m=audio} of our SDP. */
    public int localPort() {
        return transport.port();
    }

    public InetSocketAddress localAddress() {
        return new InetSocketAddress(bindAddress, transport.port());
    }

    /** Our SSRC, for {@code a=ssrc} if wanted. */
    public long ssrc() {
        return leg.ssrc();
    }

    /** Starts sending and receiving as negotiated. */
    public void start(StreamParameters negotiated) {
        update(negotiated);
    }

    /**
     * Applies a renegotiation: another codec or payload type, another ptime, new SRTP keys, another far end,
     * another direction. The stream keeps its SSRC and sequence; the jitter buffer starts afresh when the
     * codec changes.
     */
    public void update(StreamParameters negotiated) {
        Objects.requireNonNull(negotiated, "negotiated");
        checkOpen();
        Leg.Config config = new Leg.Config(negotiated, engine.settings(), codecs, engine.frameSamples());
        parameters = negotiated;
        transport.accept(config.receiveSrtp, config.receiveSrtcp, leg.ssrc());
        engine.command(() -> engine.applyOnMediaThread(leg, config));
    }

    /** Hold and resume: sendonly/inactive while held, sendrecv again after. */
    public void setDirection(Direction direction) {
        StreamParameters current = requireStarted();
        update(current.withDirection(direction));
    }

    public void setMuted(boolean muted) {
        checkOpen();
        engine.command(() -> leg.setMuted(muted));
    }

    /**
     * Sends a digit as the stream's DTMF mode says (RFC 4733 or in-band). Returns false when the mode is
     * {@link DtmfMode#NONE} (the SIP user agent sends INFO instead).
     */
    public boolean sendDtmf(char digit) {
        if (!DtmfDigit.isDigit(digit)) {
            throw new IllegalArgumentException("not a DTMF digit: '" + digit + "'");
        }
        StreamParameters current = requireStarted();
        if (current.dtmfMode() == DtmfMode.NONE) {
            return false;
        }
        engine.command(() -> leg.queueDigit(digit));
        return true;
    }

    public StreamParameters parameters() {
        return parameters;
    }

    public StreamStatistics statistics() {
        return leg.statistics();
    }

    /** RTP packets accepted so far; cheap, allocation-free (for tests and health checks). */
    public long packetsReceived() {
        return leg.packetsReceived;
    }

    /** RTP packets that passed the socket thread's checks (SRTP) and wait for or went to the media thread. */
    public long packetsArrived() {
        return transport.arrived;
    }

    public long packetsSent() {
        return leg.packetsSent;
    }

    public boolean stopped() {
        return stopped;
    }

    /** Stops the stream and frees its ports; {@link MediaListener#streamStopped} follows. Idempotent. */
    public void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        engine.remove(this);
        transport.close();
        engine.streamStopped(this, leg.statistics());
    }

    private void checkOpen() {
        if (stopped) {
            throw new IllegalStateException("media stream " + name + " is stopped");
        }
    }

    private StreamParameters requireStarted() {
        checkOpen();
        StreamParameters current = parameters;
        if (current == null) {
            throw new IllegalStateException("media stream " + name + " is not started");
        }
        return current;
    }

    @Override
    public String toString() {
        return "media stream " + name + " on port " + transport.port();
    }
}
