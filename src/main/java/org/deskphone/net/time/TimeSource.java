package org.deskphone.net.time;

/**
 * What other features tell the phone's clock. The SIP user agent hands over the {@code Date} header of
 * the 200 OK to REGISTER (ALE L11046-11052: "SIP Server" time); the menus hand over the time the user set.
 * Called on the phone loop; each is ignored unless the settings choose that method.
 */
public interface TimeSource {

    /** A SIP {@code Date} header value, RFC 3261 §20.17 ({@code Sat, 13 Nov 2010 23:29:00 GMT}). */
    void sipDate(String headerValue);

    /** The date and time the user set on the phone. */
    void setByHand(java.time.Instant instant);
}
