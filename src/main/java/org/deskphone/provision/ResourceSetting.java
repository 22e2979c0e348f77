package org.deskphone.provision;

import java.util.List;
import java.util.Optional;
import org.deskphone.config.format.Dialect;

/**
 * A setting whose value is the URL of a resource file, with that file's limits, in either dialect. The
 * table is the manuals' list of URL keys (Yealink digest §3.1-3.10, ALE digest §3.13). Where both manuals
 * name one parameter of the catalogue (Yealink {@code ringtone.url}, ALE {@code SettingRingtoneUploadUrl}),
 * each entry reads it from the files of its own dialect only, so that a file is fetched once, with the
 * limits and rules of the manual it was written for.
 *
 * @param name     the setting: a Yealink key (dotted) or an ALE id
 * @param kind     what the file is
 * @param maxBytes the largest file accepted
 */
public record ResourceSetting(String name, ResourceKind kind, long maxBytes) {
    private static final long KB = 1024;
    private static final long MB = 1024 * KB;
    /** Yealink: "The ringtone file uploaded must be within 100KB" (L679). */
    public static final long YEALINK_RINGTONE_MAX = 100 * KB;
    /** ALE: custom ringtones ".wav ≤200 KB, .zip ≤1.2 MB" (L4360-4366). */
    public static final long ALE_RINGTONE_MAX = 1229 * KB;
    public static final long FIRMWARE_MAX = 256 * MB;

    /** Every resource URL setting, in the order a run downloads them; firmware last. */
    public static final List<ResourceSetting> ALL = List.of(
            new ResourceSetting("ringtone.url", ResourceKind.RINGTONE, YEALINK_RINGTONE_MAX),
            new ResourceSetting("SettingRingtoneUploadUrl", ResourceKind.RINGTONE, ALE_RINGTONE_MAX),
            new ResourceSetting("gui_lang.url", ResourceKind.LANGUAGE, 2 * MB),
            new ResourceSetting("SettingCustomLanguageUploadUrl", ResourceKind.LANGUAGE, 2 * MB),
            new ResourceSetting("lcd_logo.url", ResourceKind.LOGO, 512 * KB),
            new ResourceSetting("wallpaper_upload.url", ResourceKind.WALLPAPER, 8 * MB),
            new ResourceSetting("SettingWallpaperUploadUrl", ResourceKind.WALLPAPER, 8 * MB),
            new ResourceSetting("screen_saver.pic.url", ResourceKind.SCREENSAVER, 8 * MB),
            new ResourceSetting("local_contact.data.url", ResourceKind.CONTACTS, 4 * MB),
            new ResourceSetting("LocalContactUploadUrl", ResourceKind.CONTACTS, 4 * MB),
            new ResourceSetting("dialplan_replace_rule.url", ResourceKind.REPLACE_RULES, 512 * KB),
            new ResourceSetting("dialplan_dialnow.url", ResourceKind.DIAL_NOW, 512 * KB),
            new ResourceSetting("trusted_certificates.url", ResourceKind.TRUSTED_CERTIFICATE, 512 * KB),
            new ResourceSetting("SIPCertificateUrl", ResourceKind.TRUSTED_CERTIFICATE, 512 * KB),
            new ResourceSetting("server_certificates.url", ResourceKind.DEVICE_CERTIFICATE, 512 * KB),
            new ResourceSetting("DeviceSecurityClientCertUrl", ResourceKind.DEVICE_CERTIFICATE, 512 * KB),
            new ResourceSetting("auto_dst.url", ResourceKind.DST_RULES, 512 * KB),
            new ResourceSetting("custom_softkey_call_failed.url", ResourceKind.SOFTKEY_LAYOUT, 256 * KB),
            new ResourceSetting("custom_softkey_call_in.url", ResourceKind.SOFTKEY_LAYOUT, 256 * KB),
            new ResourceSetting("custom_softkey_connecting.url", ResourceKind.SOFTKEY_LAYOUT, 256 * KB),
            new ResourceSetting("custom_softkey_dialing.url", ResourceKind.SOFTKEY_LAYOUT, 256 * KB),
            new ResourceSetting("custom_softkey_ring_back.url", ResourceKind.SOFTKEY_LAYOUT, 256 * KB),
            new ResourceSetting("custom_softkey_talking.url", ResourceKind.SOFTKEY_LAYOUT, 256 * KB),
            new ResourceSetting("SettingCustomSoftkeyDialUrl", ResourceKind.SOFTKEY_LAYOUT, 256 * KB),
            new ResourceSetting("SettingCustomSoftkeyCallOutUrl", ResourceKind.SOFTKEY_LAYOUT, 256 * KB),
            new ResourceSetting("SettingCustomSoftkeyCallFailedUrl", ResourceKind.SOFTKEY_LAYOUT, 256 * KB),
            new ResourceSetting("SettingCustomSoftkeyCallInUrl", ResourceKind.SOFTKEY_LAYOUT, 256 * KB),
            new ResourceSetting("SettingCustomSoftkeyTalkingUrl", ResourceKind.SOFTKEY_LAYOUT, 256 * KB),
            new ResourceSetting("web_item_level.url", ResourceKind.WEB_PERMISSIONS, 512 * KB),
            new ResourceSetting("DeviceUserAccessPermissionUrl", ResourceKind.WEB_PERMISSIONS, 512 * KB),
            new ResourceSetting("directory_setting.url", ResourceKind.DIRECTORY_SETTINGS, 256 * KB),
            new ResourceSetting("super_search.url", ResourceKind.DIRECTORY_SETTINGS, 256 * KB),
            new ResourceSetting("DirectoryAvatarUrl", ResourceKind.AVATARS, 8 * MB),
            new ResourceSetting("openvpn.url", ResourceKind.OPENVPN, 2 * MB),
            new ResourceSetting("DeviceNetworkOpenvpnUrl", ResourceKind.OPENVPN, 2 * MB),
            new ResourceSetting("firmware.url", ResourceKind.FIRMWARE, FIRMWARE_MAX),
            new ResourceSetting("DeviceFirmwareUpgradeUrl", ResourceKind.FIRMWARE, FIRMWARE_MAX));

