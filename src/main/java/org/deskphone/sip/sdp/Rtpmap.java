package org.deskphone.sip.sdp;

import java.util.Optional;

/** {@code a=rtpmap:<pt> <name>/<rate>[/<channels>]}. */
public record Rtpmap(int payloadType, String encodingName, int clockRate, int channels) {

    static Optional<Rtpmap> parse(String value) {
        String[] parts = value.trim().split("\\s+", 2);
        if (parts.length != 2) {
            return Optional.empty();
        }
        String[] encoding = parts[1].trim().split("/");
        try {
            int pt = Integer.parseInt(parts[0]);
            int rate = Integer.parseInt(encoding[1].trim());
            int channels = encoding.length > 2 ? Integer.parseInt(encoding[2].trim()) : 1;
            if (pt < 0 || pt > 127 || rate <= 0 || channels <= 0 || encoding[0].isBlank()) {
                return Optional.empty();
            }
            return Optional.of(new Rtpmap(pt, encoding[0].trim(), rate, channels));
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }
}
