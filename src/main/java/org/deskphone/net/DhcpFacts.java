package org.deskphone.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.deskphone.hal.DhcpLease;
import org.deskphone.net.time.ZoneSetting;
import org.deskphone.provision.dhcp.Dhcp6Options;
import org.deskphone.provision.dhcp.DhcpOptions;
import org.deskphone.provision.dhcp.DhcpSource;

/**
 * What DHCP told the phone, gathered in one place from every source (the provisioning client's
 * DHCPINFORM answer first, then the system's lease) and read the way the manuals use each option
 * (ALE L299-584, Yealink L2857-2907, L7888):
 * <ul>
 * <li>time: SNTP servers (42; DHCPv6 31), the zone (101 tz name, 100 POSIX string, 2 offset);</li>
 * <li>VLAN: option 43 sub-option 58, and the first of the VLAN options configured (132 by default);
 * 802.1p priority (133);</li>
 * <li>names: host name (12), domain (15), DNS servers (6; DHCPv6 23);</li>
 * <li>provisioning: the merged options themselves, {@link #options()}, for the provisioning client's
 * decoder and URL rules (66, 67, 43, custom 128-254, DHCPv6 17 and 59).</li>
 * </ul>
 * The options are decoded by {@code org.deskphone.provision.dhcp} (the project's one decoder); this class
 * reads what each value means. A value that does not read as its option should is left out, never guessed.
 */
