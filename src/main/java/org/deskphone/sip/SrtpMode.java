package org.deskphone.sip;

/**
 * SRTP with SDES keys (RFC 4568). ALE {@code AccountXSrtpWorkingMode} (seed L3474) and Yealink
 * {@code account.X.srtp_encryption} (seed L13689) both use 0, 1, 2. The ALE manual does not define the
 * modes; as its digest recommends: NONE offers RTP/AVP without keys; BEST_EFFORT offers keys in RTP/AVP
 * and takes plain RTP when the peer has no SRTP; STRICT offers RTP/SAVP only and refuses calls without
 * SRTP (488).
 */
public enum SrtpMode {
    NONE, BEST_EFFORT, STRICT;

    public static SrtpMode fromCode(int code) {
        SrtpMode[] all = values();
        if (code < 0 || code >= all.length) {
            throw new IllegalArgumentException("SRTP mode must be 0 (none), 1 (best effort) or 2 (strict), not " + code);
        }
        return all[code];
    }
}
