package org.deskphone.provision;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.deskphone.config.Config;

/**
 * The settings a provisioning run reads, taken from a snapshot of the configuration store at the start of
 * the run, so that the worker never touches the store. The catalogue gives each setting one canonical name
 * for both manuals' spellings, its type, range and default. {@link #toString()} hides passwords and keys.
 */
public record ProvisioningSettings(
        Optional<String> serverUrl,
        Optional<String> backupUrl,
        Credentials credentials,
        UpdatePlan plan,
        boolean pnp,
        String pnpVendor,
        int pnpPort,
        boolean dhcp,
        List<Integer> customOptions,
        List<Integer> customOptionsV6,
        String vendorClass,
        List<String> aleFiles,
        Duration connectTimeout,
        Duration attemptTimeout,
        int immediateUpdateTimes,
        boolean verifyServer,
        Optional<String> commonKey,
        Optional<String> macKey,
        Optional<String> aleKey,
        boolean zeroTouch,
        Duration zeroTouchWait) {

    // The catalogue's canonical names; each stands for both manuals' names of the setting.
    // Static server (Yealink L3700-3759, ALE L2499-2547: DeviceProvisionServerUrl, ...BackupServerUrl, ...Username, ...Password).
    public static final String SERVER_URL = "auto_provision.server.url";
    public static final String BACKUP_URL = "auto_provision.server.backup_url";
    public static final String USER = "auto_provision.server.username";
    public static final String PASSWORD = "auto_provision.server.password";
    // When (Yealink L3513-3698; ALE L2569-2666, DeviceProvisionPolling{ByIntervalEnable,Interval,ByWeekdaysEnable,BeginTime,EndTime,DayofWeek}).
    public static final String MODE = "auto_provision.mode";
    public static final String PERIODIC_MINUTE = "auto_provision.schedule.periodic_minute";
    public static final String TIME_FROM = "auto_provision.schedule.time_from";
    public static final String TIME_TO = "auto_provision.schedule.time_to";
    public static final String DAY_OF_WEEK = "auto_provision.schedule.dayofweek";
    public static final String POLL_BY_INTERVAL = "auto_provision.polling.interval_enable";
    public static final String POLL_INTERVAL = "auto_provision.polling.interval";
    public static final String POLL_BY_WEEKDAYS = "auto_provision.polling.weekdays_enable";
    public static final String POLL_BEGIN = "auto_provision.polling.begin_time";
    public static final String POLL_END = "auto_provision.polling.end_time";
    public static final String POLL_DAY_OF_WEEK = "auto_provision.polling.dayofweek";
    // Discovery (Yealink L3543, L3766-3814, L8277-8321; ALE L2413-2474, L552-561: DeviceProvisionPnPEnable,
    // DeviceProvisionPnpPort, DeviceProvisionDHCPEnable, DeviceProvisionDHCPCustomOption[IPv6], DeviceNetworkVciValue).
    public static final String PNP = "auto_provision.pnp_enable";
    public static final String PNP_VENDOR = "auto_provision.pnp_event_vendor";
    public static final String PNP_PORT = "auto_provision.pnp_port";
    public static final String DHCP = "auto_provision.dhcp_option.enable";
    public static final String CUSTOM_OPTIONS = "auto_provision.dhcp_option.list_user_options";
    public static final String CUSTOM_OPTIONS_V6 = "auto_provision.dhcp_option.list_user_options_ipv6";
    public static final String OPTION60 = "auto_provision.dhcp_option.option60_value";
    public static final String VCI = "network.vci_value";
    public static final String ZERO_TOUCH = "zero_touch.enable";
    public static final String ZERO_TOUCH_WAIT = "zero_touch.wait_time";
    // Files, timeouts, multistage (ALE L2171-2305: DeviceProvisionFile{First,Second,Third}, DeviceNetworkConnectExpiredTime,
    // DeviceProvisionAttemptExpiredTime, DeviceProvisionImmediateUpdateTimes).
    public static final String FILE_FIRST = "auto_provision.file.first";
    public static final String FILE_SECOND = "auto_provision.file.second";
    public static final String FILE_THIRD = "auto_provision.file.third";
    public static final String CONNECT_TIMEOUT = "auto_provision.connect_timeout";
    public static final String ATTEMPT_TIMEOUT = "auto_provision.attempt_timeout";
    public static final String IMMEDIATE_UPDATES = "auto_provision.immediate_update_times";
    // Security (Yealink L3838-3890, L5279; ALE L3545 DeviceSecurityHttpsPeerVerifyEnable, L3565 DeviceSecurityEncryptionAesKey).
    public static final String TRUST_CERTIFICATES = "security.trust_certificates";
    public static final String PEER_VERIFY = "auto_provision.https_peer_verify";
    public static final String AES_COMMON = "auto_provision.aes_key_16.com";
    public static final String AES_MAC = "auto_provision.aes_key_16.mac";
    public static final String ALE_AES = "auto_provision.aes_key";
    // Extra configuration file (Yealink L11195).
    public static final String CUSTOM_MAC_CFG = "custom_mac_cfg.url";

    /** "Integer from 135-65535, except 143" (ALE L2483), which the catalogue's range cannot say. */
    private static final int NOT_A_CUSTOM_V6_OPTION = 143;

    public ProvisioningSettings {
        customOptions = List.copyOf(customOptions);
        customOptionsV6 = List.copyOf(customOptionsV6);
        aleFiles = List.copyOf(aleFiles);
    }

    /**
     * Reads the settings from {@code config}. The store has checked every value against its type and range
     * (a value out of range was skipped with a warning naming it when its file was applied, and the last
     * good value stayed), so nothing here can be wrong.
     */
    public static ProvisioningSettings read(Config config) {
        Credentials credentials = new Credentials(config.string(USER), config.string(PASSWORD));
        List<Integer> custom6 = numbers(config, CUSTOM_OPTIONS_V6).stream().filter(o -> o != NOT_A_CUSTOM_V6_OPTION).toList();
        return new ProvisioningSettings(text(config, SERVER_URL), text(config, BACKUP_URL), credentials, plan(config),
                config.bool(PNP), text(config, PNP_VENDOR).orElse("deskphone"), config.integer(PNP_PORT), config.bool(DHCP),
                numbers(config, CUSTOM_OPTIONS), custom6, config.string(OPTION60),
                List.of(orDefault(config, FILE_FIRST), orDefault(config, FILE_SECOND), orDefault(config, FILE_THIRD)),
                Duration.ofSeconds(config.integer(CONNECT_TIMEOUT)), Duration.ofSeconds(config.integer(ATTEMPT_TIMEOUT)),
                config.integer(IMMEDIATE_UPDATES), config.integer(PEER_VERIFY) == 1 && config.bool(TRUST_CERTIFICATES),
                text(config, AES_COMMON), text(config, AES_MAC), text(config, ALE_AES),
                config.bool(ZERO_TOUCH), Duration.ofSeconds(config.integer(ZERO_TOUCH_WAIT)));
    }

    /** The ALE vendor class ({@code DeviceNetworkVciValue}, default {@code aledevice}, ALE L552). */
    public static String aleVendorClass(Config config) {
        return text(config, VCI).orElse(config.parameter(VCI).defaultValue());
    }

    /**
     * Yealink's mode and ALE's polling add up; the shorter interval wins (ALE polling is in seconds, Yealink's
     * in minutes).
     */
    private static UpdatePlan plan(Config config) {
        UpdatePlan.YealinkMode mode = UpdatePlan.YealinkMode.of(config.integer(MODE));
        Optional<Duration> interval = Optional.empty();
        if (mode.repeatedly()) {
            interval = Optional.of(Duration.ofMinutes(config.integer(PERIODIC_MINUTE)));
        }
        if (config.bool(POLL_BY_INTERVAL)) {
            Duration ale = Duration.ofSeconds(config.integer(POLL_INTERVAL));
            interval = Optional.of(interval.filter(yealink -> yealink.compareTo(ale) < 0).orElse(ale));
        }
        List<WeeklyWindow> windows = new ArrayList<>();
        if (mode.weekly()) {
            windows.add(window(config, DAY_OF_WEEK, TIME_FROM, TIME_TO));
        }
        if (config.bool(POLL_BY_WEEKDAYS)) {
            windows.add(window(config, POLL_DAY_OF_WEEK, POLL_BEGIN, POLL_END));
        }
        return new UpdatePlan(mode.powerOn(), interval, windows);
    }

    /** The catalogue admits only digits 0-6 and HH:MM times; a blank day list is the default, every day. */
    private static WeeklyWindow window(Config config, String days, String from, String to) {
        return WeeklyWindow.parse(orDefault(config, days), config.string(from), config.string(to));
    }

    private static Optional<String> text(Config config, String name) {
        return Optional.of(config.string(name).trim()).filter(value -> !value.isEmpty());
    }

    /** The value, or the factory default where a file set it blank (ALE's {@code value=""}). */
    private static String orDefault(Config config, String name) {
        return text(config, name).orElse(config.parameter(name).defaultValue());
    }

    private static List<Integer> numbers(Config config, String name) {
        return config.list(name).stream().map(String::trim).filter(item -> !item.isEmpty()).map(Integer::valueOf).toList();
    }

    @Override
    public String toString() {
        return "ProvisioningSettings{server=" + serverUrl.map(ServerUrls::redact).orElse("-") + ", backup="
                + backupUrl.map(ServerUrls::redact).orElse("-") + ", credentials=" + credentials + ", plan=" + plan
                + ", pnp=" + pnp + ", dhcp=" + dhcp + ", customOptions=" + customOptions + ", files=" + aleFiles
                + ", connect=" + connectTimeout + ", attempt=" + attemptTimeout + ", immediateUpdates=" + immediateUpdateTimes
                + ", verifyServer=" + verifyServer + ", keys=" + (commonKey.isPresent() || macKey.isPresent() || aleKey.isPresent()
                ? "***" : "none") + "}";
    }
}
