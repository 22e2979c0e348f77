package org.deskphone.sip;

/**
 * How DTMF travels in one call's media, decided from the account's DTMF mode and what offer/answer agreed
 * (see {@code CallDtmf}). SIP INFO, which the media does not see, may go as well.
 */
public enum MediaDtmf {
    /** RFC 4733 telephone-events on the negotiated payload type; received events are reported too. */
    RFC4733,
    /** Tones in the voice; received tones are detected. */
    INBAND,
    /** Nothing in the media (SIP INFO only, or no DTMF). Received telephone-events are still reported. */
    NONE
}
