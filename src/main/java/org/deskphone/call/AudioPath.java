package org.deskphone.call;

/** Where the phone's audio goes: nowhere (on hook), the handset, the loudspeaker (handsfree) or a headset. */
public enum AudioPath {
    NONE, HANDSET, SPEAKER, HEADSET
}
