package org.deskphone.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.Month;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.deskphone.config.ProvisioningReport;
import org.deskphone.config.format.Problem;
import org.deskphone.hal.NetworkPlan;
import org.deskphone.net.syslog.SyslogSettings;
import org.deskphone.net.time.DstRule;
import org.deskphone.net.time.TimeSettings;
import org.deskphone.net.time.ZoneSetting;
import org.deskphone.testing.PhoneConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The network's parameters in both dialects, by the catalogue's canonical names. */
class NetConfigurationTest {
    @TempDir
    Path files;

    /** The settings, each set by hand (as the web UI sets it); the store must accept every one. */
    private NetSettings read(Map<String, String> values) {
        PhoneConfig config = new PhoneConfig();
        values.forEach(config::local);
        return read(config);
    }

    private NetSettings read(PhoneConfig config) {
        return NetConfiguration.read(config.current(), "deskphone-pi", files);
    }

    @Test
    void factoryDefaultsAreDhcpUntaggedSntpAndNoSyslog() {
        NetSettings settings = read(Map.of());
        assertThat(settings.addressing().ipv4()).isEqualTo(NetworkPlan.Ipv4.DHCP);
        assertThat(settings.addressing().ipv6()).isEqualTo(NetworkPlan.Ipv6.OFF);
        assertThat(settings.addressing().hostname()).isEqualTo("deskphone-pi");
        assertThat(settings.addressing().vendorClass()).isEqualTo("yealink");
        assertThat(settings.vlan()).isEqualTo(Vlan.Settings.DEFAULT);
        assertThat(settings.qos()).isEqualTo(Qos.Settings.DEFAULT);
        assertThat(settings.time().method()).isEqualTo(TimeSettings.Method.SNTP);
        assertThat(settings.time().servers()).isEqualTo(NetConfiguration.DEFAULT_NTP_SERVERS);
        assertThat(settings.time().serversConfigured()).isFalse();
        assertThat(settings.time().refresh()).isEqualTo(Duration.ofHours(1));
        assertThat(settings.time().zone()).isEqualTo(ZoneSetting.NONE);
        assertThat(settings.syslog().enabled()).isFalse();
        assertThat(settings.dot1x()).isEmpty();
        assertThat(settings.vpn()).isEmpty();
        assertThat(settings.problems()).isEmpty();
    }

    /** Yealink network.internet_port.type=2 (L2052-2195) and ALE DeviceNetworkDhcpMode=Static (L68-153). */
    @Test
    void staticIpv4InEitherDialect() throws Exception {
        Map<String, String> yealink = Map.of(NetConfiguration.PORT_TYPE, "2", NetConfiguration.IP, "192.168.1.20",
                NetConfiguration.MASK, "255.255.255.0", NetConfiguration.GATEWAY, "192.168.1.1", NetConfiguration.DNS1, "192.168.1.2",
                NetConfiguration.DNS2, "0.0.0.0");
        NetSettings y = read(yealink);
        assertThat(y.addressing().ipv4().mode()).isEqualTo(NetworkPlan.Mode.STATIC);
        assertThat(y.addressing().ipv4().address()).hasValueSatisfying(a -> assertThat(a).hasToString("192.168.1.20/24"));
        assertThat(y.addressing().ipv4().gateway()).contains(InetAddress.getByName("192.168.1.1"));
        assertThat(y.addressing().staticDns()).containsExactly(InetAddress.getByName("192.168.1.2"));
        Map<String, String> ale = new java.util.HashMap<>(yealink);
        ale.put(NetConfiguration.PORT_TYPE, "0");
        ale.put(NetConfiguration.DHCP_MODE, "Static");
        assertThat(read(ale).addressing()).isEqualTo(y.addressing());
    }

