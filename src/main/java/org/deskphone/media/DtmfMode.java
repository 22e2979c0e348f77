package org.deskphone.media;

/**
 * How this stream carries DTMF. SIP INFO is the SIP user agent's (it sends no media); the manuals' combined
 * modes (ALE {@code AccountXDtmfMode} 5 and 6, seed L5398) map to {@link #RFC4733} here plus INFO there.
 */
public enum DtmfMode {
    /** RFC 4733 telephone-events (also RFC 2833). */
    RFC4733,
    /** Tones in the voice (ALE 1, Yealink 0). Received in-band digits are detected too. */
    INBAND,
    /** Nothing in the media (ALE 0, or SIP INFO only). */
    NONE
}
