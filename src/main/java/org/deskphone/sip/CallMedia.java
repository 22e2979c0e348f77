package org.deskphone.sip;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Collection;
import java.util.List;

/**
 * What the user agent needs from the media engine: the SRTP suites and DTMF paths it has, the length of a
 * DTMF digit, and one {@link MediaChannel} per call. The user agent negotiates SDP and tells the channel
 * what was agreed; the engine moves the audio. Implemented by {@code org.deskphone.voice.EngineCallMedia}.
 * Called on the phone loop.
 */
public interface CallMedia {

    /** SRTP suites the engine can protect with; empty when it has no SRTP. */
    List<SrtpSuite> srtpSuites();

    /** Whether it can send and detect RFC 4733 telephone-events. */
    boolean telephoneEvents();

    /** Whether it can send DTMF as tones in the audio (and detect them). */
    boolean inbandDtmf();

    /**
     * A local conference: mixes these channels with each other and with the phone, and takes every other
     * channel out of the mix. Returns false when this media cannot mix.
     */
    default boolean conference(Collection<MediaChannel> members) {
        return false;
    }

    /**
     * How long one DTMF digit lasts, as the configuration sets it (ALE {@code SettingDtmfDuration}, seed
     * L5417): the media sends its events or tones that long, and a SIP INFO says so in its body.
     */
    Duration dtmfDuration();

    /**
     * Reserves an RTP port (and the next one for RTCP) on {@code local} for one call, whose codecs are chosen
     * and labelled as {@code codecs} says. {@code events} is called on the phone loop.
     */
    MediaChannel open(InetAddress local, CodecPreferences codecs, MediaEvents events) throws IOException;
}