    @Test
    void badAddressesFallBackToDhcpAndSaySo() {
        PhoneConfig config = new PhoneConfig();
        ProvisioningReport report = config.xml("DeviceNetworkDhcpMode", "Static", "DeviceNetworkIpAddress", "192.168.1.300",
                "DeviceNetworkSubnetMask", "255.0.255.0");
        // No address: the store skips it and names it; a mask it cannot tell from an address, the network refuses.
        assertThat(report.problems()).extracting(Problem::message)
                .anySatisfy(p -> assertThat(p).contains(NetConfiguration.IP).contains("192.168.1.300"));
        NetSettings settings = read(config);
        assertThat(settings.addressing().ipv4()).isEqualTo(NetworkPlan.Ipv4.DHCP);
        assertThat(settings.problems()).anySatisfy(p -> assertThat(p).contains("255.0.255.0").contains("not a subnet mask"))
                .anySatisfy(p -> assertThat(p).contains("using DHCP"));
    }

    @Test
    void ipv6ModesOfBothManuals() throws Exception {
        assertThat(read(Map.of(NetConfiguration.IP_STACK_MODE, "IPv6")).addressing().ipv4()).isEqualTo(NetworkPlan.Ipv4.OFF);
        NetSettings both = read(Map.of(NetConfiguration.IP_ADDRESS_MODE, "2", NetConfiguration.IPV6_SLAAC, "0"));
        assertThat(both.addressing().ipv4()).isEqualTo(NetworkPlan.Ipv4.DHCP);
        assertThat(both.addressing().ipv6().mode()).isEqualTo(NetworkPlan.Mode.DHCP_ONLY);
        NetSettings fixed = read(Map.of(NetConfiguration.IP_STACK_MODE, "IPv6", NetConfiguration.IPV6_DHCP_MODE, "Static",
                NetConfiguration.IPV6_IP, "2001:db8::20", NetConfiguration.IPV6_PREFIX, "48",
                NetConfiguration.IPV6_GATEWAY, "2001:db8::1", NetConfiguration.IPV6_DNS1, "2001:db8::53"));
        assertThat(fixed.addressing().ipv6().address()).hasValueSatisfying(a -> assertThat(a.prefixLength()).isEqualTo(48));
        assertThat(fixed.addressing().staticDns()).containsExactly(InetAddress.getByName("2001:db8::53"));
    }

    /** ALE DynamicAlcatel sends VCI aledevice (L552-561, digest A-44); DeviceNetworkVciValue wins; Yealink option 60 otherwise. */
    @Test
    void theVendorClass() {
        assertThat(read(Map.of(NetConfiguration.DHCP_MODE, "DynamicAlcatel")).addressing().vendorClass()).isEqualTo("aledevice");
        assertThat(read(Map.of(NetConfiguration.VCI, "acme", NetConfiguration.OPTION60, "other")).addressing().vendorClass())
                .isEqualTo("acme");
        assertThat(read(Map.of(NetConfiguration.OPTION60, "acme")).addressing().vendorClass()).isEqualTo("acme");
    }

    @Test
    void hostNamesMustBeHostNames() {
        assertThat(read(Map.of(NetConfiguration.HOST_NAME, "phone-12.lab")).addressing().hostname()).isEqualTo("phone-12.lab");
        NetSettings bad = read(Map.of(NetConfiguration.HOST_NAME, "SIP-T2xP (X=0,2,6,8)"));
        assertThat(bad.addressing().hostname()).isEqualTo("deskphone-pi");
        assertThat(bad.problems()).singleElement().asString().contains("RFC 1035");
    }

    @Test
    void linkModes() {
        assertThat(read(Map.of(NetConfiguration.SPEED_DUPLEX, "3")).addressing().link()).isEqualTo(new NetworkPlan.Link(false, 10, false));
        assertThat(read(Map.of(NetConfiguration.LAN_AUTO, "false", NetConfiguration.LAN_SPEED, "10",
                NetConfiguration.LAN_DUPLEX, "Full")).addressing().link()).isEqualTo(new NetworkPlan.Link(false, 10, true));
    }

