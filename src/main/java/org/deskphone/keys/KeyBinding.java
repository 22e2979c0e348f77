package org.deskphone.keys;

import java.util.Objects;

/**
 * What one key is configured to do.
 *
 * @param function  its type
 * @param account   the account it acts on (1-based; 0: the default account)
 * @param value     its value: the number of a speed dial ({@code number,DTMF}), a prefix, DTMF digits...
 * @param extension ALE's extension (a pickup code, a paging channel); Yealink's pickup value
 * @param label     what the screen calls it; blank: the function's name
 * @param setting   the settings it came from ({@code linekey.2.}, {@code ProgramKey3}...), for logs and the web UI
 */
public record KeyBinding(KeyFunction function, int account, String value, String extension, String label, String setting) {

    public static final KeyBinding NONE = new KeyBinding(KeyFunction.NONE, 0, "", "", "", "");

    public KeyBinding {
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(extension, "extension");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(setting, "setting");
    }

    public static KeyBinding of(KeyFunction function) {
        return new KeyBinding(function, 0, "", "", "", "");
    }

    /** The label, else the function's name. */
    public String shown() {
        return label.isBlank() ? function.label() : label;
    }
}
