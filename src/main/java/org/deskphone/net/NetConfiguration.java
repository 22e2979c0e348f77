package org.deskphone.net;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Month;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.deskphone.config.Config;
import org.deskphone.hal.NetworkPlan;
import org.deskphone.hal.NetworkStatus;
import org.deskphone.net.syslog.SyslogSettings;
import org.deskphone.net.time.ClockFormat;
import org.deskphone.net.time.DstRule;
import org.deskphone.net.time.TimeSettings;
import org.deskphone.net.time.ZoneSetting;

/**
 * The one reader of the network's parameters: it knows their canonical names (the configuration
 * catalogue's, each noted with the Yealink {@code .cfg} name and the ALE {@code config.xml} id it comes
 * from) and turns what is set into {@link NetSettings}. Where the two manuals have separate parameters for
 * one thing, the ALE one wins when both are set; a value out of range falls back to its default and is
 * named in {@link NetSettings#problems()}.
 */
public final class NetConfiguration {
    // Addressing (Yealink L2029-2437, ALE L27-293).
    /** Yealink {@code network.ip_address_mode}: 0 IPv4, 1 IPv6, 2 both. */
    public static final String IP_ADDRESS_MODE = "network.ip_address_mode";
    /** ALE {@code DeviceNetworkIpStackMode}: IPv4 or IPv6. */
    public static final String IP_STACK_MODE = "network.ip_stack_mode";
    /** Yealink {@code network.internet_port.type}: 0 DHCP, 1 PPPoE, 2 static. */
    public static final String PORT_TYPE = "network.internet_port.type";
    /** ALE {@code DeviceNetworkDhcpMode}: Static, Dynamic, DynamicAlcatel. */
    public static final String DHCP_MODE = "network.dhcp_mode";
    /** Yealink {@code network.internet_port.ip}, ALE {@code DeviceNetworkIpAddress}. */
    public static final String IP = "network.internet_port.ip";
    /** Yealink {@code network.internet_port.mask}, ALE {@code DeviceNetworkSubnetMask}. */
    public static final String MASK = "network.internet_port.mask";
    /** Yealink {@code network.internet_port.gateway}, ALE {@code DeviceNetworkGateway}. */
    public static final String GATEWAY = "network.internet_port.gateway";
    /** Yealink {@code network.primary_dns}, ALE {@code DeviceNetworkDns1}. */
    public static final String DNS1 = "network.primary_dns";
    /** Yealink {@code network.secondary_dns}, ALE {@code DeviceNetworkDns2}. */
    public static final String DNS2 = "network.secondary_dns";
    /** Yealink {@code network.static_dns_enable}, ALE {@code DeviceNetworkStaticDnsEnable} (digest A-8). */
    public static final String STATIC_DNS = "network.static_dns_enable";
    /** Yealink {@code network.ipv6_internet_port.type}: 0 DHCP, 1 static. */
    public static final String IPV6_PORT_TYPE = "network.ipv6_internet_port.type";
    /** ALE {@code DeviceNetworkIpv6DhcpMode}: Static, Dynamic. */
    public static final String IPV6_DHCP_MODE = "network.ipv6_dhcp_mode";
    /** Yealink {@code network.ipv6_icmp_v6.enable}: SLAAC. */
    public static final String IPV6_SLAAC = "network.ipv6_icmp_v6.enable";
    /** Yealink {@code network.ipv6_internet_port.ip}, ALE {@code DeviceNetworkIpv6Address}. */
    public static final String IPV6_IP = "network.ipv6_internet_port.ip";
    /** Yealink {@code network.ipv6_prefix}, ALE {@code DeviceNetworkIpv6PrefixLen}. */
    public static final String IPV6_PREFIX = "network.ipv6_prefix";
    /** Yealink {@code network.ipv6_internet_port.gateway}, ALE {@code DeviceNetworkIpv6Gateway}. */
    public static final String IPV6_GATEWAY = "network.ipv6_internet_port.gateway";
    /** Yealink {@code network.ipv6_primary_dns}, ALE {@code DeviceNetworkIpv6Dns1}. */
    public static final String IPV6_DNS1 = "network.ipv6_primary_dns";
    /** Yealink {@code network.ipv6_secondary_dns}, ALE {@code DeviceNetworkIpv6Dns2}. */
    public static final String IPV6_DNS2 = "network.ipv6_secondary_dns";
    /** Yealink {@code network.dhcp_host_name} (option 12). */
    public static final String HOST_NAME = "network.dhcp_host_name";
    /** ALE {@code DeviceNetworkVciValue} (option 60, default aledevice). */
    public static final String VCI = "network.vci_value";
    /** Yealink {@code auto_provision.dhcp_option.option60_value} (option 60, default yealink). */
    public static final String OPTION60 = "auto_provision.dhcp_option.option60_value";
    /** ALE {@code DeviceNetworkLanAutoEnable}. */
    public static final String LAN_AUTO = "network.lan.auto_negotiation";
    /** ALE {@code DeviceNetworkLanSpeed}: 10 or 100. */
    public static final String LAN_SPEED = "network.lan.speed";
    /** ALE {@code DeviceNetworkLanDuplexType}: Half or Full. */
    public static final String LAN_DUPLEX = "network.lan.duplex";
    /** Yealink {@code network.internet_port.speed_duplex}: 0 auto, 1 FD 10, 2 FD 100, 3 HD 10, 4 HD 100. */
    public static final String SPEED_DUPLEX = "network.internet_port.speed_duplex";

