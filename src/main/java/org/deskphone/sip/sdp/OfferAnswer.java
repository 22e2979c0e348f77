package org.deskphone.sip.sdp;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.deskphone.sip.AudioSession;
import org.deskphone.sip.CodecFormat;
import org.deskphone.sip.MediaDirection;
import org.deskphone.sip.SrtpKeys;
import org.deskphone.sip.SrtpMode;
import org.deskphone.sip.SrtpSuite;

/**
 * RFC 3264 offer/answer for one call's audio, with SDES keys (RFC 4568). It keeps what must stay stable
 * across the call's offers: the session id and version (RFC 3264 §8: the version goes up when the
 * description changes), and this phone's master keys. One instance per call, used on the phone loop.
 *
 * <p>Codecs match by encoding name, clock rate and channels; the answer uses the offerer's payload types.
 * The answerer picks the first of its own codecs, in its configured priority, that the offer lists
 * (ALE seed L4959-4961: "negotiated ... according to the priority").
 */
public final class OfferAnswer {
    private static final String USER = "deskphone";

    private final Random random;
    private final long sessionId;
    private final Map<SrtpSuite, byte[]> localKeys = new EnumMap<>(SrtpSuite.class);
    private long version;
    private String lastBody;
    private LocalMedia lastOffer;
    private List<CryptoAttribute> lastOfferedCrypto = List.of();

    public OfferAnswer() {
        this(new SecureRandom());
    }

    public OfferAnswer(Random random) {
        this.random = random;
        this.sessionId = Math.abs(random.nextLong() % 1_000_000_000L) + 1;
        this.version = sessionId;
    }

    /** An offer of {@code local}: for an INVITE, a re-INVITE (hold, resume), or a 200 answering a late offer. */
    public SessionDescription offer(LocalMedia local) {
        SrtpMode srtp = local.effectiveSrtp();
        List<Attribute> attributes = new ArrayList<>();
        List<String> formats = new ArrayList<>();
        for (CodecFormat codec : local.codecs()) {
            formats.add(Integer.toString(codec.payloadType()));
            attributes.add(Attribute.of("rtpmap", codec.payloadType() + " " + codec.rtpmap()));
            codec.fmtp().ifPresent(f -> attributes.add(Attribute.of("fmtp", codec.payloadType() + " " + f)));
        }
        if (local.telephoneEvent().isPresent()) {
            int pt = local.telephoneEvent().getAsInt();
            formats.add(Integer.toString(pt));
            attributes.add(Attribute.of("rtpmap", pt + " telephone-event/8000"));
            attributes.add(Attribute.of("fmtp", pt + " 0-16"));
        }
        List<CryptoAttribute> crypto = new ArrayList<>();
        if (srtp != SrtpMode.NONE) {
            int tag = 1;
            for (SrtpSuite suite : local.suites()) {
                crypto.add(new CryptoAttribute(tag++, suite, key(suite)));
            }
            crypto.forEach(c -> attributes.add(c.toAttribute()));
        }
        attributes.add(Attribute.of("ptime", Integer.toString(local.ptime())));
        if (!local.holdsWithNullAddress()) {
            attributes.add(Attribute.flag(local.direction().attribute()));
        }
        String protocol = srtp == SrtpMode.STRICT ? "RTP/SAVP" : "RTP/AVP";
        MediaDescription audio = new MediaDescription("audio", local.rtpPort(), protocol, formats, Optional.empty(), attributes);
        lastOffer = local;
        lastOfferedCrypto = List.copyOf(crypto);
        return describe(local, List.of(audio));
    }

