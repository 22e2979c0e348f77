package org.deskphone.sip;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An account's audio codecs as its configuration gives them: the order, as the ALE manual's payload-type
 * codes ({@code AccountXAudioCodec}, seed L5024: 0 PCMU, 8 PCMA, 9 G722, 18 G729, 98 iLBC, 111-114 G726,
 * 125 opus); the payload types to offer dynamic codecs with, by that code (ALE {@code AccountXOpusPayloadType},
 * seed L5074; Yealink {@code account.X.codec.Y.rtpmap}, seed L14749); the Opus bandwidth (ALE
 * {@code AccountXOpusBandwidth}, seed L5046: 0 narrowband, 1 wideband, 2 super-wideband); and the
 * telephone-event payload type, which no codec may take.
 */
public record CodecPreferences(List<Integer> order, Map<Integer, Integer> payloadTypes, int opusBandwidth, int telephoneEvent) {
    /** The codes for Opus in the order and in {@link #payloadTypes}. */
    public static final int OPUS = 125;
    /** What a call without an account (a direct IP call) offers. */
    public static final CodecPreferences DEFAULT = new CodecPreferences(List.of(0, 8, 9, OPUS), Map.of(), 1, 101);

    public CodecPreferences {
        order = List.copyOf(order);
        payloadTypes = Map.copyOf(payloadTypes);
        if (opusBandwidth < 0 || opusBandwidth > 2) {
            throw new IllegalArgumentException("Opus bandwidth is 0 (NB), 1 (WB) or 2 (SWB), not " + opusBandwidth);
        }
        for (Map.Entry<Integer, Integer> entry : payloadTypes.entrySet()) {
            if (entry.getValue() < 96 || entry.getValue() > 127) {
                throw new IllegalArgumentException("codec " + entry.getKey() + " needs a dynamic payload type (96-127), not " + entry.getValue());
            }
        }
        Objects.requireNonNull(order, "order");
    }

    /** The payload type to offer the codec of {@code code} with, when it is dynamic. */
    public int payloadType(int code, int fallback) {
        return payloadTypes.getOrDefault(code, fallback);
    }
}
