package org.deskphone.call;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.deskphone.sip.Party;

/**
 * One call appearance at one moment, for screens and readers off the loop (the web UI): immutable.
 *
 * @param id        the phone's number for the appearance (a call being dialled has one too)
 * @param account   the account (1-based), 0 for none
 * @param status    where it stands
 * @param remote    the other party; for a number being typed, a party made of the number
 * @param number    the number typed or dialled, or the caller's number
 * @param name      the name to show: from the directory, else the party's display name; blank if none
 * @param started   when it began
 * @param answered  when it was connected
 * @param codec     the agreed codec, blank before media
 * @param secure    SRTP
 * @param muted     this phone's microphone is off for it
 * @param conference part of the local conference
 * @param detail    why it failed, or a transfer's trouble, in words; blank otherwise
 */
public record CallInfo(int id, int account, Status status, Party remote, String number, String name, Instant started,
        Optional<Instant> answered, String codec, boolean secure, boolean muted, boolean conference, String detail) {

    /** Where a call appearance stands. */
    public enum Status {
        /** The user types a number. */
        DIALING,
        /** The INVITE is out; nothing rings yet. */
        CALLING,
        /** It rings at the other side. */
        RINGBACK,
        /** It rings here. */
        RINGING,
        TALKING,
        /** This phone holds it. */
        HELD,
        /** The other side holds it. */
        HELD_BY_REMOTE,
        /** It failed or was refused; the screen says why until the user clears it. */
        FAILED
    }

    public CallInfo {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(remote, "remote");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(started, "started");
        Objects.requireNonNull(answered, "answered");
        Objects.requireNonNull(codec, "codec");
        Objects.requireNonNull(detail, "detail");
    }

    /** How long it has been connected at {@code now}; zero before it was. */
    public Duration talked(Instant now) {
        return answered.map(at -> Duration.between(at, now)).filter(d -> !d.isNegative()).orElse(Duration.ZERO);
    }
}
