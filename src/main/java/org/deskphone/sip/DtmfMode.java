package org.deskphone.sip;

/**
 * How the phone sends DTMF during a call. ALE {@code AccountXDtmfMode} (seed L5398): 0 None, 1 InBand,
 * 2 RFC2833, 3 RFC4733, 4 SIP_INFO, 5 SIP_INFO+RFC2833, 6 SIP_INFO or RFC4733. Yealink
 * {@code account.X.dtmf.type} (seed L14221): 0 INBAND, 1 RFC2833, 2 SIP INFO, 3 AUTO or SIP INFO.
 * RFC 2833 and RFC 4733 are one wire format, so they are one mode here.
 */
public enum DtmfMode {
    NONE, INBAND, RFC4733, SIP_INFO,
    /** Both at once (ALE 5). */
    SIP_INFO_AND_RFC4733,
    /** RFC 4733 when the answer carried telephone-event, SIP INFO otherwise (ALE 6, Yealink 3). */
    RFC4733_ELSE_SIP_INFO;

    public static DtmfMode fromAleCode(int code) {
        return switch (code) {
            case 0 -> NONE;
            case 1 -> INBAND;
            case 2, 3 -> RFC4733;
            case 4 -> SIP_INFO;
            case 5 -> SIP_INFO_AND_RFC4733;
            case 6 -> RFC4733_ELSE_SIP_INFO;
            default -> throw new IllegalArgumentException("DTMF mode must be 0-6, not " + code);
        };
    }

    public static DtmfMode fromYealinkCode(int code) {
        return switch (code) {
            case 0 -> INBAND;
            case 1 -> RFC4733;
            case 2 -> SIP_INFO;
            case 3 -> RFC4733_ELSE_SIP_INFO;
            default -> throw new IllegalArgumentException("DTMF type must be 0-3, not " + code);
        };
    }

    /** Whether telephone-event is offered in SDP at all. */
    public boolean offersTelephoneEvent() {
        return this == RFC4733 || this == SIP_INFO_AND_RFC4733 || this == RFC4733_ELSE_SIP_INFO;
    }
}