    // VLAN (Yealink L2698-2907, L3274-3300; ALE L585-769).
    /** Yealink {@code network.vlan.internet_port_enable}, ALE {@code DeviceNetworkLanVlanEnable}. */
    public static final String VLAN_ENABLE = "network.vlan.internet_port_enable";
    /** Yealink {@code network.vlan.internet_port_vid}: 1-4094. */
    public static final String VLAN_VID = "network.vlan.internet_port_vid";
    /** ALE {@code DeviceNetworkLanVlanNumber}: 0-4095, default 4095. */
    public static final String VLAN_NUMBER = "network.vlan.lan_number";
    /** Yealink {@code network.vlan.internet_port_priority}: 0-7. */
    public static final String VLAN_PRIORITY = "network.vlan.internet_port_priority";
    /** Yealink {@code network.vlan.dhcp_enable}. */
    public static final String VLAN_DHCP = "network.vlan.dhcp_enable";
    /** Yealink {@code network.vlan.dhcp_option}: up to five of 128-254, comma separated. */
    public static final String VLAN_DHCP_OPTION = "network.vlan.dhcp_option";
    /** Yealink {@code network.lldp.enable}. */
    public static final String LLDP = "network.lldp.enable";
    /** ALE {@code DeviceNetworkLldpVlanEnable}. */
    public static final String LLDP_VLAN = "network.lldp.vlan_enable";
    /** Yealink {@code network.lldp.packet_interval}: 1-3600 s. */
    public static final String LLDP_INTERVAL = "network.lldp.packet_interval";
    /** ALE {@code DeviceNetworkCdpEnable}. */
    public static final String CDP = "network.cdp.enable";

    // QoS (Yealink L3103-3137, ALE L1627-1694).
    /** Yealink {@code network.qos.rtptos}, ALE {@code SettingAudiodiffserv}. */
    public static final String RTP_DSCP = "network.qos.rtptos";
    /** Yealink {@code network.qos.signaltos} (default 26). */
    public static final String SIGNAL_DSCP = "network.qos.signaltos";
    /** ALE {@code SIPDscp} (default 40). */
    public static final String SIP_DSCP = "network.qos.sip_dscp";
    /** ALE {@code Setting8021pPriority}: RTP's 802.1p. */
    public static final String RTP_PRIORITY = "network.qos.audio_8021p_priority";
    /** ALE {@code Setting8021pUserPriority}: SIP's 802.1p. */
    public static final String SIP_PRIORITY = "network.qos.user_8021p_priority";

