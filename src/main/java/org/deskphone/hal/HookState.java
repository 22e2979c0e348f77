package org.deskphone.hal;

/** Where the handset is. */
public enum HookState {
    ON_HOOK, OFF_HOOK
}
