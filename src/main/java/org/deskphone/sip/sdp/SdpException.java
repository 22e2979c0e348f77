package org.deskphone.sip.sdp;

/** A session description that cannot be read: the reason names the line. Answered with 400 or 488. */
public final class SdpException extends Exception {
    public SdpException(String message) {
        super(message);
    }
}