    /** ALE's default VLAN number 4095 cannot tag (digest A-40); Yealink's VID and DHCP options (L2698-2907). */
    @Test
    void vlanSettings() {
        NetSettings ale = read(Map.of(NetConfiguration.VLAN_ENABLE, "true", NetConfiguration.VLAN_NUMBER, "4095"));
        assertThat(ale.vlan().manual()).isFalse();
        assertThat(ale.problems()).singleElement().asString().contains("4095");
        NetSettings noId = read(Map.of(NetConfiguration.VLAN_ENABLE, "true"));
        assertThat(noId.vlan().manual()).isFalse();
        assertThat(noId.problems()).singleElement().asString().contains("no VLAN ID");
        NetSettings yealink = read(Map.of(NetConfiguration.VLAN_ENABLE, "1", NetConfiguration.VLAN_VID, "100",
                NetConfiguration.VLAN_DHCP_OPTION, "132,150,151,152,153", NetConfiguration.LLDP_VLAN, "false"));
        assertThat(yealink.vlan()).isEqualTo(new Vlan.Settings(true, 100, true, List.of(132, 150, 151, 152, 153), false));
        assertThat(yealink.problems()).isEmpty();
        PhoneConfig six = new PhoneConfig();
        assertThat(six.cfg("network.vlan.dhcp_option = 132,150,151,152,153,154").problems()).extracting(Problem::message)
                .singleElement().asString().contains(NetConfiguration.VLAN_DHCP_OPTION).contains("5");
        assertThat(read(six).vlan().dhcpOptions()).as("the store kept none of it: option 132 alone").containsExactly(DhcpFacts.VLAN);
        assertThat(read(Map.of(NetConfiguration.VLAN_ENABLE, "1", NetConfiguration.VLAN_NUMBER, "30", NetConfiguration.VLAN_VID, "100"))
                .vlan().manualId()).as("ALE's number wins").isEqualTo(30);
    }

    /** RTP's DSCP is one parameter in both; SIP's is SIPDscp (ALE) before network.qos.signaltos (Yealink). */
    @Test
    void qosSettings() {
        NetSettings settings = read(Map.of(NetConfiguration.RTP_DSCP, "34", NetConfiguration.SIGNAL_DSCP, "24",
                NetConfiguration.RTP_PRIORITY, "6"));
        assertThat(settings.qos().rtp()).isEqualTo(new Dscp(34));
        assertThat(settings.qos().sip()).isEqualTo(Dscp.CS3);
        assertThat(settings.qos().rtpPriority()).hasValue(6);
        assertThat(read(Map.of(NetConfiguration.SIP_DSCP, "40", NetConfiguration.SIGNAL_DSCP, "24")).qos().sip()).isEqualTo(Dscp.CS5);
        PhoneConfig bad = new PhoneConfig();
        assertThat(bad.cfg("network.qos.rtptos = 64").problems()).extracting(Problem::message).singleElement().asString()
                .contains(NetConfiguration.RTP_DSCP).contains("0 to 63");
        assertThat(read(bad).qos().rtp()).isEqualTo(Dscp.EF);
    }

    @Test
    void dot1xNeedsItsFilesAndIdentity() throws Exception {
        Map<String, String> tls = Map.of(NetConfiguration.DOT1X_METHOD, "2", NetConfiguration.DOT1X_IDENTITY, "phone7");
        NetSettings missing = read(tls);
        assertThat(missing.dot1x()).isEmpty();
        assertThat(missing.problems()).singleElement().asString().contains("client certificate");
        Files.createDirectories(files.resolve("802.1x"));
        Files.writeString(files.resolve("802.1x/client.pem"), "cert");
        Files.writeString(files.resolve("802.1x/ca.pem"), "ca");
        NetworkPlan.Dot1x dot1x = read(tls).dot1x().orElseThrow();
        assertThat(dot1x.method()).isEqualTo(NetworkPlan.Dot1x.Method.TLS);
        assertThat(dot1x.caCertificate()).contains(files.resolve("802.1x/ca.pem"));
        NetworkPlan.Dot1x peap = read(Map.of(NetConfiguration.DOT1X_MODE, "3", NetConfiguration.DOT1X_IDENTITY, "u",
                NetConfiguration.DOT1X_PASSWORD, "s3cret")).dot1x().orElseThrow();
        assertThat(peap.method()).isEqualTo(NetworkPlan.Dot1x.Method.PEAP_MSCHAPV2);
        assertThat(peap.toString()).doesNotContain("s3cret");
    }

