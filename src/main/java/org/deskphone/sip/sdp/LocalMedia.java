package org.deskphone.sip.sdp;

import java.net.InetAddress;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import org.deskphone.sip.CodecFormat;
import org.deskphone.sip.HoldStyle;
import org.deskphone.sip.MediaDirection;
import org.deskphone.sip.SrtpMode;
import org.deskphone.sip.SrtpSuite;

/**
 * What this phone brings to one offer or answer: its RTP address and port, its codecs in priority order
 * (from the account's codec list, as the media engine carries them), the telephone-event payload type
 * when DTMF goes in RTP, SRTP mode and suites, and the direction it wants (sendonly while holding).
 */
public record LocalMedia(InetAddress address, int rtpPort, List<CodecFormat> codecs, int ptime, OptionalInt telephoneEvent,
        SrtpMode srtp, List<SrtpSuite> suites, MediaDirection direction, HoldStyle holdStyle) {

    public LocalMedia {
        Objects.requireNonNull(address, "address");
        codecs = List.copyOf(codecs);
        suites = List.copyOf(suites);
        Objects.requireNonNull(telephoneEvent, "telephoneEvent");
        Objects.requireNonNull(srtp, "srtp");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(holdStyle, "holdStyle");
    }

    public LocalMedia withDirection(MediaDirection value) {
        return new LocalMedia(address, rtpPort, codecs, ptime, telephoneEvent, srtp, suites, value, holdStyle);
    }

    /** SRTP as it can really be done: off when no suite is left (the media engine carries none). */
    SrtpMode effectiveSrtp() {
        return suites.isEmpty() && srtp == SrtpMode.BEST_EFFORT ? SrtpMode.NONE : srtp;
    }

    /** Holding the RFC 2543 way: {@code c=0.0.0.0} instead of a direction attribute. */
    boolean holdsWithNullAddress() {
        return holdStyle == HoldStyle.RFC2543 && !direction.receives();
    }
}