    /** Answers {@code offer} with {@code local}, or refuses it (488) with the reason. */
    public Negotiation answer(SessionDescription offer, LocalMedia local) {
        List<MediaDescription> answerMedia = new ArrayList<>();
        AudioSession chosen = null;
        String firstRefusal = null;
        for (MediaDescription m : offer.media()) {
            if (chosen == null && m.type().equals("audio") && m.port() != 0) {
                Chosen c = choose(offer, m, local);
                if (c.refusal != null) {
                    firstRefusal = firstRefusal == null ? c.refusal : firstRefusal;
                } else {
                    chosen = c.session;
                    answerMedia.add(c.answer);
                    continue;
                }
            }
            // Rejected stream: same media and protocol, port 0 (RFC 3264 §6).
            answerMedia.add(new MediaDescription(m.type(), 0, m.protocol(), m.formats().isEmpty() ? List.of("0") : m.formats(),
                    Optional.empty(), List.of()));
        }
        if (chosen == null) {
            return new Negotiation.Refused(firstRefusal != null ? firstRefusal : "the offer has no audio stream");
        }
        return new Negotiation.Agreed(describe(local, answerMedia), chosen);
    }

    /** Reads the answer to this phone's last {@link #offer}. */
    public Negotiation accept(SessionDescription answer) {
        if (lastOffer == null) {
            return new Negotiation.Refused("an answer came without an offer");
        }
        LocalMedia local = lastOffer;
        if (answer.media().isEmpty()) {
            return new Negotiation.Refused("the answer has no media section");
        }
        MediaDescription m = answer.media().get(0);
        if (!m.type().equals("audio") || m.port() == 0) {
            return new Negotiation.Refused("the peer rejected the audio stream");
        }
        Optional<Connection> connection = answer.connectionOf(m);
        if (connection.isEmpty()) {
            return new Negotiation.Refused("the answer has no c= line for audio");
        }
        Optional<CodecFormat> codec = Optional.empty();
        for (int pt : m.payloadTypes()) {
            Optional<Rtpmap> map = m.rtpmap(pt);
            if (map.isEmpty()) {
                continue;
            }
            Optional<CodecFormat> ours = local.codecs().stream()
                    .filter(c -> c.sameCodec(map.get().encodingName(), map.get().clockRate(), map.get().channels())).findFirst();
            if (ours.isPresent()) {
                codec = Optional.of(ours.get().withPayloadType(pt));
                break;
            }
        }
        if (codec.isEmpty()) {
            return new Negotiation.Refused("the answer names no codec that was offered: " + m.formats());
        }
        Optional<SrtpKeys> keys = Optional.empty();
        SrtpMode srtp = local.effectiveSrtp();
        if (srtp != SrtpMode.NONE) {
            for (String value : m.attributeValues("crypto")) {
                Optional<CryptoAttribute> theirs = CryptoAttribute.parse(value);
                if (theirs.isEmpty()) {
                    continue;
                }
                Optional<CryptoAttribute> offered = lastOfferedCrypto.stream()
                        .filter(c -> c.tag() == theirs.get().tag() && c.suite() == theirs.get().suite()).findFirst();
                if (offered.isPresent()) {
                    keys = Optional.of(new SrtpKeys(offered.get().suite(), offered.get().keyAndSalt(), theirs.get().keyAndSalt()));
                    break;
                }
            }
        }
        if (keys.isEmpty() && (srtp == SrtpMode.STRICT || m.isSecureProfile())) {
            return new Negotiation.Refused("SRTP is required but the answer has no crypto line matching the offer");
        }
        MediaDirection theirs = m.direction(answer.direction());
        if (connection.get().isHold()) {
            theirs = theirs.and(MediaDirection.SENDONLY);
        }
        MediaDirection ours = local.direction().and(theirs.reversed());
        InetSocketAddress remote;
        try {
            remote = remote(connection.get(), m.port());
        } catch (SdpException e) {
            return new Negotiation.Refused(e.getMessage());
        }
        return new Negotiation.Agreed(null, new AudioSession(codec.get(), sendPtime(m, local, codec.get()), remote, ours,
                telephoneEvent(m, local, codec.get()), keys));
    }

    /** The session version this side writes; goes up whenever the description changes. */
    public long version() {
        return version;
    }

    private record Chosen(AudioSession session, MediaDescription answer, String refusal) {
    }

