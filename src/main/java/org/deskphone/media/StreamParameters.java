package org.deskphone.media;

import java.net.InetSocketAddress;
import java.util.Objects;
import org.deskphone.media.codec.CodecType;
import org.deskphone.media.srtp.SdesKey;

/**
 * What SDP negotiation decided for one audio stream: where the far end listens (RTP, and RTCP; null for
 * RTP's port + 1), the codec and its payload type, the packet time, the telephone-event payload type (-1:
 * none), the SRTP keys from SDES (null for plain RTP: ours to protect what we send, theirs to check what we
 * receive; both or neither), the direction, and how DTMF travels.
 */
public record StreamParameters(
        InetSocketAddress remoteRtp,
        InetSocketAddress remoteRtcp,
        CodecType codec,
        int payloadType,
        int ptimeMillis,
        int telephoneEventPayloadType,
        SdesKey sendKey,
        SdesKey receiveKey,
        Direction direction,
        DtmfMode dtmfMode) {

    public StreamParameters {
        Objects.requireNonNull(remoteRtp, "remoteRtp");
        Objects.requireNonNull(codec, "codec");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(dtmfMode, "dtmfMode");
        if (!codec.supported()) {
            throw new IllegalArgumentException(codec.whyUnsupported().orElseThrow());
        }
        if (payloadType < 0 || payloadType > 127) {
            throw new IllegalArgumentException("payload type must be 0-127: " + payloadType);
        }
        if (!codec.allowsPtime(ptimeMillis)) {
            throw new IllegalArgumentException("ptime " + ptimeMillis + " ms is not allowed for " + codec.encodingName());
        }
        if (telephoneEventPayloadType > 127 || telephoneEventPayloadType == payloadType) {
            throw new IllegalArgumentException("telephone-event payload type " + telephoneEventPayloadType + " is invalid");
        }
        if ((sendKey == null) != (receiveKey == null)) {
            throw new IllegalArgumentException("SRTP needs both keys (ours and the far end's) or neither");
        }
        if (dtmfMode == DtmfMode.RFC4733 && telephoneEventPayloadType < 0) {
            throw new IllegalArgumentException("RFC 4733 DTMF needs a negotiated telephone-event payload type");
        }
    }

    /** A plain sendrecv stream with the codec's default payload type, RFC 4733 on 101, 20 ms. */
    public static StreamParameters plain(InetSocketAddress remote, CodecType codec) {
        return new StreamParameters(remote, null, codec, codec.defaultPayloadType(), 20, 101, null, null,
                Direction.SENDRECV, DtmfMode.RFC4733);
    }

    public boolean secure() {
        return sendKey != null;
    }

    public InetSocketAddress rtcpAddress() {
        return remoteRtcp != null ? remoteRtcp : new InetSocketAddress(remoteRtp.getAddress(), remoteRtp.getPort() + 1);
    }

    public StreamParameters withDirection(Direction newDirection) {
        return new StreamParameters(remoteRtp, remoteRtcp, codec, payloadType, ptimeMillis, telephoneEventPayloadType,
                sendKey, receiveKey, newDirection, dtmfMode);
    }

    public StreamParameters withKeys(SdesKey ours, SdesKey theirs) {
        return new StreamParameters(remoteRtp, remoteRtcp, codec, payloadType, ptimeMillis, telephoneEventPayloadType,
                ours, theirs, direction, dtmfMode);
    }

    public StreamParameters withDtmf(DtmfMode mode, int eventPayloadType) {
        return new StreamParameters(remoteRtp, remoteRtcp, codec, payloadType, ptimeMillis, eventPayloadType,
                sendKey, receiveKey, direction, mode);
    }

    public StreamParameters withPtime(int ptime) {
        return new StreamParameters(remoteRtp, remoteRtcp, codec, payloadType, ptime, telephoneEventPayloadType,
                sendKey, receiveKey, direction, dtmfMode);
    }
}