    // 802.1X (Yealink L3139-3231, ALE L1695-1777).
    /** Yealink {@code network.802_1x.mode}: 0 off, 1 MD5, 2 TLS, 3 PEAP-MSCHAPv2, 4 TTLS/MSCHAPv2. */
    public static final String DOT1X_MODE = "network.802_1x.mode";
    /** ALE {@code DeviceNetwork8021xMethod}: 0 none, 1 MD5, 2 TLS, 3 PEAP/MSCHAPv2, 4 PEAP/GTC, 5 TTLS/MSCHAPv2. */
    public static final String DOT1X_METHOD = "network.802_1x.method";
    /** Yealink {@code network.802_1x.identity}, ALE {@code DeviceNetwork8021xIdentity}. */
    public static final String DOT1X_IDENTITY = "network.802_1x.identity";
    /** Yealink {@code network.802_1x.md5_password}, ALE {@code DeviceNetwork8021xPassword}. */
    public static final String DOT1X_PASSWORD = "network.802_1x.md5_password";
    /** ALE {@code DeviceNetwork8021xAnonymousIdentity}. */
    public static final String DOT1X_ANONYMOUS = "network.802_1x.anonymous_identity";

    // OpenVPN (Yealink L3253, ALE L1435-1626).
    /** Yealink {@code network.vpn_enable}, ALE {@code DeviceNetworkOpenVpnEnable}. */
    public static final String VPN = "network.vpn_enable";
    /** ALE {@code DeviceNetworkOpenVpnServerAddr}. */
    public static final String VPN_SERVER = "network.openvpn.server_address";
    /** ALE {@code DeviceNetworkOpenVpnServerPort}. */
    public static final String VPN_PORT = "network.openvpn.server_port";
    /** ALE {@code DeviceNetworkOpenVpnTransport}: UDP or TCP. */
    public static final String VPN_TRANSPORT = "network.openvpn.transport";

    // Time (Yealink L7578-7895, ALE L10879-11493).
    /** ALE {@code SettingTimeMethod}: 0 SNTP, 1 SIP server, 2 manual. */
    public static final String TIME_METHOD = "local_time.method";
    /** Yealink {@code local_time.ntp_server1}, ALE {@code SettingSntpServer}. */
    public static final String NTP1 = "local_time.ntp_server1";
    /** Yealink {@code local_time.ntp_server2}, ALE {@code SettingSntpServer2}. */
    public static final String NTP2 = "local_time.ntp_server2";
    /** ALE {@code SettingSntpRefreshPeriod} (seconds). */
    public static final String SNTP_REFRESH = "local_time.sntp_refresh_period";
    /** Yealink {@code local_time.interval}: 15-86400 seconds. */
    public static final String NTP_INTERVAL = "local_time.interval";
    /** ALE {@code SettingTimeZone}: -11:00 ... +14:00. */
    public static final String ALE_TIME_ZONE = "local_time.ale_time_zone";
    /** Yealink {@code local_time.time_zone} ({@code +8}). */
    public static final String TIME_ZONE = "local_time.time_zone";
    /** ALE {@code SettingTimeZoneLocation}. */
    public static final String TIME_ZONE_LOCATION = "local_time.time_zone_location";
    /** Yealink {@code local_time.time_zone_name}. */
    public static final String TIME_ZONE_NAME = "local_time.time_zone_name";
    /** Yealink {@code local_time.summer_time}, ALE {@code SettingDstEnable}: 0 off, 1 by hand, 2 automatic. */
    public static final String SUMMER_TIME = "local_time.summer_time";
    /** Yealink {@code local_time.dst_time_type}: 0 By Date, 1 By Week. */
    public static final String DST_TIME_TYPE = "local_time.dst_time_type";
    /** Yealink {@code local_time.start_time}. */
    public static final String DST_START = "local_time.start_time";
    /** Yealink {@code local_time.end_time}. */
    public static final String DST_END = "local_time.end_time";
    /** Yealink {@code local_time.offset_time}, ALE {@code SettingDstOffset}: minutes. */
    public static final String DST_OFFSET = "local_time.offset_time";
    /** ALE {@code SettingDstType}: week or date. */
    public static final String DST_TYPE = "local_time.dst_type";
    /** ALE {@code SettingDstStartMonth}. */
    public static final String DST_START_MONTH = "local_time.dst_start_month";
    /** ALE {@code SettingDstEndMonth}. */
    public static final String DST_END_MONTH = "local_time.dst_end_month";
    /** ALE {@code SettingDstStartDate}. */
    public static final String DST_START_DATE = "local_time.dst_start_date";
    /** ALE {@code SettingDstEndDate}. */
    public static final String DST_END_DATE = "local_time.dst_end_date";
    /** ALE {@code SettingDstStartWeek}: 1-4, 5 last. */
    public static final String DST_START_WEEK = "local_time.dst_start_week";
    /** ALE {@code SettingDstEndWeek}. */
    public static final String DST_END_WEEK = "local_time.dst_end_week";
    /** ALE {@code SettingDstStartWeekDay}: Sun-Sat. */
    public static final String DST_START_WEEKDAY = "local_time.dst_start_weekday";
    /** ALE {@code SettingDstEndWeekDay}. */
    public static final String DST_END_WEEKDAY = "local_time.dst_end_weekday";
    /** ALE {@code SettingDstStartHour}. */
    public static final String DST_START_HOUR = "local_time.dst_start_hour";
    /** ALE {@code SettingDstEndHour}. */
    public static final String DST_END_HOUR = "local_time.dst_end_hour";
    /** Yealink {@code local_time.dhcp_time}. */
    public static final String DHCP_TIME = "local_time.dhcp_time";
    /** Yealink {@code local_time.time_format}, ALE {@code SettingTimeFormat}: 0 12 h, 1 24 h. */
    public static final String TIME_FORMAT = "local_time.time_format";
    /** Yealink {@code local_time.date_format}, ALE {@code SettingDateFormat}. */
    public static final String DATE_FORMAT = "local_time.date_format";