    private Chosen choose(SessionDescription offer, MediaDescription m, LocalMedia local) {
        if (!m.isRtp()) {
            return refused("audio over " + m.protocol() + " is not supported (RTP/AVP and RTP/SAVP are)");
        }
        Optional<Connection> connection = offer.connectionOf(m);
        if (connection.isEmpty()) {
            return refused("the offer has no c= line for audio");
        }
        SrtpMode srtp = local.effectiveSrtp();
        if (m.isSecureProfile() && srtp == SrtpMode.NONE) {
            return refused(local.srtp() == SrtpMode.NONE ? "the offer requires SRTP (" + m.protocol() + ") and SRTP is off for this account"
                    : "the offer requires SRTP and the media engine carries no SRTP suite");
        }
        Optional<CryptoAttribute> theirCrypto = Optional.empty();
        if (srtp != SrtpMode.NONE) {
            theirCrypto = pickCrypto(m, local);
            if (theirCrypto.isEmpty() && (m.isSecureProfile() || srtp == SrtpMode.STRICT)) {
                return refused("no SRTP crypto suite in common: offered " + m.attributeValues("crypto").stream()
                        .map(v -> v.split("\\s+").length > 1 ? v.split("\\s+")[1] : "?").collect(Collectors.toList())
                        + ", this phone accepts " + local.suites());
            }
        }
        Optional<CodecFormat> codec = Optional.empty();
        for (CodecFormat ours : local.codecs()) {
            for (int pt : m.payloadTypes()) {
                Optional<Rtpmap> map = m.rtpmap(pt);
                if (map.isPresent() && ours.sameCodec(map.get().encodingName(), map.get().clockRate(), map.get().channels())) {
                    codec = Optional.of(ours.withPayloadType(pt));
                    break;
                }
            }
            if (codec.isPresent()) {
                break;
            }
        }
        if (codec.isEmpty()) {
            List<String> offered = new ArrayList<>();
            for (int pt : m.payloadTypes()) {
                offered.add(m.rtpmap(pt).map(r -> r.encodingName() + "/" + r.clockRate()).orElse("PT " + pt));
            }
            return refused("no codec in common: offered " + offered + ", this phone has "
                    + local.codecs().stream().map(CodecFormat::rtpmap).collect(Collectors.toList()));
        }
        InetSocketAddress remote;
        try {
            remote = remote(connection.get(), m.port());
        } catch (SdpException e) {
            return refused(e.getMessage());
        }
        MediaDirection theirs = m.direction(offer.direction());
        if (connection.get().isHold()) {
            theirs = theirs.and(MediaDirection.SENDONLY);
        }
        MediaDirection ours = local.direction().and(theirs.reversed());
        OptionalInt event = telephoneEvent(m, local, codec.get());

        List<Attribute> attributes = new ArrayList<>();
        List<String> formats = new ArrayList<>();
        CodecFormat c = codec.get();
        formats.add(Integer.toString(c.payloadType()));
        attributes.add(Attribute.of("rtpmap", c.payloadType() + " " + c.rtpmap()));
        c.fmtp().ifPresent(f -> attributes.add(Attribute.of("fmtp", c.payloadType() + " " + f)));
        if (event.isPresent()) {
            formats.add(Integer.toString(event.getAsInt()));
            attributes.add(Attribute.of("rtpmap", event.getAsInt() + " telephone-event/8000"));
            attributes.add(Attribute.of("fmtp", event.getAsInt() + " 0-16"));
        }
        Optional<SrtpKeys> keys = Optional.empty();
        if (theirCrypto.isPresent()) {
            CryptoAttribute mine = new CryptoAttribute(theirCrypto.get().tag(), theirCrypto.get().suite(), key(theirCrypto.get().suite()));
            attributes.add(mine.toAttribute());
            keys = Optional.of(new SrtpKeys(mine.suite(), mine.keyAndSalt(), theirCrypto.get().keyAndSalt()));
        }
        attributes.add(Attribute.of("ptime", Integer.toString(local.ptime())));
        LocalMedia answering = local.withDirection(ours);
        if (!answering.holdsWithNullAddress()) {
            attributes.add(Attribute.flag(ours.attribute()));
        }
        MediaDescription answer = new MediaDescription("audio", local.rtpPort(), m.protocol(), formats, Optional.empty(), attributes);
        AudioSession session = new AudioSession(c, sendPtime(m, local, c), remote, ours, event, keys);
        return new Chosen(session, answer, null);
    }

