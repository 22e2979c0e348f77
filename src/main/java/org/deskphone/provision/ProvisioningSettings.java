package org.deskphone.provision;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The settings a provisioning run reads, in both dialects, taken from the configuration store once at the
 * start of the run (on the phone loop) so that the worker never touches the store. A value out of range is
 * replaced by its default and named in {@link #problems()}. {@link #toString()} hides passwords and keys.
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
        Duration zeroTouchWait,
        List<String> problems) {

    // Static server (Yealink L3700-3759, ALE L2499-2547).
    public static final String SERVER_URL = "auto_provision.server.url";
    public static final String ALE_SERVER_URL = "DeviceProvisionServerUrl";
    public static final String ALE_BACKUP_URL = "DeviceProvisionBackupServerUrl";
    public static final String USER = "auto_provision.server.username";
    public static final String ALE_USER = "DeviceProvisionServerUsername";
    public static final String PASSWORD = "auto_provision.server.password";
    public static final String ALE_PASSWORD = "DeviceProvisionServerPassword";
    // When (Yealink L3513-3698, ALE L2569-2666).
    public static final String MODE = "auto_provision.mode";
    public static final String PERIODIC_MINUTE = "auto_provision.schedule.periodic_minute";
    public static final String TIME_FROM = "auto_provision.schedule.time_from";
    public static final String TIME_TO = "auto_provision.schedule.time_to";
    public static final String DAY_OF_WEEK = "auto_provision.schedule.dayofweek";
    public static final String ALE_BY_INTERVAL = "DeviceProvisionPollingByIntervalEnable";
    public static final String ALE_INTERVAL = "DeviceProvisionPollingInterval";
    public static final String ALE_BY_WEEKDAYS = "DeviceProvisionPollingByWeekdaysEnable";
    public static final String ALE_BEGIN = "DeviceProvisionPollingBeginTime";
    public static final String ALE_END = "DeviceProvisionPollingEndTime";
    public static final String ALE_DAY_OF_WEEK = "DeviceProvisionPollingDayofWeek";
    // Discovery (Yealink L3543, L3766-3814, L8277-8321; ALE L2413-2474, L552-561).
    public static final String PNP = "auto_provision.pnp_enable";
    public static final String ALE_PNP = "DeviceProvisionPnPEnable";
    public static final String PNP_VENDOR = "auto_provision.pnp_event_vendor";
    public static final String ALE_PNP_PORT = "DeviceProvisionPnpPort";
    public static final String DHCP = "auto_provision.dhcp_option.enable";
    public static final String DHCP_ALIAS = "auto_provision.dhcp_enable";
    public static final String ALE_DHCP = "DeviceProvisionDHCPEnable";
    public static final String CUSTOM_OPTIONS = "auto_provision.dhcp_option.list_user_options";
    public static final String ALE_CUSTOM_OPTIONS = "DeviceProvisionDHCPCustomOption";
    public static final String ALE_CUSTOM_OPTIONS_V6 = "DeviceProvisionDHCPCustomOptionIPv6";
    public static final String OPTION60 = "auto_provision.dhcp_option.option60_value";
    public static final String ALE_VCI = "DeviceNetworkVciValue";
    public static final String ZERO_TOUCH = "zero_touch.enable";
    public static final String ZERO_TOUCH_WAIT = "zero_touch.wait_time";
    // Files, timeouts, multistage (ALE L2171-2305).
    public static final String ALE_FILE_FIRST = "DeviceProvisionFileFirst";
    public static final String ALE_FILE_SECOND = "DeviceProvisionFileSecond";
    public static final String ALE_FILE_THIRD = "DeviceProvisionFileThird";
    public static final String ALE_CONNECT_TIMEOUT = "DeviceNetworkConnectExpiredTime";
    public static final String ALE_ATTEMPT_TIMEOUT = "DeviceProvisionAttemptExpiredTime";
    public static final String ALE_IMMEDIATE_UPDATES = "DeviceProvisionImmediateUpdateTimes";
    // Security (Yealink L3838-3890, L5279; ALE L3545, L3565).
    public static final String TRUST_CERTIFICATES = "security.trust_certificates";
    public static final String ALE_PEER_VERIFY = "DeviceSecurityHttpsPeerVerifyEnable";
    public static final String AES_COMMON = "auto_provision.aes_key_16.com";
    public static final String AES_MAC = "auto_provision.aes_key_16.mac";
    public static final String ALE_AES = "DeviceSecurityEncryptionAesKey";
    // Extra configuration file (Yealink L11195).
    public static final String CUSTOM_MAC_CFG = "custom_mac_cfg.url";

    /** Every setting this class reads, for the report to the lead and for the store's catalogue. */
    public static final List<String> READ = List.of(SERVER_URL, ALE_SERVER_URL, ALE_BACKUP_URL, USER, ALE_USER, PASSWORD,
            ALE_PASSWORD, MODE, PERIODIC_MINUTE, TIME_FROM, TIME_TO, DAY_OF_WEEK, ALE_BY_INTERVAL, ALE_INTERVAL,
            ALE_BY_WEEKDAYS, ALE_BEGIN, ALE_END, ALE_DAY_OF_WEEK, PNP, ALE_PNP, PNP_VENDOR, ALE_PNP_PORT, DHCP, DHCP_ALIAS, ALE_DHCP, CUSTOM_OPTIONS,
            ALE_CUSTOM_OPTIONS, ALE_CUSTOM_OPTIONS_V6, OPTION60, ALE_VCI, ZERO_TOUCH, ZERO_TOUCH_WAIT, ALE_FILE_FIRST,
            ALE_FILE_SECOND, ALE_FILE_THIRD, ALE_CONNECT_TIMEOUT, ALE_ATTEMPT_TIMEOUT, ALE_IMMEDIATE_UPDATES,
            TRUST_CERTIFICATES, ALE_PEER_VERIFY, AES_COMMON, AES_MAC, ALE_AES, CUSTOM_MAC_CFG);

    public ProvisioningSettings {
        customOptions = List.copyOf(customOptions);
        customOptionsV6 = List.copyOf(customOptionsV6);
        aleFiles = List.copyOf(aleFiles);
        problems = List.copyOf(problems);
    }

    /** Reads the settings through {@code get} (the store's lookup by name, blank as empty). */
    public static ProvisioningSettings read(Function<String, Optional<String>> get) {
        Reader in = new Reader(get);
        Optional<String> server = in.text(ALE_SERVER_URL).or(() -> in.text(SERVER_URL));
        Credentials credentials = new Credentials(in.text(ALE_USER).or(() -> in.text(USER)).orElse(""),
                in.text(ALE_PASSWORD).or(() -> in.text(PASSWORD)).orElse(""));
        boolean dhcp = in.flag(ALE_DHCP, true) && in.flag(DHCP, in.flag(DHCP_ALIAS, true));
        boolean pnp = in.flag(ALE_PNP, true) && in.flag(PNP, true);
        List<Integer> custom = new ArrayList<>(in.options(CUSTOM_OPTIONS, 128, 254));
        in.options(ALE_CUSTOM_OPTIONS, 128, 254).stream().filter(o -> !custom.contains(o)).forEach(custom::add);
        List<Integer> custom6 = in.options(ALE_CUSTOM_OPTIONS_V6, 135, 65535).stream().filter(o -> o != 143).toList();
        return new ProvisioningSettings(server, in.text(ALE_BACKUP_URL), credentials, in.plan(), pnp,
                in.text(PNP_VENDOR).orElse("deskphone"), in.number(ALE_PNP_PORT, 1, 65535, 5082), dhcp, custom, custom6,
                in.text(OPTION60).orElse("yealink"),
                List.of(in.text(ALE_FILE_FIRST).orElse("config.xml"), in.text(ALE_FILE_SECOND).orElse("config.$model.xml"),
                        in.text(ALE_FILE_THIRD).orElse("config.$mac.xml")),
                Duration.ofSeconds(in.number(ALE_CONNECT_TIMEOUT, 1, 20, 10)),
                Duration.ofSeconds(in.number(ALE_ATTEMPT_TIMEOUT, 1, 300, 20)),
                in.number(ALE_IMMEDIATE_UPDATES, 0, 20, 0),
                in.flag(ALE_PEER_VERIFY, true) && in.flag(TRUST_CERTIFICATES, true),
                in.text(AES_COMMON), in.text(AES_MAC), in.text(ALE_AES),
                in.flag(ZERO_TOUCH, false), Duration.ofSeconds(in.number(ZERO_TOUCH_WAIT, 0, 100, 5)),
                in.problems);
    }

    /** The ALE vendor class ({@code DeviceNetworkVciValue}, default {@code aledevice}) from the same store. */
    public static String aleVendorClass(Function<String, Optional<String>> get) {
        return get.apply(ALE_VCI).map(String::trim).filter(v -> !v.isEmpty()).orElse("aledevice");
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

    /** Reads typed values and remembers what was wrong with them. */
    private static final class Reader {
        private final Function<String, Optional<String>> get;
        private final List<String> problems = new ArrayList<>();

        Reader(Function<String, Optional<String>> get) {
            this.get = get;
        }

        Optional<String> text(String name) {
            return get.apply(name).map(String::trim).filter(value -> !value.isEmpty());
        }

        boolean flag(String name, boolean fallback) {
            Optional<String> value = text(name);
            if (value.isEmpty()) {
                return fallback;
            }
            switch (value.get().toLowerCase(Locale.ROOT)) {
                case "1": case "true": case "on": case "yes": case "enable": case "enabled":
                    return true;
                case "0": case "false": case "off": case "no": case "disable": case "disabled":
                    return false;
                default:
                    problems.add(name + " = '" + value.get() + "' is not a switch; using " + fallback);
                    return fallback;
            }
        }

        int number(String name, int low, int high, int fallback) {
            Optional<String> value = text(name);
            if (value.isEmpty()) {
                return fallback;
            }
            try {
                int number = Integer.parseInt(value.get());
                if (number >= low && number <= high) {
                    return number;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            problems.add(name + " = '" + value.get() + "' is not a whole number from " + low + " to " + high
                    + "; using " + fallback);
            return fallback;
        }

        List<Integer> options(String name, int low, int high) {
            Optional<String> value = text(name);
            List<Integer> options = new ArrayList<>();
            if (value.isEmpty()) {
                return options;
            }
            for (String part : value.get().split("[;,\\s]+")) {
                if (part.isEmpty()) {
                    continue;
                }
                try {
                    int option = Integer.parseInt(part);
                    if (option >= low && option <= high) {
                        options.add(option);
                        continue;
                    }
                } catch (NumberFormatException e) {
                    // reported below
                }
                problems.add(name + ": '" + part + "' is not a DHCP option from " + low + " to " + high + "; skipped");
            }
            return options;
        }

        UpdatePlan plan() {
            UpdatePlan.YealinkMode mode;
            try {
                mode = UpdatePlan.YealinkMode.of(number(MODE, 0, 7, 1));
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage() + "; using 1 (power on)");
                mode = UpdatePlan.YealinkMode.of(1);
            }
            Optional<Duration> interval = Optional.empty();
            if (mode.repeatedly()) {
                interval = Optional.of(Duration.ofMinutes(number(PERIODIC_MINUTE, 1, 43200, 1440)));
            }
            if (flag(ALE_BY_INTERVAL, false)) {
                Duration ale = Duration.ofSeconds(number(ALE_INTERVAL, 60, 86400, 86400));
                interval = Optional.of(interval.filter(yealink -> yealink.compareTo(ale) < 0).orElse(ale));
            }
            List<WeeklyWindow> windows = new ArrayList<>();
            if (mode.weekly()) {
                window(text(DAY_OF_WEEK).orElse("0123456"), text(TIME_FROM).orElse("00:00"), text(TIME_TO).orElse("00:00"),
                        DAY_OF_WEEK + "/" + TIME_FROM + "/" + TIME_TO, windows);
            }
            if (flag(ALE_BY_WEEKDAYS, false)) {
                window(text(ALE_DAY_OF_WEEK).orElse("0123456"), text(ALE_BEGIN).orElse("02:00"), text(ALE_END).orElse("06:00"),
                        ALE_DAY_OF_WEEK + "/" + ALE_BEGIN + "/" + ALE_END, windows);
            }
            return new UpdatePlan(mode.powerOn(), interval, windows);
        }

        private void window(String days, String from, String to, String names, List<WeeklyWindow> windows) {
            try {
                windows.add(WeeklyWindow.parse(days, from, to));
            } catch (IllegalArgumentException e) {
                problems.add(names + ": " + e.getMessage() + "; no weekly run");
            }
        }
    }
}
