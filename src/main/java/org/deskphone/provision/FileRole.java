package org.deskphone.provision;

/**
 * What a fetched configuration file is to the run: which vendor's sequence asked for it and at which
 * place, which tells the store its layer and which AES key opens it.
 */
public enum FileRole {
    /** Yealink's {@code y0000000000XX.cfg}, opened with {@code auto_provision.aes_key_16.com} (L3838). */
    YEALINK_COMMON,
    /** Yealink's {@code <MAC>.cfg}, opened with {@code auto_provision.aes_key_16.mac} (L3864). */
    YEALINK_MAC,
    /** ALE's {@code DeviceProvisionFileFirst}, by default {@code config.xml} (L2175). */
    ALE_FIRST,
    /** ALE's {@code DeviceProvisionFileSecond}, by default {@code config.$model.xml} (L2185). */
    ALE_SECOND,
    /** ALE's {@code DeviceProvisionFileThird}, by default {@code config.$mac.xml} (L2196). */
    ALE_THIRD,
    /** A server URL that names one file rather than a folder. */
    NAMED,
    /** Yealink's {@code custom_mac_cfg.url}: applied after the MAC file (Yealink L11195, digest §6 A6). */
    CUSTOM_MAC
}
