package org.deskphone.sip.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.deskphone.sip.MediaDirection;

/**
 * An SDP body (RFC 4566) as much as a phone needs: origin, connection, session attributes and media
 * sections. Parsing is lenient about what it does not use (unknown lines are kept or skipped) and strict
 * about what it does (connection addresses, media lines), and bounded, because the body comes from the
 * network.
 */
public final class SessionDescription {
    static final int MAX_MEDIA = 16;
    static final int MAX_LINES = 512;

    private final String originUser;
    private final long sessionId;
    private final long version;
    private final Connection originAddress;
    private final Optional<Connection> connection;
    private final List<Attribute> attributes;
    private final List<MediaDescription> media;

    public SessionDescription(String originUser, long sessionId, long version, Connection originAddress,
            Optional<Connection> connection, List<Attribute> attributes, List<MediaDescription> media) {
        this.originUser = Objects.requireNonNull(originUser);
        this.sessionId = sessionId;
        this.version = version;
        this.originAddress = Objects.requireNonNull(originAddress);
        this.connection = Objects.requireNonNull(connection);
        this.attributes = List.copyOf(attributes);
        this.media = List.copyOf(media);
    }

    public static SessionDescription parse(String text) throws SdpException {
        String[] lines = text.split("\r?\n");
        if (lines.length > MAX_LINES) {
            throw new SdpException("SDP has " + lines.length + " lines; at most " + MAX_LINES + " are read");
        }
        String originUser = "-";
        long sessionId = 0;
        long version = 0;
        Connection originAddress = null;
        Optional<Connection> sessionConnection = Optional.empty();
        List<Attribute> sessionAttributes = new ArrayList<>();
        List<MediaDescription> media = new ArrayList<>();
        boolean sawVersion = false;
        // The media section being read.
        String mType = null;
        int mPort = 0;
        String mProtocol = null;
        List<String> mFormats = null;
        Optional<Connection> mConnection = Optional.empty();
        List<Attribute> mAttributes = null;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.length() < 2 || line.charAt(1) != '=') {
                throw new SdpException("SDP line " + (i + 1) + " is not 'x=value': " + abbreviate(line));
            }
            char kind = line.charAt(0);
            String value = line.substring(2);
            switch (kind) {
                case 'v' -> {
                    if (!value.trim().equals("0")) {
                        throw new SdpException("SDP version is " + abbreviate(value) + ", not 0");
                    }
                    sawVersion = true;
                }
                case 'o' -> {
                    String[] parts = value.trim().split("\\s+");
                    if (parts.length < 6) {
                        throw new SdpException("o= line has " + parts.length + " fields, not 6: " + abbreviate(value));
                    }
                    originUser = parts[0];
                    sessionId = number(parts[1], "o= session id");
                    version = number(parts[2], "o= version");
                    originAddress = parts[5].matches("[0-9A-Fa-f:.]+") ? new Connection(parts[5], parts[4].equals("IP6"))
                            : new Connection("0.0.0.0", false);
                }
                case 'c' -> {
                    Connection c = Connection.parse(value);
                    if (mType == null) {
                        sessionConnection = Optional.of(c);
                    } else {
                        mConnection = Optional.of(c);
                    }
                }
                case 'a' -> {
                    Attribute attribute = Attribute.parse(value);
                    if (mType == null) {
                        sessionAttributes.add(attribute);
                    } else {
                        mAttributes.add(attribute);
                    }
                }
                case 'm' -> {
                    if (mType != null) {
                        media.add(new MediaDescription(mType, mPort, mProtocol, mFormats, mConnection, mAttributes));
                    }
                    if (media.size() >= MAX_MEDIA) {
                        throw new SdpException("SDP has more than " + MAX_MEDIA + " media sections");
                    }
                    String[] parts = value.trim().split("\\s+");
                    if (parts.length < 3) {
                        throw new SdpException("m= line is not 'media port proto fmt...': " + abbreviate(value));
                    }
                    mType = parts[0];
                    String port = parts[1];
                    int slash = port.indexOf('/');
                    mPort = (int) number(slash < 0 ? port : port.substring(0, slash), "m= port");
                    if (mPort > 65535) {
                        throw new SdpException("m= port " + mPort + " is out of range");
                    }
                    mProtocol = parts[2];
                    mFormats = new ArrayList<>(List.of(parts).subList(3, parts.length));
                    mConnection = Optional.empty();
                    mAttributes = new ArrayList<>();
                }
                default -> {
                    // s=, t=, b=, i=, e=, k= ...: not needed by a phone.
                }
            }
        }
        if (mType != null) {
            media.add(new MediaDescription(mType, mPort, mProtocol, mFormats, mConnection, mAttributes));
        }
        if (!sawVersion) {
            throw new SdpException("SDP has no v=0 line");
        }
        if (originAddress == null) {
            throw new SdpException("SDP has no o= line");
        }
        return new SessionDescription(originUser, sessionId, version, originAddress, sessionConnection, sessionAttributes, media);
    }

    public String originUser() {
        return originUser;
    }

    public long sessionId() {
        return sessionId;
    }

    public long version() {
        return version;
    }

    public Optional<Connection> connection() {
        return connection;
    }

    public List<Attribute> attributes() {
        return attributes;
    }

    public List<MediaDescription> media() {
        return media;
    }

    /** The session-level direction attribute, or sendrecv. */
    public MediaDirection direction() {
        for (Attribute attribute : attributes) {
            if (attribute.value().isEmpty()) {
                Optional<MediaDirection> direction = MediaDirection.fromAttribute(attribute.name());
                if (direction.isPresent()) {
                    return direction.get();
                }
            }
        }
        return MediaDirection.SENDRECV;
    }

    /** The connection that applies to {@code m}: its own, else the session's. */
    public Optional<Connection> connectionOf(MediaDescription m) {
        return m.connection().or(() -> connection);
    }

    public String format() {
        StringBuilder out = new StringBuilder();
        out.append("v=0\r\n");
        out.append("o=").append(originUser).append(' ').append(sessionId).append(' ').append(version)
                .append(" IN ").append(originAddress.ipv6() ? "IP6 " : "IP4 ").append(originAddress.address()).append("\r\n");
        out.append("s=-\r\n");
        connection.ifPresent(c -> out.append(c).append("\r\n"));
        out.append("t=0 0\r\n");
        for (Attribute attribute : attributes) {
            out.append(attribute).append("\r\n");
        }
        for (MediaDescription m : media) {
            out.append(m.format());
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return format();
    }

    private static long number(String text, String what) throws SdpException {
        try {
            long value = Long.parseLong(text.trim());
            if (value < 0) {
                throw new SdpException(what + " is negative: " + text);
            }
            return value;
        } catch (NumberFormatException e) {
            // Session ids beyond a long are legal (any digits); a phone does not need their value.
            if (text.trim().matches("[0-9]{1,40}")) {
                return Long.MAX_VALUE;
            }
            throw new SdpException(what + " is not a number: " + abbreviate(text));
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 60) + "...";
    }
}