    // Syslog (Yealink L3466-3487, ALE L14695-14750).
    /** ALE {@code DeviceSyslogRemoteEnable}. */
    public static final String SYSLOG_ENABLE = "syslog.enable";
    /** Yealink {@code syslog.server}, ALE {@code DeviceSyslogRemoteServerAddr}. */
    public static final String SYSLOG_SERVER = "syslog.server";
    /** ALE {@code DeviceSyslogRemoteServerPort}. */
    public static final String SYSLOG_PORT = "syslog.port";
    /** ALE {@code DeviceSyslogRemoteServerProtocol}: udp, tcp (and tls, ours: the catalogue takes it too). */
    public static final String SYSLOG_TRANSPORT = "syslog.transport";
    /** Yealink {@code syslog.log_level}: 0-6. */
    public static final String SYSLOG_LEVEL = "syslog.log_level";

    /**
     * Yealink {@code auto_provision.dhcp_option.list_user_options}, ALE {@code DeviceProvisionDHCPCustomOption}:
     * the custom provisioning options 128-254 the DHCP client must ask for (Yealink L3814, ALE L2458).
     */
    public static final String CUSTOM_OPTIONS = "auto_provision.dhcp_option.list_user_options";

    /** The SNTP servers a phone uses out of the box (ALE L485-501). */
    public static final List<String> DEFAULT_NTP_SERVERS = List.of("0.pool.ntp.org", "time.nist.gov");

