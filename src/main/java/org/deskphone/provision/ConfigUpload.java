package org.deskphone.provision;

import java.net.URI;

/**
 * Where the phone uploads its exported configuration when a SIP NOTIFY {@code Event: report} asks for it
 * (ALE L14948-14951): {@code DeviceConfigUploadUrl} is "a directory and cannot be a fixed file name. If
 * 'http://' ... is not specified, http is used. If 'https://' is specified, https is used" (L14966-14974).
 * The export itself is the configuration store's; the upload is wired with the SIP side's {@code report}.
 */
public final class ConfigUpload {
    public static final String URL = "DeviceConfigUploadUrl";
    public static final String ENABLE = "DeviceConfigUploadEnable";

    private ConfigUpload() {
    }

    /**
     * The URL the file {@code fileName} is uploaded to.
     *
     * @throws IllegalArgumentException when the setting is not an http(s) folder
     */
    public static URI target(String setting, String fileName) {
        String value = setting.trim();
        URI folder = ServerUrls.hasScheme(value) ? ServerUrls.parse(value) : ServerUrls.withScheme("http", value);
        String scheme = folder.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException(URL + " '" + ServerUrls.redact(value) + "': uploads go over http or https only");
        }
        return ServerUrls.resolve(folder, fileName);
    }
}
