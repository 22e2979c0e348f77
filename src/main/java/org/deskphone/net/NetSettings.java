package org.deskphone.net;

import java.net.InetAddress;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.deskphone.hal.NetworkPlan;
import org.deskphone.net.syslog.SyslogSettings;
import org.deskphone.net.time.TimeSettings;

/**
 * Every network, time, log and QoS setting the phone reads, typed; built by {@link NetConfiguration}, the
 * one class that knows the parameter names. {@link #problems()} names each value that was out of range or
 * unreadable and replaced by its default.
 */
public record NetSettings(
        Addressing addressing,
        Vlan.Settings vlan,
        NetworkPlan.Discovery discovery,
        Qos.Settings qos,
        Optional<NetworkPlan.Dot1x> dot1x,
        Optional<NetworkPlan.Vpn> vpn,
        TimeSettings time,
        SyslogSettings syslog,
        List<String> problems) {

    /**
     * Addressing of the port.
     *
     * @param ipv4        IPv4: DHCP, static or off
     * @param ipv6        IPv6: automatic, DHCPv6 only, static or off
     * @param staticDns   DNS servers set by hand, used instead of DHCP's; empty to take DHCP's
     * @param hostname    the DHCP host name (option 12)
     * @param vendorClass the DHCP vendor class (option 60)
     * @param customOptions the custom provisioning options (128-254) DHCP must ask for
     * @param link        speed and duplex
     */
    public record Addressing(NetworkPlan.Ipv4 ipv4, NetworkPlan.Ipv6 ipv6, List<InetAddress> staticDns, String hostname,
            String vendorClass, List<Integer> customOptions, NetworkPlan.Link link) {

        public Addressing {
            Objects.requireNonNull(ipv4, "ipv4");
            Objects.requireNonNull(ipv6, "ipv6");
            staticDns = List.copyOf(staticDns);
            Objects.requireNonNull(hostname, "hostname");
            Objects.requireNonNull(vendorClass, "vendorClass");
            customOptions = List.copyOf(customOptions);
            Objects.requireNonNull(link, "link");
        }
    }

    public NetSettings {
        Objects.requireNonNull(addressing, "addressing");
        Objects.requireNonNull(vlan, "vlan");
        Objects.requireNonNull(discovery, "discovery");
        Objects.requireNonNull(qos, "qos");
        Objects.requireNonNull(dot1x, "dot1x");
        Objects.requireNonNull(vpn, "vpn");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(syslog, "syslog");
        problems = List.copyOf(problems);
    }
}
