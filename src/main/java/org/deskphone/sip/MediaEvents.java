package org.deskphone.sip;

/** What a media channel reports, on the phone loop. */
public interface MediaEvents {

    /** A DTMF digit the peer sent as RFC 4733 events, or that was detected in the audio. */
    void dtmf(char digit);

    /** The stream broke (the sound card failed). */
    void failed(String reason);
}