public record DhcpFacts(
        Optional<String> hostname,
        Optional<String> domain,
        List<InetAddress> dnsServers,
        List<String> sntpServers,
        ZoneSetting.FromDhcp zone,
        OptionalInt vendorVlan,
        OptionalInt optionVlan,
        OptionalInt priority,
        DhcpSource.Found options) {

    public static final int TIME_OFFSET = 2;
    public static final int DNS = 6;
    public static final int HOST_NAME = 12;
    public static final int DOMAIN = 15;
    public static final int NTP_SERVERS = 42;
    public static final int VENDOR_SPECIFIC = 43;
    public static final int VENDOR_VLAN = 58;
    public static final int POSIX_TIME_ZONE = 100;
    public static final int TZ_NAME = 101;
    public static final int VLAN = 132;
    public static final int PRIORITY = 133;
    public static final int V6_DNS = 23;
    public static final int V6_SNTP = 31;

    private static final Pattern NUMBER = Pattern.compile("(\\d{1,4})");

    /** Nothing from DHCP. */
    public static final DhcpFacts NONE = gather(List.of(), List.of(VLAN));

    public DhcpFacts {
        dnsServers = List.copyOf(dnsServers);
        sntpServers = List.copyOf(sntpServers);
    }

    /** The options of the system's lease, in the decoder's types. */
    public static DhcpSource.Found fromLease(DhcpLease lease) {
        return new DhcpSource.Found(lease.options().isEmpty() ? Optional.empty() : Optional.of(DhcpOptions.of(lease.options())),
                lease.options6().isEmpty() ? Optional.empty() : Optional.of(Dhcp6Options.of(lease.options6())));
    }

    /**
     * Reads {@code sources}, the first that has an option giving it (option 43 comes whole from one source).
     *
     * @param vlanOptions the options that may carry the VLAN ID, in order (Yealink
     *                    {@code network.vlan.dhcp_option}, default 132)
     */
    public static DhcpFacts gather(List<DhcpSource.Found> sources, List<Integer> vlanOptions) {
        DhcpSource.Found merged = merge(sources);
        DhcpOptions v4 = merged.v4().orElse(DhcpOptions.NONE);
        Dhcp6Options v6 = merged.v6().orElse(Dhcp6Options.NONE);
        List<InetAddress> dns = new ArrayList<>(v4.raw(DNS).map(b -> addresses(b, 4)).orElse(List.of()));
        dns.addAll(v6.raw(V6_DNS).map(b -> addresses(b, 16)).orElse(List.of()));
        List<String> sntp = new ArrayList<>();
        v4.raw(NTP_SERVERS).map(b -> addresses(b, 4)).orElse(List.of()).forEach(a -> sntp.add(a.getHostAddress()));
        v6.raw(V6_SNTP).map(b -> addresses(b, 16)).orElse(List.of()).forEach(a -> sntp.add(a.getHostAddress()));
        ZoneSetting.FromDhcp zone = new ZoneSetting.FromDhcp(v4.raw(TZ_NAME).flatMap(DhcpFacts::text),
                v4.raw(POSIX_TIME_ZONE).flatMap(DhcpFacts::text),
                v4.raw(TIME_OFFSET).filter(b -> b.length == 4)
                        .map(b -> (b[0] << 24) | (b[1] & 0xff) << 16 | (b[2] & 0xff) << 8 | (b[3] & 0xff)));
        OptionalInt optionVlan = OptionalInt.empty();
        for (int code : vlanOptions) {
            Optional<byte[]> value = v4.raw(code);
            if (value.isPresent()) {
                optionVlan = vlanId(value.get());
                break;
            }
        }
        byte[] vendorVlan = v4.vendorSubOptions().get(VENDOR_VLAN);
        return new DhcpFacts(v4.raw(HOST_NAME).flatMap(DhcpFacts::text), v4.raw(DOMAIN).flatMap(DhcpFacts::text),
                dns, sntp, zone, vendorVlan == null ? OptionalInt.empty() : vlanId(vendorVlan), optionVlan,
                v4.raw(PRIORITY).map(DhcpFacts::priority).orElse(OptionalInt.empty()), merged);
    }

    /** One set of options: for each code, the value of the first source that has it. */
    static DhcpSource.Found merge(List<DhcpSource.Found> sources) {
        Map<Integer, byte[]> v4 = new LinkedHashMap<>();
        Map<Integer, byte[]> v6 = new LinkedHashMap<>();
        for (DhcpSource.Found source : sources) {
            source.v4().ifPresent(options -> options.codes().forEach(code -> v4.computeIfAbsent(code, c -> options.raw(c).orElseThrow())));
            source.v6().ifPresent(options -> options.codes().forEach(code -> v6.computeIfAbsent(code, c -> options.raw(c).orElseThrow())));
        }
        return new DhcpSource.Found(v4.isEmpty() ? Optional.empty() : Optional.of(DhcpOptions.of(v4)),
                v6.isEmpty() ? Optional.empty() : Optional.of(Dhcp6Options.of(v6)));
    }
    /** A string option without trailing NULs and blanks; empty when blank or not UTF-8 text. */
    static Optional<String> text(byte[] value) {
        int end = value.length;
        while (end > 0 && value[end - 1] == 0) {
            end--;
        }
        for (int i = 0; i < end; i++) {
            int c = value[i] & 0xff;
            if (c < 0x20 || c == 0x7f) {
                return Optional.empty();
            }
        }
        String text = new String(value, 0, end, StandardCharsets.UTF_8).trim();
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    /** A list of addresses of {@code size} bytes each (4 for DHCPv4, 16 for DHCPv6); empty when ragged. */
    static List<InetAddress> addresses(byte[] value, int size) {
        if (value.length == 0 || value.length % size != 0) {
            return List.of();
        }
        List<InetAddress> addresses = new ArrayList<>();
        for (int i = 0; i < value.length; i += size) {
            byte[] one = new byte[size];
            System.arraycopy(value, i, one, 0, size);
            try {
                addresses.add(InetAddress.getByAddress(one));
            } catch (UnknownHostException e) {
                return List.of();
            }
        }
        return addresses;
    }

    /**
     * A VLAN ID 1-4094 as servers send it: an unsigned big-endian number of 1, 2 or 4 bytes, or text
     * holding the number ({@code 30}, {@code VLAN-A=30}). One byte is always a number (dnsmasq sends
     * {@code 132,53} as the byte 53, which is also the character '5'); two or four printable bytes are
     * text, since every such number is above 4094.
     */
    static OptionalInt vlanId(byte[] value) {
        long id = -1;
        Optional<String> text = value.length == 1 ? Optional.empty() : text(value);
        if (text.isPresent()) {
            Matcher m = NUMBER.matcher(text.get());
            if (m.find()) {
                id = Integer.parseInt(m.group(1));
            }
        } else if (value.length == 1 || value.length == 2 || value.length == 4) {
            id = 0;
            for (byte b : value) {
                id = id << 8 | (b & 0xff);
            }
        }
        return id >= 1 && id <= 4094 ? OptionalInt.of((int) id) : OptionalInt.empty();
    }

    /** An 802.1p priority 0-7: one byte, or one digit of text. */
    static OptionalInt priority(byte[] value) {
        int p;
        if (value.length == 1 && value[0] >= '0' && value[0] <= '7') {
            p = value[0] - '0';
        } else if (value.length == 1) {
            p = value[0];
        } else {
            Optional<String> text = text(value);
            if (text.isEmpty() || !text.get().matches("[0-7]")) {
                return OptionalInt.empty();
            }
            p = text.get().charAt(0) - '0';
        }
        return p >= 0 && p <= 7 ? OptionalInt.of(p) : OptionalInt.empty();
    }
}