    /**
     * The offer's first crypto line this phone can use. A tag used twice makes both lines suspect (RFC 4568
     * §9.1: tags are unique per media line), so they are skipped.
     */
    private static Optional<CryptoAttribute> pickCrypto(MediaDescription m, LocalMedia local) {
        Set<String> seen = new HashSet<>();
        Set<String> duplicated = new HashSet<>();
        for (String value : m.attributeValues("crypto")) {
            CryptoAttribute.rawTag(value).ifPresent(tag -> {
                if (!seen.add(tag)) {
                    duplicated.add(tag);
                }
            });
        }
        for (SrtpSuite wanted : local.suites()) {
            for (String value : m.attributeValues("crypto")) {
                Optional<CryptoAttribute> parsed = CryptoAttribute.parse(value);
                if (parsed.isPresent() && parsed.get().suite() == wanted
                        && !duplicated.contains(CryptoAttribute.rawTag(value).orElse(""))) {
                    return parsed;
                }
            }
        }
        return Optional.empty();
    }

    /** The offer's telephone-event at the codec's clock rate (or 8000), when this phone sends DTMF in RTP. */
    private static OptionalInt telephoneEvent(MediaDescription m, LocalMedia local, CodecFormat codec) {
        if (local.telephoneEvent().isEmpty()) {
            return OptionalInt.empty();
        }
        for (int pt : m.payloadTypes()) {
            Optional<Rtpmap> map = m.rtpmap(pt);
            if (map.isPresent() && map.get().encodingName().equalsIgnoreCase("telephone-event")
                    && (map.get().clockRate() == 8000 || map.get().clockRate() == codec.clockRate())) {
                return OptionalInt.of(pt);
            }
        }
        return OptionalInt.empty();
    }

    /** The peer's a=ptime is what it wants to receive; honoured within 10-60 ms, else the local one. */
    private static int sendPtime(MediaDescription m, LocalMedia local, CodecFormat codec) {
        OptionalInt theirs = m.ptime();
        if (theirs.isPresent() && theirs.getAsInt() >= 10 && theirs.getAsInt() <= 60 && theirs.getAsInt() % 10 == 0) {
            return theirs.getAsInt();
        }
        return local.ptime();
    }

    private static InetSocketAddress remote(Connection connection, int port) throws SdpException {
        InetAddress address = connection.inetAddress();
        return new InetSocketAddress(address, port);
    }

    private SessionDescription describe(LocalMedia local, List<MediaDescription> media) {
        Connection connection = local.holdsWithNullAddress() ? new Connection("0.0.0.0", false) : Connection.of(local.address());
        SessionDescription candidate = new SessionDescription(USER, sessionId, version, Connection.of(local.address()),
                Optional.of(connection), List.of(), media);
        String body = candidate.format().replaceFirst("o=[^\r]*\r\n", "");
        if (lastBody != null && !body.equals(lastBody)) {
            version++;
            candidate = new SessionDescription(USER, sessionId, version, Connection.of(local.address()), Optional.of(connection), List.of(), media);
        }
        lastBody = body;
        return candidate;
    }

    private byte[] key(SrtpSuite suite) {
        return localKeys.computeIfAbsent(suite, s -> {
            byte[] key = new byte[s.keyAndSaltBytes()];
            random.nextBytes(key);
            return key;
        }).clone();
    }

    private static Chosen refused(String reason) {
        return new Chosen(null, null, reason);
    }
}