    /**
     * Settings that delete custom files: Yealink's {@code *.delete = http://localhost/all} (L695-699,
     * L739-743, L814-818, L11360-11404) and ALE's {@code SettingRingtoneDelete} ({@code /all} or a name) and
     * {@code SettingWallpaperDelete} (a name).
     */
    public static final List<ResourceSetting> DELETIONS = List.of(
            new ResourceSetting("ringtone.delete", ResourceKind.RINGTONE, 0),
            new ResourceSetting("SettingRingtoneDelete", ResourceKind.RINGTONE, 0),
            new ResourceSetting("gui_lang.delete", ResourceKind.LANGUAGE, 0),
            new ResourceSetting("lcd_logo.delete", ResourceKind.LOGO, 0),
            new ResourceSetting("SettingWallpaperDelete", ResourceKind.WALLPAPER, 0),
            new ResourceSetting("trusted_certificates.delete", ResourceKind.TRUSTED_CERTIFICATE, 0),
            new ResourceSetting("server_certificates.delete", ResourceKind.DEVICE_CERTIFICATE, 0),
            new ResourceSetting("DirectoryAvatarDelete", ResourceKind.AVATARS, 0));

    /** The dialect of the files this setting is read from: Yealink keys are dotted, ALE ids are not. */
    public Dialect dialect() {
        return name.indexOf('.') >= 0 ? Dialect.CFG : Dialect.XML;
    }

    /** The value the last of {@code files} written in this setting's dialect gives it. */
    Optional<String> lastValue(List<ParsedFile> files) {
        return FetchPhase.lastValue(files.stream().filter(file -> file.dialect() == dialect()).toList(), List.of(name));
    }
}
