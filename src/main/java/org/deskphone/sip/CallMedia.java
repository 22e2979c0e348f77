package org.deskphone.sip;

import java.io.IOException;
import java.net.InetAddress;
import java.util.Collection;
import java.util.List;

/**
 * What the user agent needs from the media engine: the codecs it can carry for a configured order, the
 * SRTP suites and DTMF paths it has, and one {@link MediaChannel} per call. The user agent negotiates SDP
 * and tells the channel what was agreed; the engine moves the audio. Implemented by the media engine's
 * adapter (one class at merge) and, until then, by {@code org.deskphone.sip.interim}.
 */
public interface CallMedia {

    /**
     * The codecs to offer, in the order of {@code configuredOrder} (the ALE manual's payload-type codes,
     * seed L5024: 0 PCMU, 8 PCMA, 9 G722, 18 G729, 98 iLBC, 111-114 G726, 125 opus), leaving out those the
     * engine does not carry. The media engine's {@code CodecCatalogue.offer} does exactly this.
     */
    List<CodecFormat> codecs(List<Integer> configuredOrder);

    /** SRTP suites the engine can protect with; empty when it has no SRTP. */
    List<SrtpSuite> srtpSuites();

    /** Whether it can send and detect RFC 4733 telephone-events. */
    boolean telephoneEvents();

    /** Whether it can send DTMF as tones in the audio. */
    boolean inbandDtmf();

    /**
     * A local conference: mixes these channels with each other and with the phone, and takes every other
     * channel out of the mix. Returns false when this media cannot mix (the interim media).
     */
    default boolean conference(Collection<MediaChannel> members) {
        return false;
    }

    /**
     * Reserves an RTP port (and the next one for RTCP) on {@code local} for one call. {@code events} is
     * called from the engine's threads; the user agent posts what it hears to the phone loop.
     */
    MediaChannel open(InetAddress local, MediaEvents events) throws IOException;
}
