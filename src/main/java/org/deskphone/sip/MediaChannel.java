package org.deskphone.sip;

import java.time.Duration;

/**
 * One call's audio stream as the user agent drives it: started with what offer/answer agreed, updated on
 * every re-negotiation (hold, resume, a new codec or address), told to send DTMF, asked for statistics, and
 * closed when the call ends. Called on the phone loop; must not block it.
 */
public interface MediaChannel extends AutoCloseable {

    /** The RTP port reserved for this call, written into SDP. */
    int localPort();

    /** Starts sending and receiving as {@code session} says. */
    void start(AudioSession session);

    /** Applies a new agreement (direction, codec, remote address); starts the stream if not started. */
    void update(AudioSession session);

    /** Sends one DTMF digit (0-9, *, #, A-D) as RFC 4733 events or as tones in the audio. */
    void sendDtmf(char digit, DtmfPath path, Duration duration);

    /** Counters so far: packets, loss, jitter. */
    MediaStatistics statistics();

    /** Stops the stream and frees its ports; idempotent. */
    @Override
    void close();

    /** How a DTMF digit goes in the media. */
    enum DtmfPath {
        RFC4733, INBAND
    }
}
