package org.deskphone.voice;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.deskphone.hal.AudioDevice;
import org.deskphone.loop.PhoneLoop;
import org.deskphone.media.Direction;
import org.deskphone.media.DtmfMode;
import org.deskphone.media.MediaEngine;
import org.deskphone.media.MediaListener;
import org.deskphone.media.MediaSettings;
import org.deskphone.media.MediaStream;
import org.deskphone.media.StreamParameters;
import org.deskphone.media.StreamStatistics;
import org.deskphone.media.codec.CodecCatalogue;
import org.deskphone.media.codec.CodecSettings;
import org.deskphone.media.codec.CodecType;
import org.deskphone.media.codec.OpusBandwidth;
import org.deskphone.media.codec.SdpCodec;
import org.deskphone.media.srtp.SdesKey;
import org.deskphone.sip.AudioSession;
import org.deskphone.sip.CallMedia;
import org.deskphone.sip.CodecFormat;
import org.deskphone.sip.CodecPreferences;
import org.deskphone.sip.MediaChannel;
import org.deskphone.sip.MediaDtmf;
import org.deskphone.sip.MediaEvents;
import org.deskphone.sip.MediaStatistics;
import org.deskphone.sip.SrtpKeys;
import org.deskphone.sip.SrtpSuite;
import org.tinylog.Logger;

/**
 * The SIP user agent's media seam ({@link CallMedia}) on the media engine: each call's {@link MediaChannel}
 * is a {@link MediaStream}, what offer/answer agreed becomes its {@link StreamParameters}, and the engine's
 * events, which arrive on the phone loop, go to the call they belong to. The engine is this adapter's own
 * (it listens to it); other features reach it through {@link #engine()} for tones and the conference.
 * Everything here runs on the phone loop.
 */
public final class EngineCallMedia implements CallMedia, MediaListener, AutoCloseable {
    private final MediaEngine engine;
    private final Map<MediaStream, Channel> channels = new HashMap<>();

    /** Builds the engine on {@code device}, posting its events to {@code loop}, with {@code settings}. */
    public EngineCallMedia(AudioDevice device, PhoneLoop loop, MediaSettings settings) {
        this.engine = new MediaEngine(device, loop, settings, this);
    }

    public MediaEngine engine() {
        return engine;
    }

    /** The suites both sides of the seam know, in the SIP side's order. */
    @Override
    public List<SrtpSuite> srtpSuites() {
        List<SrtpSuite> suites = new ArrayList<>();
        for (SrtpSuite suite : SrtpSuite.values()) {
            if (org.deskphone.media.srtp.SrtpSuite.fromSdesName(suite.name()).isPresent()) {
                suites.add(suite);
            }
        }
        return suites;
    }

    @Override
    public boolean telephoneEvents() {
        return true;
    }

    @Override
    public boolean inbandDtmf() {
        return true;
    }

    @Override
    public Duration dtmfDuration() {
        return Duration.ofMillis(engine.settings().dtmf().durationMillis());
    }

    /** The engine's mixer: exactly these calls in the local conference (at most the configured parties less this phone). */
    @Override
    public boolean conference(Collection<MediaChannel> members) {
        List<MediaStream> streams = new ArrayList<>();
        for (MediaChannel member : members) {
            if (member instanceof Channel channel && !channel.closed) {
                streams.add(channel.stream);
            }
        }
        try {
            engine().conference(streams);
            return true;
        } catch (IllegalArgumentException e) {
            Logger.warn("no local conference: {}", e.getMessage());
            return false;
        }
    }