    /** ALE L1605-1623 names the bundle's files differently from L1447-1455 (digest A-19): both are found. */
    @Test
    void openVpnFindsEitherSetOfFileNames() throws Exception {
        Files.createDirectories(files.resolve("openvpn"));
        Files.writeString(files.resolve("openvpn/openvpn-cert.crt"), "c");
        Files.writeString(files.resolve("openvpn/openvpn-key.key"), "k");
        NetworkPlan.Vpn vpn = read(Map.of(NetConfiguration.VPN, "1", NetConfiguration.VPN_SERVER, "vpn.example",
                NetConfiguration.VPN_TRANSPORT, "TCP")).vpn().orElseThrow();
        assertThat(vpn.tcp()).isTrue();
        assertThat(vpn.port()).isEqualTo(1194);
        assertThat(vpn.clientCertificate()).contains(files.resolve("openvpn/openvpn-cert.crt"));
        assertThat(vpn.clientKey()).contains(files.resolve("openvpn/openvpn-key.key"));
        NetSettings noServer = read(Map.of(NetConfiguration.VPN, "1"));
        assertThat(noServer.vpn()).isEmpty();
        assertThat(noServer.problems()).singleElement().asString().contains("OpenVPN");
    }

    @Test
    void timeSettingsOfBothManuals() {
        NetSettings ale = read(Map.of(NetConfiguration.TIME_METHOD, "1", NetConfiguration.NTP1, "10.0.0.1",
                NetConfiguration.SNTP_REFRESH, "600", NetConfiguration.NTP_INTERVAL, "60", NetConfiguration.TIME_FORMAT, "0",
                NetConfiguration.DATE_FORMAT, "3"));
        assertThat(ale.time().method()).isEqualTo(TimeSettings.Method.SIP_SERVER);
        assertThat(ale.time().servers()).containsExactly("10.0.0.1");
        assertThat(ale.time().serversConfigured()).isTrue();
        assertThat(ale.time().refresh()).isEqualTo(Duration.ofMinutes(10));
        assertThat(ale.time().format().twentyFourHours()).isFalse();
        assertThat(ale.time().format().dateFormat()).isEqualTo(3);
        assertThat(read(Map.of(NetConfiguration.NTP_INTERVAL, "60")).time().refresh()).isEqualTo(Duration.ofMinutes(1));
        PhoneConfig tooOften = new PhoneConfig();
        assertThat(tooOften.cfg("local_time.interval = 5").problems()).extracting(Problem::message).singleElement().asString()
                .contains("15 to 86400");
        assertThat(read(tooOften).time().refresh()).isEqualTo(Duration.ofHours(1));
    }

    /** ALE SettingTimeZone with DST off by default; Yealink local_time.time_zone with DST automatic by default. */
    @Test
    void zonesOfBothManuals() {
        ZoneSetting ale = read(Map.of(NetConfiguration.ALE_TIME_ZONE, "-3:30")).time().zone();
        assertThat(ale.offset()).contains(ZoneOffset.ofHoursMinutes(-3, -30));
        assertThat(ale.dst()).isEqualTo(ZoneSetting.DstMode.OFF);
        ZoneSetting yealink = read(Map.of(NetConfiguration.TIME_ZONE, "+8", NetConfiguration.TIME_ZONE_NAME, "China(Beijing)"))
                .time().zone();
        assertThat(yealink.offset()).contains(ZoneOffset.ofHours(8));
        assertThat(yealink.dst()).isEqualTo(ZoneSetting.DstMode.AUTOMATIC);
        ZoneSetting automatic = read(Map.of(NetConfiguration.ALE_TIME_ZONE, "+1:00", NetConfiguration.SUMMER_TIME, "2",
                NetConfiguration.TIME_ZONE_LOCATION, "Paris")).time().zone();
        assertThat(automatic.resolve(ZoneSetting.FromDhcp.NONE, ZoneId.of("UTC")).rules()
                .getOffset(Instant.parse("2026-07-01T00:00:00Z"))).isEqualTo(ZoneOffset.ofHours(2));
        assertThat(read(Map.of(NetConfiguration.ALE_TIME_ZONE, "+15:00")).problems()).singleElement().asString().contains("+14:00");
    }

