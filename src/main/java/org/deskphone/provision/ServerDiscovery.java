package org.deskphone.provision;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.deskphone.provision.ServerCandidate.Origin;
import org.deskphone.provision.dhcp.Dhcp6Options;
import org.deskphone.provision.dhcp.DhcpOptions;
import org.tinylog.Logger;

/**
 * Where to provision from, in the manuals' priority order, as a list the run tries until one server gives
 * it configuration.
 *
 * <p>Yealink: "Zero Touch-->PnP Server-->DHCP Options (Custom option-->option 66-->option 43) -->Phone Flash"
 * (L1321-1323). ALE: "DHCP → Local → EDS → RDDS", PnP apart (L2159-2170), Local being the static server URL
 * and then its backup (digest §11 A-23). Together: zero touch, PnP, DHCP (custom options, then 66/67 with
 * ALE's option 43 sub-options, then option 43 as a plain URL, then DHCPv6 17 and 59), the static URL, the
 * backup URL. EDS and RDDS are ALE cloud services the manual does not describe; they are not tried.
 *
 * <p>A value without a scheme ("IP address, domain name or URL", ALE L2491-2492) becomes https (ALE
 * L429-430), then tftp (Yealink's default protocol, L65-71) if https gives nothing.
 */
public final class ServerDiscovery {

    /**
     * What discovery found before the run: each may be absent.
     *
     * @param zeroTouch what the user typed on the zero-touch screen
     * @param pnp       the URL a PnP NOTIFY carried
     * @param dhcp      the DHCPv4 options of the phone's lease or DHCPINFORM
     * @param dhcp6     the DHCPv6 options
     */
    public record Inputs(Optional<ServerCandidate> zeroTouch, Optional<URI> pnp, Optional<DhcpOptions> dhcp,
            Optional<Dhcp6Options> dhcp6) {
        public static final Inputs NONE = new Inputs(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    private ServerDiscovery() {
    }

    /** The candidates in the order to try them, without repeats. */
    public static List<ServerCandidate> candidates(ProvisioningSettings settings, Inputs inputs) {
        Map<URI, ServerCandidate> ordered = new LinkedHashMap<>();
        inputs.zeroTouch().ifPresent(candidate -> add(ordered, candidate));
        if (settings.pnp()) {
            inputs.pnp().ifPresent(url -> add(ordered, new ServerCandidate(url, Origin.PNP, settings.credentials())));
        }
        if (settings.dhcp()) {
            inputs.dhcp().ifPresent(options -> fromDhcp(options, settings.customOptions(), settings.credentials())
                    .forEach(candidate -> add(ordered, candidate)));
            inputs.dhcp6().ifPresent(options -> fromDhcp6(options, settings.customOptionsV6(), settings.credentials())
                    .forEach(candidate -> add(ordered, candidate)));
        }
        settings.serverUrl().ifPresent(url -> fromText(url, Origin.STATIC, settings.credentials())
                .forEach(candidate -> add(ordered, candidate)));
        settings.backupUrl().ifPresent(url -> fromText(url, Origin.BACKUP, settings.credentials())
                .forEach(candidate -> add(ordered, candidate)));
        return new ArrayList<>(ordered.values());
    }

    /** The DHCPv4 candidates: custom options in their order, then 66/67/43 per ALE's table, then 43 as text. */
    public static List<ServerCandidate> fromDhcp(DhcpOptions options, List<Integer> customOptions, Credentials credentials) {
        List<ServerCandidate> candidates = new ArrayList<>();
        for (int code : customOptions) {
            options.text(code).ifPresent(value -> candidates.addAll(fromText(value, Origin.DHCP_CUSTOM, credentials)));
        }
        try {
            DhcpProvisioningUrl.compose(options.text(DhcpOptions.TFTP_SERVER).orElse(null),
                    options.text(DhcpOptions.BOOTFILE).orElse(null),
                    options.vendorSubOption(DhcpOptions.TFTP_SERVER).orElse(null),
                    options.vendorSubOption(DhcpOptions.BOOTFILE).orElse(null))
                    .ifPresent(composed -> {
                        candidates.add(new ServerCandidate(composed.url(), Origin.DHCP, credentials));
                        composed.tftpFallback().ifPresent(tftp -> candidates.add(new ServerCandidate(tftp, Origin.DHCP, credentials)));
                    });
        } catch (IllegalArgumentException e) {
            Logger.warn("DHCP options 66/67/43 make no usable URL: {}", e.getMessage());
        }
        options.vendorText().ifPresent(value -> candidates.addAll(fromText(value, Origin.DHCP_VENDOR, credentials)));
        return candidates;
    }

    /** The DHCPv6 candidates: "option 17 > option 59" (ALE L580-583), then the custom options. */
    public static List<ServerCandidate> fromDhcp6(Dhcp6Options options, List<Integer> customOptions, Credentials credentials) {
        List<ServerCandidate> candidates = new ArrayList<>();
        options.vendorUrl().ifPresent(value -> candidates.addAll(fromText(value, Origin.DHCPV6, credentials)));
        options.bootfileUrl().ifPresent(value -> candidates.addAll(fromText(value, Origin.DHCPV6, credentials)));
        for (int code : customOptions) {
            options.text(code).ifPresent(value -> candidates.addAll(fromText(value, Origin.DHCPV6, credentials)));
        }
        return candidates;
    }

    /** A URL, or a bare address that becomes https and then tftp; empty (and logged) when unusable. */
    public static List<ServerCandidate> fromText(String value, Origin origin, Credentials credentials) {
        String text = value.trim();
        try {
            if (ServerUrls.hasScheme(text)) {
                return List.of(new ServerCandidate(ServerUrls.parse(text), origin, credentials));
            }
            return List.of(new ServerCandidate(ServerUrls.withScheme("https", text), origin, credentials),
                    new ServerCandidate(ServerUrls.withScheme("tftp", text), origin, credentials));
        } catch (IllegalArgumentException e) {
            Logger.warn("{}: {}", origin, e.getMessage());
            return List.of();
        }
    }

    private static void add(Map<URI, ServerCandidate> ordered, ServerCandidate candidate) {
        ordered.putIfAbsent(ServerUrls.withoutCredentials(candidate.url()), candidate);
    }
}
