package org.deskphone.sip;

import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What offer/answer agreed for a call's audio, in the terms the media engine needs to run the stream.
 *
 * @param codec          the codec to send, with the payload type the peer expects for it
 * @param ptime          packet time to send with, ms
 * @param remote         where to send RTP (RTCP on the next port)
 * @param direction      this phone's direction: whether it sends and whether it plays what it receives
 * @param telephoneEvent payload type of RFC 4733 events both sides accepted, if any
 * @param srtp           keys when the stream is SRTP, empty for plain RTP
 */
public record AudioSession(CodecFormat codec, int ptime, InetSocketAddress remote, MediaDirection direction,
        OptionalInt telephoneEvent, Optional<SrtpKeys> srtp) {

    public AudioSession {
        Objects.requireNonNull(codec, "codec");
        Objects.requireNonNull(remote, "remote");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(telephoneEvent, "telephoneEvent");
        Objects.requireNonNull(srtp, "srtp");
    }

    public AudioSession withDirection(MediaDirection value) {
        return new AudioSession(codec, ptime, remote, value, telephoneEvent, srtp);
    }

    @Override
    public String toString() {
        return codec.rtpmap() + " ptime " + ptime + " to " + AddressText.host(remote.getAddress()) + ":" + remote.getPort() + " " + direction.attribute()
                + (telephoneEvent.isPresent() ? " DTMF PT " + telephoneEvent.getAsInt() : "")
                + " " + srtp.map(SrtpKeys::toString).orElse("plain RTP");
    }
}
