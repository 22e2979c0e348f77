package org.deskphone.sip;

import java.util.List;

/**
 * One call's audio stream as the user agent drives it: asked which codecs to offer, started with what
 * offer/answer agreed, updated on every re-negotiation (hold, resume, a new codec or address), told to send
 * DTMF, asked for statistics, and closed when the call ends. Called on the phone loop; must not block it.
 */
public interface MediaChannel extends AutoCloseable {

    /** The RTP port reserved for this call, written into SDP. */
    int localPort();

    /**
     * The codecs to offer, in the preferences' order, as the engine carries them: those it does not carry
     * (G.729, iLBC) are left out, each with the payload type and {@code a=fmtp} to write. May be empty.
     */
    List<CodecFormat> codecs();

    /** Starts sending and receiving as {@code session} says, with DTMF in the media as {@code dtmf} says. */
    void start(AudioSession session, MediaDtmf dtmf);

    /** Applies a new agreement (direction, codec, keys, remote address); starts the stream if not started. */
    void update(AudioSession session, MediaDtmf dtmf);

    /**
     * Sends one DTMF digit (0-9, *, #, A-D) the way the stream was started with, for the configured duration.
     * False when the stream carries no DTMF ({@link MediaDtmf#NONE}) or is not started.
     */
    boolean sendDtmf(char digit);

    /**
     * Sends silence instead of the microphone (mute), or the microphone again; may come before {@link #start}.
     * False when this media cannot mute (the interim media): the call then stays unmuted.
     */
    default boolean setMuted(boolean muted) {
        return false;
    }

    /** Counters so far: packets, loss, jitter. */
    MediaStatistics statistics();

    /** Stops the stream and frees its ports; idempotent. */
    @Override
    void close();
}
