package org.deskphone.dialplan;

/**
 * The keypad key that works as the Send key while dialling: ALE {@code FeatureKeyAsSend} (seed 004
 * L11498-11507) and Yealink {@code features.pound_key.mode} (seed 000 L9861-9876) share the codes
 * 0 (none), 1 ({@code #}, the default of both) and 2 ({@code *}).
 */
public enum KeyAsSend {
    NONE, POUND, STAR;

    /** From the code both manuals use. */
    public static KeyAsSend ofCode(int code) {
        switch (code) {
            case 0:
                return NONE;
            case 1:
                return POUND;
            case 2:
                return STAR;
            default:
                throw new IllegalArgumentException("key-as-send is 0, 1 or 2, not " + code);
        }
    }

    boolean isSend(char key) {
        return this == POUND && key == '#' || this == STAR && key == '*';
    }
}
