package org.deskphone.sip.sdp;

import java.util.Objects;
import org.deskphone.sip.AudioSession;

/** The outcome of answering an offer or reading an answer. */
public sealed interface Negotiation {

    /** Both sides agree: the audio to run, and for an answer the SDP to send back. */
    record Agreed(SessionDescription answer, AudioSession audio) implements Negotiation {
        public Agreed {
            Objects.requireNonNull(audio, "audio");
        }
    }

    /** Nothing usable: answered 488 (or, for an answer, the call is ended), with this reason. */
    record Refused(String reason) implements Negotiation {
    }
}
