package org.deskphone.config;

import java.util.Objects;

/**
 * Where a value came from: the factory default, a provisioned file (by the name the provisioning run
 * gave it), or a local change from the web UI or the phone's menus.
 */
public record Source(Kind kind, String file) {
    public enum Kind {
        FACTORY, PROVISIONED, LOCAL
    }

    public static final Source FACTORY = new Source(Kind.FACTORY, null);
    public static final Source LOCAL = new Source(Kind.LOCAL, null);

    public Source {
        Objects.requireNonNull(kind, "kind");
        if ((kind == Kind.PROVISIONED) != (file != null)) {
            throw new IllegalArgumentException("a provisioned source names its file, and only it");
        }
    }

    public static Source provisioned(String file) {
        return new Source(Kind.PROVISIONED, file);
    }

    @Override
    public String toString() {
        return switch (kind) {
            case FACTORY -> "factory";
            case LOCAL -> "local";
            case PROVISIONED -> "provisioned " + file;
        };
    }
}
