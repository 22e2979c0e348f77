package org.deskphone.sip.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.deskphone.sip.MediaDirection;

/** One {@code m=} section and the lines that follow it. Immutable. */
public final class MediaDescription {
    /** The static payload types RFC 3551 table 4 assigns to audio, for offers without {@code a=rtpmap}. */
    private static final String[] STATIC_AUDIO = new String[19];

    static {
        STATIC_AUDIO[0] = "PCMU/8000";
        STATIC_AUDIO[3] = "GSM/8000";
        STATIC_AUDIO[4] = "G723/8000";
        STATIC_AUDIO[8] = "PCMA/8000";
        STATIC_AUDIO[9] = "G722/8000";
        STATIC_AUDIO[18] = "G729/8000";
    }

    private final String type;
    private final int port;
    private final String protocol;
    private final List<String> formats;
    private final Optional<Connection> connection;
    private final List<Attribute> attributes;

    public MediaDescription(String type, int port, String protocol, List<String> formats, Optional<Connection> connection,
            List<Attribute> attributes) {
        this.type = Objects.requireNonNull(type);
        this.port = port;
        this.protocol = Objects.requireNonNull(protocol);
        this.formats = List.copyOf(formats);
        this.connection = Objects.requireNonNull(connection);
        this.attributes = List.copyOf(attributes);
    }

    public String type() {
        return type;
    }

    /** 0 means the stream is rejected or disabled (RFC 3264 §6). */
    public int port() {
        return port;
    }

    /** {@code RTP/AVP}, {@code RTP/SAVP}, {@code RTP/AVPF}, ... as written. */
    public String protocol() {
        return protocol;
    }

    public boolean isSecureProfile() {
        String p = protocol.toUpperCase(Locale.ROOT);
        return p.equals("RTP/SAVP") || p.equals("RTP/SAVPF");
    }

    /** RTP over UDP with or without SDES: what a phone can carry (DTLS and TCP profiles are not). */
    public boolean isRtp() {
        String p = protocol.toUpperCase(Locale.ROOT);
        return p.equals("RTP/AVP") || p.equals("RTP/AVPF") || p.equals("RTP/SAVP") || p.equals("RTP/SAVPF");
    }

    public List<String> formats() {
        return formats;
    }

    public Optional<Connection> connection() {
        return connection;
    }

    public List<Attribute> attributes() {
        return attributes;
    }

    public Optional<String> attribute(String name) {
        for (Attribute attribute : attributes) {
            if (attribute.name().equalsIgnoreCase(name)) {
                return Optional.of(attribute.value().orElse(""));
            }
        }
        return Optional.empty();
    }

    public List<String> attributeValues(String name) {
        List<String> values = new ArrayList<>();
        for (Attribute attribute : attributes) {
            if (attribute.name().equalsIgnoreCase(name)) {
                values.add(attribute.value().orElse(""));
            }
        }
        return values;
    }

    /** The encoding of a payload type: its {@code a=rtpmap}, or the RFC 3551 static assignment. */
    public Optional<Rtpmap> rtpmap(int payloadType) {
        for (String value : attributeValues("rtpmap")) {
            Optional<Rtpmap> map = Rtpmap.parse(value);
            if (map.isPresent() && map.get().payloadType() == payloadType) {
                return map;
            }
        }
        if (payloadType >= 0 && payloadType < STATIC_AUDIO.length && STATIC_AUDIO[payloadType] != null && type.equals("audio")) {
            return Rtpmap.parse(payloadType + " " + STATIC_AUDIO[payloadType]);
        }
        return Optional.empty();
    }

    public Optional<String> fmtp(int payloadType) {
        String prefix = payloadType + " ";
        for (String value : attributeValues("fmtp")) {
            if (value.startsWith(prefix)) {
                return Optional.of(value.substring(prefix.length()).trim());
            }
        }
        return Optional.empty();
    }

    public OptionalInt ptime() {
        Optional<String> value = attribute("ptime");
        if (value.isPresent()) {
            try {
                int ptime = Integer.parseInt(value.get().trim());
                if (ptime > 0 && ptime <= 200) {
                    return OptionalInt.of(ptime);
                }
            } catch (NumberFormatException ignored) {
                // A broken ptime is as good as none.
            }
        }
        return OptionalInt.empty();
    }

    /** The direction attribute of this stream, else the session's, else sendrecv. */
    public MediaDirection direction(MediaDirection sessionDefault) {
        for (Attribute attribute : attributes) {
            if (attribute.value().isEmpty()) {
                Optional<MediaDirection> direction = MediaDirection.fromAttribute(attribute.name());
                if (direction.isPresent()) {
                    return direction.get();
                }
            }
        }
        return sessionDefault;
    }

    /** The payload types listed, as numbers; RTP formats that are not numbers are skipped. */
    public List<Integer> payloadTypes() {
        List<Integer> types = new ArrayList<>();
        for (String format : formats) {
            try {
                int pt = Integer.parseInt(format);
                if (pt >= 0 && pt <= 127) {
                    types.add(pt);
                }
            } catch (NumberFormatException ignored) {
                // Not an RTP payload type.
            }
        }
        return types;
    }

    String format() {
        StringBuilder out = new StringBuilder();
        out.append("m=").append(type).append(' ').append(port).append(' ').append(protocol);
        for (String format : formats) {
            out.append(' ').append(format);
        }
        out.append("\r\n");
        connection.ifPresent(c -> out.append(c).append("\r\n"));
        for (Attribute attribute : attributes) {
            out.append(attribute).append("\r\n");
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return format();
    }
}