    @Override
    public MediaChannel open(InetAddress local, CodecPreferences preferences, MediaEvents events) throws IOException {
        CodecSettings codecs = codecSettings(preferences);
        List<CodecFormat> offer;
        try {
            offer = offer(preferences, codecs);
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
        MediaStream stream = engine.openStream("call", local, codecs);
        Channel channel = new Channel(stream, offer, events);
        channels.put(stream, channel);
        return channel;
    }

    /** Stops every stream and closes the sound card. */
    @Override
    public void close() {
        engine.close();
    }

    private CodecSettings codecSettings(CodecPreferences preferences) {
        CodecSettings defaults = engine.settings().codecs();
        return new CodecSettings(OpusBandwidth.fromCode(preferences.opusBandwidth()), defaults.opusBitrate(), defaults.opusComplexity(),
                preferences.payloadType(CodecPreferences.OPUS, defaults.opusPayloadType()));
    }

    /**
     * The engine's offer for the account's order, with the dynamic payload types the account gives (Yealink's
     * rtpmap); a dynamic type taken already (by telephone-event, or by two codecs) moves to a free one.
     */
    static List<CodecFormat> offer(CodecPreferences preferences, CodecSettings codecs) {
        Set<Integer> taken = new HashSet<>();
        taken.add(preferences.telephoneEvent());
        List<CodecFormat> offer = new ArrayList<>();
        for (SdpCodec codec : CodecCatalogue.offer(preferences.order(), codecs)) {
            int payloadType = codec.payloadType();
            if (payloadType >= 96 && codec.type() != CodecType.OPUS) {
                payloadType = preferences.payloadType(codec.type().defaultPayloadType(), payloadType);
            }
            if (!taken.add(payloadType)) {
                int wanted = payloadType;
                payloadType = freeDynamic(taken);
                taken.add(payloadType);
                Logger.warn("{} cannot have payload type {}: it is taken; offering it as {}", codec.rtpmap(), wanted, payloadType);
            }
            offer.add(new CodecFormat(codec.encodingName(), codec.clockRate(), codec.channels(), payloadType, codec.fmtp()));
        }
        return offer;
    }

    private static int freeDynamic(Set<Integer> taken) {
        for (int payloadType = 96; payloadType <= 127; payloadType++) {
            if (!taken.contains(payloadType)) {
                return payloadType;
            }
        }
        throw new IllegalArgumentException("no dynamic payload type is left for the codecs");
    }

    /** What offer/answer agreed, in the engine's terms. */
    static StreamParameters parameters(AudioSession session, MediaDtmf dtmf) {
        CodecFormat agreed = session.codec();
        CodecType codec = CodecType.fromRtpmap(agreed.encodingName(), agreed.clockRate()).filter(CodecType::supported)
                .orElseThrow(() -> new IllegalArgumentException("the media engine does not carry " + agreed.rtpmap()));
        int events = session.telephoneEvent().orElse(-1);
        DtmfMode mode = switch (dtmf) {
            case RFC4733 -> events >= 0 ? DtmfMode.RFC4733 : DtmfMode.NONE;
            case INBAND -> DtmfMode.INBAND;
            case NONE -> DtmfMode.NONE;
        };
        SdesKey send = session.srtp().map(keys -> key(keys, keys.localKey(), keys.localSalt())).orElse(null);
        SdesKey receive = session.srtp().map(keys -> key(keys, keys.remoteKey(), keys.remoteSalt())).orElse(null);
        return new StreamParameters(session.remote(), null, codec, agreed.payloadType(), ptime(codec, session.ptime()), events,
                send, receive, Direction.valueOf(session.direction().name()), mode);
    }

    private static SdesKey key(SrtpKeys keys, byte[] key, byte[] salt) {
        org.deskphone.media.srtp.SrtpSuite suite = org.deskphone.media.srtp.SrtpSuite.fromSdesName(keys.suite().name())
                .orElseThrow(() -> new IllegalArgumentException("the media engine has no SRTP suite " + keys.suite()));
        try {
            return new SdesKey(suite, key, salt);
        } finally {
            java.util.Arrays.fill(key, (byte) 0);
            java.util.Arrays.fill(salt, (byte) 0);
        }
    }

    /** The peer's ptime where the codec allows it (Opus stops at 20 ms), else the nearest it allows. */
    private static int ptime(CodecType codec, int wanted) {
        if (codec.allowsPtime(wanted)) {
            return wanted;
        }
        for (int step = 10; step <= 60; step += 10) {
            if (codec.allowsPtime(wanted - step)) {
                return wanted - step;
            }
            if (codec.allowsPtime(wanted + step)) {
                return wanted + step;
            }
        }
        return 20;
    }

    // --- the engine's events, on the phone loop ---

    @Override
    public void dtmfReceived(MediaStream stream, char digit, int durationMillis) {
        Channel channel = channels.get(stream);
        if (channel != null && !channel.closed) {
            channel.events.dtmf(digit);
        }
    }

    @Override
    public void mediaTimeout(MediaStream stream, int silentSeconds) {
        Logger.info("{}: no RTP for {} s", stream, silentSeconds);
    }

    @Override
    public void mediaResumed(MediaStream stream) {
        Logger.info("{}: RTP flows again", stream);
    }

    @Override
    public void remoteSsrcChanged(MediaStream stream, long oldSsrc, long newSsrc) {
        Logger.debug("{}: the far end's SSRC changed from {} to {}", stream, Long.toHexString(oldSsrc), Long.toHexString(newSsrc));
    }

    @Override
    public void streamStopped(MediaStream stream, StreamStatistics finalStatistics) {
        channels.remove(stream);
        Logger.debug("{} stopped: {}", stream, finalStatistics);
    }

    @Override
    public void audioDeviceFailed(Exception error) {
        Logger.error("the sound card failed: {}", error.getMessage());
        for (Channel channel : List.copyOf(channels.values())) {
            if (!channel.closed) {
                channel.events.failed("the sound card failed: " + error.getMessage());
            }
        }
    }

    /** One call's stream. */
    private static final class Channel implements MediaChannel {
        private final MediaStream stream;
        private final List<CodecFormat> codecs;
        private final MediaEvents events;
        private AudioSession session;
        private boolean closed;

        Channel(MediaStream stream, List<CodecFormat> codecs, MediaEvents events) {
            this.stream = stream;
            this.codecs = List.copyOf(codecs);
            this.events = events;
        }

        @Override
        public int localPort() {
            return stream.localPort();
        }

        @Override
        public List<CodecFormat> codecs() {
            return codecs;
        }

        @Override
        public void start(AudioSession agreed, MediaDtmf dtmf) {
            update(agreed, dtmf);
        }

        @Override
        public void update(AudioSession agreed, MediaDtmf dtmf) {
            if (closed) {
                return;
            }
            try {
                StreamParameters parameters = parameters(agreed, dtmf);
                if (stream.parameters() == null) {
                    stream.start(parameters);
                } else {
                    stream.update(parameters);
                }
                session = agreed;
            } catch (IllegalArgumentException e) {
                Logger.warn("{}: cannot run {}: {}", stream, agreed, e.getMessage());
                events.failed(e.getMessage());
            }
        }

        @Override
        public boolean setMuted(boolean muted) {
            if (closed) {
                return false;
            }
            stream.setMuted(muted);
            return true;
        }

        @Override
        public boolean sendDtmf(char digit) {
            return !closed && stream.parameters() != null && stream.sendDtmf(digit);
        }

        @Override
        public MediaStatistics statistics() {
            StreamStatistics counted = stream.statistics();
            StreamParameters parameters = stream.parameters();
            return new MediaStatistics(session == null ? "none" : session.codec().rtpmap(),
                    parameters != null && parameters.secure() ? parameters.sendKey().suite().sdesName() : "none",
                    counted.packetsSent(), counted.packetsReceived(), counted.packetsLost(), counted.receivedJitterMillis());
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                stream.stop();
            }
        }
    }
}
