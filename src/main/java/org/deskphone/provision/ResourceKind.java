package org.deskphone.provision;

/**
 * The files a configuration names by URL besides settings (Yealink §3, L669-1245 and L11288-11501; ALE
 * §3.13), each kept in its own folder under {@code <data>/resources}.
 */
public enum ResourceKind {
    RINGTONE("ringtones", false),
    LANGUAGE("languages", false),
    LOGO("logo", false),
    WALLPAPER("wallpapers", false),
    SCREENSAVER("screensaver", false),
    CONTACTS("contacts", true),
    REPLACE_RULES("replace-rules", true),
    DIAL_NOW("dial-now", true),
    TRUSTED_CERTIFICATE("certificates/trusted", false),
    DEVICE_CERTIFICATE("certificates/device", false),
    DST_RULES("dst", false),
    SOFTKEY_LAYOUT("softkeys", false),
    WEB_PERMISSIONS("web-permissions", false),
    DIRECTORY_SETTINGS("directory", false),
    AVATARS("avatars", false),
    OPENVPN("openvpn", false),
    FIRMWARE("firmware", false);

    private final String folder;
    private final boolean readByStore;

    ResourceKind(String folder, boolean readByStore) {
        this.folder = folder;
        this.readByStore = readByStore;
    }

    /** The folder under {@code <data>/resources}. */
    public String folder() {
        return folder;
    }

    /** True when the configuration store reads the file's content (contacts and dial rules). */
    public boolean readByStore() {
        return readByStore;
    }
}
