package org.deskphone.sip;

/** The user agent could not start: a port taken, a certificate unreadable. The message says which. */
public final class SipStartException extends Exception {
    public SipStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
