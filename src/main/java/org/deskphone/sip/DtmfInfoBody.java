package org.deskphone.sip;

/**
 * The body of a DTMF SIP INFO. Yealink {@code account.X.dtmf.info_type} (seed L14297): 1 DTMF-Relay,
 * 2 DTMF, 3 Telephone-Event; the ALE manual names the same three bodies (seed L5367-5391).
 */
public enum DtmfInfoBody {
    DTMF_RELAY("application/dtmf-relay"),
    DTMF("application/dtmf"),
    TELEPHONE_EVENT("application/telephone-event");

    private final String contentType;

    DtmfInfoBody(String contentType) {
        this.contentType = contentType;
    }

    public String contentType() {
        return contentType;
    }

    public static DtmfInfoBody fromYealinkCode(int code) {
        return switch (code) {
            case 1 -> DTMF_RELAY;
            case 2 -> DTMF;
            case 3 -> TELEPHONE_EVENT;
            default -> throw new IllegalArgumentException("DTMF INFO type must be 1-3, not " + code);
        };
    }
}
