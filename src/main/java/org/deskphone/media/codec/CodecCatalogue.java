package org.deskphone.media.codec;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.tinylog.Logger;

/**
 * What the phone can offer in SDP, in the configured order. The order comes from the configuration as the
 * ALE manual's payload-type codes ({@code AccountXAudioCodec}, seed L5024, default {@code 0;8;18;9;98});
 * codes of unsupported codecs (G.729 18, iLBC 98) are dropped with a log line naming the codec, never offered.
 */
public final class CodecCatalogue {
    /** The ALE default order (seed L5024). */
    public static final List<Integer> DEFAULT_ORDER = List.of(0, 8, 18, 9, 98);
    /** The telephone-event payload type the manuals' examples use (seed L3434-3456; Yealink default 101). */
    public static final int DEFAULT_TELEPHONE_EVENT_PAYLOAD_TYPE = 101;

    private CodecCatalogue() {
    }

    /** Every codec that can be carried. */
    public static List<CodecType> supported() {
        List<CodecType> supported = new ArrayList<>();
        for (CodecType type : CodecType.values()) {
            if (type.supported()) {
                supported.add(type);
            }
        }
        return supported;
    }

    /** Every codec the manuals list that is not carried, with the reason. */
    public static List<CodecType> unsupported() {
        List<CodecType> unsupported = new ArrayList<>();
        for (CodecType type : CodecType.values()) {
            if (!type.supported()) {
                unsupported.add(type);
            }
        }
        return unsupported;
    }

    /**
     * The codecs to offer, in the order of {@code manualCodes}. Unknown codes are an error a user caused (a bad
     * configuration value) and are reported; unsupported codecs are skipped and logged.
     */
    public static List<SdpCodec> offer(List<Integer> manualCodes, CodecSettings settings) {
        Set<CodecType> chosen = new LinkedHashSet<>();
        for (int code : manualCodes) {
            Optional<CodecType> type = code == settings.opusPayloadType() ? Optional.of(CodecType.OPUS) : CodecType.fromManualCode(code);
            if (type.isEmpty()) {
                throw new IllegalArgumentException("audio codec list names payload type " + code
                        + ", which is none of 0 (PCMU), 8 (PCMA), 9 (G722), 18 (G729), 98 (iLBC), "
                        + settings.opusPayloadType() + " (opus), 111-114 (G726)");
            }
            if (!type.get().supported()) {
                Logger.info("not offering {}: {}", type.get().encodingName(), type.get().whyUnsupported().orElse(""));
                continue;
            }
            chosen.add(type.get());
        }
        List<SdpCodec> offer = new ArrayList<>();
        for (CodecType type : chosen) {
            int payloadType = type == CodecType.OPUS ? settings.opusPayloadType() : type.defaultPayloadType();
            offer.add(new SdpCodec(type, payloadType, type.encodingName(), type.clockRate(), type.channels(), type.fmtp(settings)));
        }
        return List.copyOf(offer);
    }
}
