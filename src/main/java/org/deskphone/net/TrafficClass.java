package org.deskphone.net;

/** The phone's two kinds of traffic that the manuals mark apart. */
public enum TrafficClass {
    /** SIP. */
    SIGNALLING,
    /** RTP and RTCP. */
    VOICE
}
