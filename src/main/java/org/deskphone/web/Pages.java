package org.deskphone.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.deskphone.config.Catalogue;
import org.deskphone.config.Parameter;
import org.deskphone.config.Permission;

/**
 * The web UI's pages and their sections, each an item of the ALE permission file
 * ({@code UserAccessPermission.xml}, ALE L2890-3025) that can hide it or make it read-only per access
 * level. The ten {@code WBMFeature*} names are the manual's own (L2967-2979); the manual gives no full
 * list (ALE digest §4.2), so the other names are deskphone's, in the same style.
 *
 * <p>Every parameter of the catalogue has one home section: the section whose selector fits it best (a
 * family-name prefix beats a catalogue section, a longer prefix beats a shorter one). The section's item
 * then governs that parameter wherever it is read or written, not only on its page.
 */
final class Pages {

    /** A selector: a prefix of the parameter's family name ({@code account.X.always_fwd.}) or {@code @section}. */
    record Section(String id, String title, String item, Permission defaults, boolean table, List<String> selectors) {

        /** How well {@code parameter} fits: 0 not at all, 1 by catalogue section, more for longer prefixes. */
        int fit(Parameter parameter) {
            int best = 0;
            for (String selector : selectors) {
                if (selector.startsWith("@")) {
                    if (parameter.section().equals(selector.substring(1))) {
                        best = Math.max(best, 1);
                    }
                } else if (parameter.family().startsWith(selector)) {
                    best = Math.max(best, 1 + selector.length());
                }
            }
            return best;
        }
    }

    /** A page: its own item and its sections (none for pages that hold no settings). */
    record Page(String id, String title, String item, Permission defaults, List<Section> sections) {
    }

    /** Settings the web UI keeps off its generic settings pages; the security page changes them itself. */
    static final List<String> HIDDEN = List.of("security.password.user", "security.password.var", "security.password.admin");

    static final List<Page> ALL = List.of(
            page("status", "Status", "WBMStatus", "0"),
            page("accounts", "Accounts", "WBMAccount", "0",
                    section("account", "Account", "WBMAccountBasic", "0", "@account"),
                    section("nat", "NAT", "WBMAccountNat", "0", "@nat")),
            page("network", "Network", "WBMNetwork", "0",
                    section("network", "Network", "WBMNetworkBasic", "0", "@network"),
                    section("web", "Web server", "WBMNetworkWeb", "0", "wui.", "network.port.http"),
                    section("wifi", "Wi-Fi", "WBMNetworkWifi", "0", "wifi."),
                    section("vpn", "OpenVPN", "WBMNetworkVpn", "0", "openvpn.", "network.vpn")),
            page("provisioning", "Provisioning", "WBMProvision", "0",
                    section("provisioning", "Provisioning", "WBMProvisionBasic", "0", "@provisioning")),
            page("audio", "Codecs & audio", "WBMAudio", "0",
                    section("codec", "Codecs", "WBMAudioCodec", "0", "@codec"),
                    section("dtmf", "DTMF", "WBMAudioDtmf", "0", "@dtmf"),
                    section("voice", "Voice", "WBMAudioVoice", "0", "@voice")),
            page("dialplan", "Dial plan", "WBMDialPlan", "0",
                    section("dialplan", "Dial plan", "WBMDialPlanBasic", "0", "@dialplan")),
            page("keys", "Keys", "WBMKeys", "0",
                    table("linekey", "Line keys", "WBMKeysLine", "linekey."),
                    table("programkey", "Program keys (ALE)", "WBMKeysProgram", "programkey."),
                    table("programablekey", "Programmable keys", "WBMKeysProgramable", "programablekey."),
                    table("memorykey", "Memory keys", "WBMKeysMemory", "memorykey."),
                    table("softkey", "Soft keys (ALE)", "WBMKeysSoft", "softkey."),
                    table("dynamickey", "Hard keys (ALE)", "WBMKeysHard", "dynamickey."),
                    section("layout", "Soft key layout", "WBMKeysLayout", "0", "softkey_layout.", "phone_setting.custom_softkey"),
                    section("expansion", "Expansion modules", "WBMKeysExpansion", "0", "expansion_module.", "aom."),
                    section("keys", "Other key settings", "WBMKeysOther", "0", "@keys")),
            page("features", "Features", "WBMFeature", "0",
                    section("general", "General", "WBMFeaturegeneral", "0", "@features"),
                    section("forward", "Forward", "WBMFeatureForward", "0", "forward.", "features.fwd", "account.X.always_fwd.",
                            "account.X.busy_fwd.", "account.X.timeout_fwd.", "account.X.fwd."),
                    section("dnd", "Do not disturb", "WBMFeatureDnd", "0", "features.dnd", "account.X.dnd."),
                    section("intercom", "Intercom", "WBMFeatureIntercom", "0", "features.intercom.", "account.X.intercom."),
                    section("multicast", "Multicast paging", "WBMFeatureMulticast", "0", "@multicast"),
                    section("hotline", "Hotline", "WBMFeatureHotLine", "0", "features.hotline"),
                    section("acd", "ACD", "WBMFeatureAcd", "0", "acd.", "features.acd."),
                    section("sip", "SIP", "WBMFeatureSip", "0", "@sip"),
                    section("remote", "Remote control", "WBMFeatureRemoteControl", "0", "features.action_uri"),
                    section("actionurl", "Action URL", "WBMFeatureActionUrl", "0", "@action_url")),
            page("directory", "Directory", "WBMDirectory", "0",
                    section("directory", "Directory settings", "WBMDirectoryBasic", "0", "@directory")),
            page("history", "Call history", "WBMCallLog", "0"),
            page("time", "Time & date", "WBMTime", "0",
                    section("time", "Time & date", "WBMTimeBasic", "0", "@time")),
            page("preferences", "Preferences", "WBMPreference", "0",
                    section("phone", "Phone", "WBMPreferenceBasic", "0", "@phone")),
            page("security", "Security", "WBMSecurity", "2",
                    section("users", "Users", "WBMSecurityUsers", "2", "security.user_name.", "security.var_enable",
                            "security.default_access_level", "features.relog_offtime"),
                    section("security", "Security settings", "WBMSecurityBasic", "2", "@security")),
            page("upgrade", "Upgrade", "WBMUpgrade", "2"),
            page("logs", "Logs", "WBMLog", "2",
                    section("logging", "Log settings", "WBMLogBasic", "2", "@logging")),
            page("config", "Configuration", "WBMConfig", "2"),
            page("phone", "Virtual phone", "WBMVirtualPhone", "0"));

