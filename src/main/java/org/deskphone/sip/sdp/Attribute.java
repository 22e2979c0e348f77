package org.deskphone.sip.sdp;

import java.util.Objects;
import java.util.Optional;

/** One {@code a=name[:value]} line. */
public record Attribute(String name, Optional<String> value) {

    public Attribute {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }

    public static Attribute flag(String name) {
        return new Attribute(name, Optional.empty());
    }

    public static Attribute of(String name, String value) {
        return new Attribute(name, Optional.of(value));
    }

    static Attribute parse(String text) {
        int colon = text.indexOf(':');
        return colon < 0 ? flag(text.trim()) : of(text.substring(0, colon).trim(), text.substring(colon + 1).trim());
    }

    @Override
    public String toString() {
        return "a=" + name + value.map(v -> ":" + v).orElse("");
    }
}