    private static final Pattern HOST_NAME_SYNTAX = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
            + "(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");

    private NetConfiguration() {
    }

    /**
     * Reads the settings.
     *
     * @param config the configuration
     * @param model the board's model name, the DHCP host name by default
     * @param files where the phone keeps its network files: {@code 802.1x/ca.pem} and {@code 802.1x/client.pem},
     *              the unpacked OpenVPN files in {@code openvpn/} under either set of the ALE names (L1447-1455,
     *              L1605-1623). Provisioning does not fill it yet: it keeps the OpenVPN bundle packed in
     *              {@code <data>/resources/openvpn} and has no 802.1X certificate URLs.
     */
    public static NetSettings read(Config config, String model, Path files) {
        SettingReader in = new SettingReader(config);
        NetSettings.Addressing addressing = addressing(in, model);
        NetworkPlan.Discovery discovery = new NetworkPlan.Discovery(in.flag(LLDP, true), in.number(LLDP_INTERVAL, 60),
                in.flag(CDP, true));
        return new NetSettings(addressing, vlan(in), discovery, qos(in), dot1x(in, files.resolve("802.1x")),
                vpn(in, files.resolve("openvpn")), time(in), syslog(in, addressing.hostname()), in.problems);
    }

    private static NetSettings.Addressing addressing(SettingReader in, String model) {
        boolean v4 = true;
        boolean v6 = false;
        Optional<String> stack = in.text(IP_STACK_MODE);
        if (stack.isPresent()) {
            v4 = stack.get().equals("IPv4");
            v6 = !v4;
        } else {
            int mode = in.number(IP_ADDRESS_MODE, 0);
            v4 = mode != 1;
            v6 = mode != 0;
        }
        Optional<String> aleMode = in.text(DHCP_MODE).map(s -> s.toLowerCase(Locale.ROOT));
        boolean staticV4;
        if (aleMode.isPresent()) {
            staticV4 = aleMode.get().equals("static");
        } else {
            int type = in.number(PORT_TYPE, 0);
            if (type == 1) {
                in.problem(PORT_TYPE + " = 1 (PPPoE) is not supported; using DHCP");
            }
            staticV4 = type == 2;
        }
        NetworkPlan.Ipv4 ipv4 = NetworkPlan.Ipv4.OFF;
        if (v4) {
            ipv4 = NetworkPlan.Ipv4.DHCP;
            if (staticV4) {
                Optional<InetAddress> ip = in.address(IP, Inet4Address.class);
                Optional<Integer> prefix = in.prefixLength(MASK);
                if (ip.isPresent() && prefix.isPresent()) {
                    ipv4 = NetworkPlan.Ipv4.fixed(new NetworkStatus.Address(ip.get(), prefix.get()),
                            in.address(GATEWAY, Inet4Address.class));
                } else {
                    in.problem("static IPv4 needs " + IP + " and " + MASK + "; using DHCP");
                }
            }
        }
        NetworkPlan.Ipv6 ipv6 = NetworkPlan.Ipv6.OFF;
        boolean staticV6 = false;
        if (v6) {
            Optional<String> ale6 = in.text(IPV6_DHCP_MODE).map(s -> s.toLowerCase(Locale.ROOT));
            staticV6 = ale6.map(m -> m.equals("static")).orElseGet(() -> in.number(IPV6_PORT_TYPE, 0) == 1);
            NetworkPlan.Mode automatic = in.flag(IPV6_SLAAC, true) ? NetworkPlan.Mode.AUTOMATIC : NetworkPlan.Mode.DHCP_ONLY;
            ipv6 = new NetworkPlan.Ipv6(automatic, Optional.empty(), Optional.empty());
            if (staticV6) {
                Optional<InetAddress> ip = in.address(IPV6_IP, Inet6Address.class);
                if (ip.isPresent()) {
                    ipv6 = new NetworkPlan.Ipv6(NetworkPlan.Mode.STATIC,
                            Optional.of(new NetworkStatus.Address(ip.get(), in.number(IPV6_PREFIX, 64))),
                            in.address(IPV6_GATEWAY, Inet6Address.class));
                } else {
                    in.problem("static IPv6 needs " + IPV6_IP + "; using automatic IPv6");
                }
            }
        }
        List<InetAddress> dns = new ArrayList<>();
        boolean staticDns = in.flag(STATIC_DNS, false);
        if (ipv4.mode() == NetworkPlan.Mode.STATIC || staticDns && v4) {
            in.address(DNS1, Inet4Address.class).ifPresent(dns::add);
            in.address(DNS2, Inet4Address.class).ifPresent(dns::add);
        }
        if (ipv6.mode() == NetworkPlan.Mode.STATIC || staticDns && v6) {
            in.address(IPV6_DNS1, Inet6Address.class).ifPresent(dns::add);
            in.address(IPV6_DNS2, Inet6Address.class).ifPresent(dns::add);
        }
        String hostname = in.text(HOST_NAME).orElse(model);
        if (!HOST_NAME_SYNTAX.matcher(hostname).matches() || hostname.length() > 253) {
            in.problem(HOST_NAME + " = '" + hostname + "' is not a host name (RFC 1035); using " + model);
            hostname = model;
        }
        String vendorClass = in.text(VCI).orElseGet(() -> aleMode.filter(m -> m.equals("dynamicalcatel")).isPresent()
                ? "aledevice" : in.text(OPTION60).orElse("yealink"));
        return new NetSettings.Addressing(ipv4, ipv6, dns, hostname, vendorClass, in.options(CUSTOM_OPTIONS),
                link(in));
    }

    private static NetworkPlan.Link link(SettingReader in) {
        if (in.text(LAN_AUTO).isPresent() || in.text(LAN_SPEED).isPresent() || in.text(LAN_DUPLEX).isPresent()) {
            if (in.flag(LAN_AUTO, true)) {
                return NetworkPlan.Link.NEGOTIATE;
            }
            return new NetworkPlan.Link(false, in.number(LAN_SPEED, 100), !in.text(LAN_DUPLEX).map(d -> d.equals("Half")).orElse(false));
        }
        return switch (in.number(SPEED_DUPLEX, 0)) {
            case 1 -> new NetworkPlan.Link(false, 10, true);
            case 2 -> new NetworkPlan.Link(false, 100, true);
            case 3 -> new NetworkPlan.Link(false, 10, false);
            case 4 -> new NetworkPlan.Link(false, 100, false);
            default -> NetworkPlan.Link.NEGOTIATE;
        };
    }

    private static Vlan.Settings vlan(SettingReader in) {
        boolean manual = in.flag(VLAN_ENABLE, false);
        int id = in.text(VLAN_NUMBER).isPresent() ? in.number(VLAN_NUMBER, 4095) : in.number(VLAN_VID, 1);
        if (manual && in.text(VLAN_NUMBER).isEmpty() && in.text(VLAN_VID).isEmpty()) {
            // The manuals' defaults disagree (Yealink 1, ALE 4095, a reserved ID: digest A-40): tag nothing rather than guess.
            in.problem("VLAN enabled with no VLAN ID (" + VLAN_VID + " or " + VLAN_NUMBER + "); the port stays untagged");
            manual = false;
        } else if (manual && (id < 1 || id > 4094)) {
            in.problem("VLAN enabled with ID " + id + ", which cannot tag (1-4094); the port stays untagged");
            manual = false;
        }
        List<Integer> options = in.options(VLAN_DHCP_OPTION);
        return new Vlan.Settings(manual, manual ? id : 1, in.flag(VLAN_DHCP, true),
                options.isEmpty() ? List.of(DhcpFacts.VLAN) : options, in.flag(LLDP, true) && in.flag(LLDP_VLAN, true));
    }

    private static Qos.Settings qos(SettingReader in) {
        Dscp rtp = new Dscp(in.number(RTP_DSCP, 46));
        Dscp sip = new Dscp(in.text(SIP_DSCP).isPresent() ? in.number(SIP_DSCP, 40) : in.number(SIGNAL_DSCP, 26));
        return new Qos.Settings(sip, rtp, in.optionalNumber(SIP_PRIORITY), in.optionalNumber(RTP_PRIORITY),
                in.optionalNumber(VLAN_PRIORITY));
    }

    private static Optional<NetworkPlan.Dot1x> dot1x(SettingReader in, Path folder) {
        NetworkPlan.Dot1x.Method method;
        if (in.text(DOT1X_METHOD).isPresent()) {
            method = switch (in.number(DOT1X_METHOD, 0)) {
                case 1 -> NetworkPlan.Dot1x.Method.MD5;
                case 2 -> NetworkPlan.Dot1x.Method.TLS;
                case 3 -> NetworkPlan.Dot1x.Method.PEAP_MSCHAPV2;
                case 4 -> NetworkPlan.Dot1x.Method.PEAP_GTC;
                case 5 -> NetworkPlan.Dot1x.Method.TTLS_MSCHAPV2;
                default -> null;
            };
        } else {
            method = switch (in.number(DOT1X_MODE, 0)) {
                case 1 -> NetworkPlan.Dot1x.Method.MD5;
                case 2 -> NetworkPlan.Dot1x.Method.TLS;
                case 3 -> NetworkPlan.Dot1x.Method.PEAP_MSCHAPV2;
                case 4 -> NetworkPlan.Dot1x.Method.TTLS_MSCHAPV2;
                default -> null;
            };
        }
        if (method == null) {
            return Optional.empty();
        }
        Optional<Path> ca = existing(folder.resolve("ca.pem"));
        Optional<Path> client = existing(folder.resolve("client.pem"));
        if (method == NetworkPlan.Dot1x.Method.TLS && client.isEmpty()) {
            in.problem("802.1X EAP-TLS needs a client certificate (" + folder.resolve("client.pem") + "); 802.1X is off");
            return Optional.empty();
        }
        String identity = in.text(DOT1X_IDENTITY).orElse("");
        if (identity.isEmpty()) {
            in.problem("802.1X needs an identity (" + DOT1X_IDENTITY + "); 802.1X is off");
            return Optional.empty();
        }
        return Optional.of(new NetworkPlan.Dot1x(method, identity, in.text(DOT1X_PASSWORD).orElse(""),
                in.text(DOT1X_ANONYMOUS).orElse(""), ca, client, client));
    }

    private static Optional<NetworkPlan.Vpn> vpn(SettingReader in, Path folder) {
        if (!in.flag(VPN, false)) {
            return Optional.empty();
        }
        // ALE names the files two ways: the unified ones (L1447-1455) and those of the tar bundle (L1605-1623).
        Optional<Path> config = existing(folder.resolve("vpn.cnf")).or(() -> existing(folder.resolve("openvpn-vpn.cnf")));
        String server = in.text(VPN_SERVER).orElse("");
        boolean tcp = in.text(VPN_TRANSPORT).map(transport -> transport.equals("TCP")).orElse(false);
        try {
            return Optional.of(new NetworkPlan.Vpn(server, in.number(VPN_PORT, 1194), tcp,
                    config, existing(folder.resolve("openvpn-ca.crt")),
                    existing(folder.resolve("openvpn-client.crt")).or(() -> existing(folder.resolve("openvpn-cert.crt"))),
                    existing(folder.resolve("openvpn-client.key")).or(() -> existing(folder.resolve("openvpn-key.key"))),
                    existing(folder.resolve("openvpn-user.txt"))));
        } catch (IllegalArgumentException e) {
            in.problem("OpenVPN: " + e.getMessage() + "; the tunnel is off");
            return Optional.empty();
        }
    }

    private static TimeSettings time(SettingReader in) {
        TimeSettings.Method method = switch (in.number(TIME_METHOD, 0)) {
            case 1 -> TimeSettings.Method.SIP_SERVER;
            case 2 -> TimeSettings.Method.MANUAL;
            default -> TimeSettings.Method.SNTP;
        };
        List<String> servers = new ArrayList<>();
        in.text(NTP1).ifPresent(servers::add);
        in.text(NTP2).filter(s -> !servers.contains(s)).ifPresent(servers::add);
        boolean configured = !servers.isEmpty();
        Duration refresh = Duration.ofSeconds(in.text(SNTP_REFRESH).isPresent()
                ? in.number(SNTP_REFRESH, 3600) : in.number(NTP_INTERVAL, 3600));
        ClockFormat format = new ClockFormat(in.number(TIME_FORMAT, 1) == 1,
                in.number(DATE_FORMAT, 0));
        return new TimeSettings(method, configured ? servers : DEFAULT_NTP_SERVERS, configured, refresh, zone(in), format);
    }

    private static ZoneSetting zone(SettingReader in) {
        boolean ale = in.text(ALE_TIME_ZONE).isPresent();
        Optional<ZoneOffset> offset = in.text(ale ? ALE_TIME_ZONE : TIME_ZONE)
                .flatMap(text -> in.offset(ale ? ALE_TIME_ZONE : TIME_ZONE, text));
        Optional<String> location = in.text(TIME_ZONE_LOCATION).or(() -> in.text(TIME_ZONE_NAME));
        // ALE's summer time is off by default, Yealink's automatic (L11135, L7672).
        boolean yealinkZone = !ale && in.text(TIME_ZONE_LOCATION).isEmpty()
                && (in.text(TIME_ZONE).isPresent() || in.text(TIME_ZONE_NAME).isPresent());
        ZoneSetting.DstMode dst = switch (in.number(SUMMER_TIME, yealinkZone ? 2 : 0)) {
            case 1 -> ZoneSetting.DstMode.MANUAL;
            case 2 -> ZoneSetting.DstMode.AUTOMATIC;
            default -> ZoneSetting.DstMode.OFF;
        };
        Optional<DstRule> rule = dst == ZoneSetting.DstMode.MANUAL ? dstRule(in) : Optional.empty();
        if (dst == ZoneSetting.DstMode.MANUAL && rule.isEmpty()) {
            dst = ZoneSetting.DstMode.OFF;
        }
        return new ZoneSetting(offset, dst, location, rule, in.flag(DHCP_TIME, false));
    }

    private static Optional<DstRule> dstRule(SettingReader in) {
        int saving = in.number(DST_OFFSET, 60);
        if (in.text(DST_START).isPresent() || in.text(DST_END).isPresent()) {
            boolean byWeek = in.number(DST_TIME_TYPE, 0) == 1;
            try {
                return Optional.of(new DstRule(DstRule.yealink(in.text(DST_START).orElse(""), byWeek),
                        DstRule.yealink(in.text(DST_END).orElse(""), byWeek), saving));
            } catch (IllegalArgumentException e) {
                in.problem(DST_START + "/" + DST_END + ": " + e.getMessage() + "; no summer time");
                return Optional.empty();
            }
        }
        boolean byDate = in.text(DST_TYPE).map(t -> t.equalsIgnoreCase("date")).orElse(false);
        Month startMonth = in.month(DST_START_MONTH, Month.JANUARY);
        Month endMonth = in.month(DST_END_MONTH, Month.DECEMBER);
        int startHour = in.number(DST_START_HOUR, 0);
        int endHour = in.number(DST_END_HOUR, 23);
        if (byDate) {
            return Optional.of(new DstRule(DstRule.Boundary.byDate(startMonth, in.number(DST_START_DATE, 1), startHour),
                    DstRule.Boundary.byDate(endMonth, in.number(DST_END_DATE, 30), endHour), saving));
        }
        return Optional.of(new DstRule(
                DstRule.Boundary.byWeek(startMonth, in.number(DST_START_WEEK, 5), in.weekday(DST_START_WEEKDAY), startHour),
                DstRule.Boundary.byWeek(endMonth, in.number(DST_END_WEEK, 5), in.weekday(DST_END_WEEKDAY), endHour),
                saving));
    }

    private static SyslogSettings syslog(SettingReader in, String hostname) {
        String server = in.text(SYSLOG_SERVER).orElse("");
        boolean enabled = in.text(SYSLOG_ENABLE).isPresent() ? in.flag(SYSLOG_ENABLE, false) : !server.isEmpty();
        if (enabled && server.isEmpty()) {
            in.problem(SYSLOG_ENABLE + " is on without " + SYSLOG_SERVER + "; remote syslog is off");
            enabled = false;
        }
        int port = in.number(SYSLOG_PORT, 514);
        SyslogSettings.Transport transport = in.text(SYSLOG_TRANSPORT)
                .map(protocol -> SyslogSettings.Transport.valueOf(protocol.toUpperCase(Locale.ROOT))).orElse(SyslogSettings.Transport.UDP);
        int severity = SyslogSettings.severityOfYealinkLevel(in.number(SYSLOG_LEVEL, 3));
        return new SyslogSettings(enabled, server, port == 0 ? 514 : port, transport, severity, SyslogSettings.LOCAL0,
                hostname, Optional.empty());
    }

    private static Optional<Path> existing(Path file) {
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }
}
