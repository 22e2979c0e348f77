package org.deskphone.provision;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The files a configuration names by URL besides settings (Yealink §3, L669-1245 and L11288-11501; ALE
 * §3.13), each kept in its own folder under {@code <data>/resources}.
 */
public enum ResourceKind {
    RINGTONE("ringtones", false, false),
    LANGUAGE("languages", false, false),
    LOGO("logo", false, false),
    WALLPAPER("wallpapers", false, false),
    SCREENSAVER("screensaver", false, false),
    CONTACTS("contacts", true, false),
    REPLACE_RULES("replace-rules", true, true),
    DIAL_NOW("dial-now", true, true),
    TRUSTED_CERTIFICATE("certificates/trusted", false, false),
    DEVICE_CERTIFICATE("certificates/device", false, false),
    DST_RULES("dst", false, false),
    SOFTKEY_LAYOUT("softkeys", false, false),
    WEB_PERMISSIONS("web-permissions", false, false),
    DIRECTORY_SETTINGS("directory", false, false),
    AVATARS("avatars", false, false),
    OPENVPN("openvpn", false, false),
    FIRMWARE("firmware", false, false);

    private final String folder;
    private final boolean readByStore;
    private final boolean oneInForce;

    ResourceKind(String folder, boolean readByStore, boolean oneInForce) {
        this.folder = folder;
        this.readByStore = readByStore;
        this.oneInForce = oneInForce;
    }

    /** The folder under {@code <data>/resources}. */
    public String folder() {
        return folder;
    }

    /** True when the configuration store reads the file's content (contacts and dial rules). */
    public boolean readByStore() {
        return readByStore;
    }

    /**
     * True when a downloaded file overwrites everything of its kind on the phone ("The existing replace
     * rules on the phones will be overwritten by the downloaded replace rules", Yealink L1038-1040, and the
     * same for dial-now rules, L1111-1113): its folder keeps that file alone.
     */
    public boolean oneInForce() {
        return oneInForce;
    }

    /**
     * The file of this kind in force under {@code resources} ({@code <data>/resources}), for a kind with
     * {@link #oneInForce()}: the one its folder holds (the newest, should an older firmware have left more).
     */
    public Optional<Path> inForce(Path resources) throws IOException {
        if (!oneInForce) {
            throw new IllegalStateException(this + " files are not one in force");
        }
        Path dir = resources.resolve(folder);
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(dir)) {
            // Files being written are hidden (".name.new") until they are moved into place.
            return files.filter(Files::isRegularFile).filter(file -> !file.getFileName().toString().startsWith("."))
                    .max(Comparator.comparing(ResourceKind::modified));
        }
    }

    private static java.nio.file.attribute.FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return java.nio.file.attribute.FileTime.fromMillis(0);
        }
    }
}
