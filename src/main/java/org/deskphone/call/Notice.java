package org.deskphone.call;

import java.util.Objects;

/**
 * A short message for the user, shown for a moment over whatever the screen shows: {@code text} is the id of
 * a phone text ({@code not_supported}, {@code transfer_failed}...) that the screens translate, {@code detail}
 * what goes with it (a key's name, a reason), blank if nothing.
 */
public record Notice(String text, String detail) {

    public Notice {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(detail, "detail");
    }

    public static Notice of(String text) {
        return new Notice(text, "");
    }
}
