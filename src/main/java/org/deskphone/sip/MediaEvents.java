package org.deskphone.sip;

/** What a media channel reports, from the engine's own threads. Implementations must not block. */
public interface MediaEvents {

    /** A DTMF digit the peer sent as RFC 4733 events (or detected in-band). */
    void dtmf(char digit);

    /** The stream broke (socket error, device gone). */
    void failed(String reason);
}