    @Test
    void summerTimeByHandInBothManuals() {
        ZoneSetting ale = read(Map.of(NetConfiguration.ALE_TIME_ZONE, "+1:00", NetConfiguration.SUMMER_TIME, "1",
                NetConfiguration.DST_START_MONTH, "Mar", NetConfiguration.DST_START_WEEK, "5", NetConfiguration.DST_START_WEEKDAY, "Sun",
                NetConfiguration.DST_START_HOUR, "2", NetConfiguration.DST_END_MONTH, "Oct", NetConfiguration.DST_END_HOUR, "3"))
                .time().zone();
        assertThat(ale.rule()).contains(new DstRule(DstRule.Boundary.byWeek(Month.MARCH, 5, DayOfWeek.SUNDAY, 2),
                DstRule.Boundary.byWeek(Month.OCTOBER, 5, DayOfWeek.SUNDAY, 3), 60));
        ZoneSetting yealink = read(Map.of(NetConfiguration.TIME_ZONE, "-5", NetConfiguration.SUMMER_TIME, "1",
                NetConfiguration.DST_TIME_TYPE, "1", NetConfiguration.DST_START, "3/7/2/2", NetConfiguration.DST_END, "11/7/1/2",
                NetConfiguration.DST_OFFSET, "60")).time().zone();
        assertThat(yealink.rule()).contains(new DstRule(DstRule.yealink("3/7/2/2", true), DstRule.yealink("11/7/1/2", true), 60));
        NetSettings bad = read(Map.of(NetConfiguration.TIME_ZONE, "-5", NetConfiguration.SUMMER_TIME, "1",
                NetConfiguration.DST_TIME_TYPE, "1", NetConfiguration.DST_START, "1/1/0"));
        assertThat(bad.time().zone().dst()).isEqualTo(ZoneSetting.DstMode.OFF);
        assertThat(bad.problems()).singleElement().asString().contains("1/1/0");
    }

    /** ALE DeviceSyslogRemote* (L14695-14750); Yealink sends when syslog.server is set, up to syslog.log_level (L3466-3487). */
    @Test
    void syslogSettings() {
        SyslogSettings ale = read(Map.of(NetConfiguration.SYSLOG_ENABLE, "true", NetConfiguration.SYSLOG_SERVER, "10.0.0.9",
                NetConfiguration.SYSLOG_PORT, "6514", NetConfiguration.SYSLOG_TRANSPORT, "tcp")).syslog();
        assertThat(ale.enabled()).isTrue();
        assertThat(ale.transport()).isEqualTo(SyslogSettings.Transport.TCP);
        assertThat(ale.port()).isEqualTo(6514);
        assertThat(ale.maxSeverity()).isEqualTo(3);
        SyslogSettings yealink = read(Map.of(NetConfiguration.SYSLOG_SERVER, "logs.example", NetConfiguration.SYSLOG_LEVEL, "6"))
                .syslog();
        assertThat(yealink.enabled()).isTrue();
        assertThat(yealink.maxSeverity()).isEqualTo(7);
        assertThat(read(Map.of(NetConfiguration.SYSLOG_SERVER, "x", NetConfiguration.SYSLOG_ENABLE, "false")).syslog().enabled()).isFalse();
        NetSettings nowhere = read(Map.of(NetConfiguration.SYSLOG_ENABLE, "true"));
        assertThat(nowhere.syslog().enabled()).isFalse();
        assertThat(nowhere.problems()).singleElement().asString().contains(NetConfiguration.SYSLOG_SERVER);
        assertThat(SyslogSettings.severityOfYealinkLevel(0)).isEqualTo(-1);
        assertThat(read(Map.of(NetConfiguration.SYSLOG_SERVER, "10.0.0.9", NetConfiguration.SYSLOG_TRANSPORT, "tls")).syslog().transport())
                .as("ours beside the manual's udp and tcp").isEqualTo(SyslogSettings.Transport.TLS);
    }
}