    private static final Map<String, Page> BY_ID = ALL.stream().collect(Collectors.toMap(Page::id, Function.identity()));
    private static final Map<String, Home> HOMES = new ConcurrentHashMap<>();
    /** Built on first use: expanding every family of the catalogue takes a moment. */
    private static final Lazy<Map<Section, List<Parameter>>> BY_SECTION = new Lazy<>(Pages::index);

    /** A parameter's home: its page and section. */
    record Home(Page page, Section section) {
    }

    private Pages() {
    }

    static Optional<Page> page(String id) {
        return Optional.ofNullable(BY_ID.get(id));
    }

    static Page require(String id) {
        return page(id).orElseThrow(() -> new IllegalArgumentException("no page " + id));
    }

    /** Where {@code parameter} lives; empty only for a parameter no selector fits (a test proves there is none). */
    static Optional<Home> home(Parameter parameter) {
        Home cached = HOMES.get(parameter.family());
        if (cached != null) {
            return Optional.of(cached);
        }
        Home best = null;
        int bestFit = 0;
        for (Page page : ALL) {
            for (Section section : page.sections()) {
                int fit = section.fit(parameter);
                if (fit > bestFit) {
                    bestFit = fit;
                    best = new Home(page, section);
                }
            }
        }
        if (best != null) {
            HOMES.put(parameter.family(), best);
        }
        return Optional.ofNullable(best);
    }

    /** The parameters whose home is {@code section}, in catalogue order, without the {@link #HIDDEN} ones. */
    static List<Parameter> parameters(Section section) {
        return BY_SECTION.get().getOrDefault(section, List.of());
    }

    private static Map<Section, List<Parameter>> index() {
        Map<Section, List<Parameter>> index = new java.util.HashMap<>();
        Catalogue.builtIn().all().filter(p -> !hidden(p)).forEach(parameter -> home(parameter)
                .ifPresent(home -> index.computeIfAbsent(home.section(), s -> new java.util.ArrayList<>()).add(parameter)));
        index.replaceAll((section, list) -> List.copyOf(list));
        return Map.copyOf(index);
    }

    static boolean hidden(Parameter parameter) {
        return HIDDEN.contains(parameter.name());
    }

    private static Page page(String id, String title, String item, String code, Section... sections) {
        return new Page(id, title, item, Permission.parse(code), List.of(sections));
    }

    private static Section section(String id, String title, String item, String code, String... selectors) {
        return new Section(id, title, item, Permission.parse(code), false, List.of(selectors));
    }

    private static Section table(String id, String title, String item, String prefix) {
        return new Section(id, title, item, Permission.parse("0"), true, List.of(prefix));
    }

    /** A value computed once, on first use, by whichever thread asks first. */
    private static final class Lazy<T> {
        private final java.util.function.Supplier<T> compute;
        private volatile T value;

        Lazy(java.util.function.Supplier<T> compute) {
            this.compute = compute;
        }

        T get() {
            T result = value;
            if (result == null) {
                synchronized (this) {
                    result = value;
                    if (result == null) {
                        result = compute.get();
                        value = result;
                    }
                }
            }
            return result;
        }
    }
}
