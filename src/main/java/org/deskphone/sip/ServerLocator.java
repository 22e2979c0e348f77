package org.deskphone.sip;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * RFC 3263 §4 as the ALE manual states it (seed L5925-5962): an explicit port (not 0) means an A/AAAA
 * lookup only; port 0 with DNS-NAPTR means NAPTR, then SRV, then A; port 0 with a fixed transport means
 * SRV for that transport ({@code _sip._udp}, {@code _sip._tcp}, {@code _sips._tcp}), then A; with no SRV
 * answer the port is 5060 (5061 for TLS). IP literals need no lookup. Blocking: run it off the loop.
 */
final class ServerLocator {

    /** Where to send: an address, a port and a transport. */
    record Target(InetAddress address, int port, Transport transport) {
        @Override
        public String toString() {
            return transport.token() + ":" + AddressText.host(address) + ":" + port;
        }
    }

    /** The DNS questions RFC 3263 asks; {@link JndiDns} asks them of the system's resolver. */
    interface Dns {
        record Naptr(int order, int preference, String flags, String service, String replacement) {
        }

        record Srv(int priority, int weight, int port, String target) {
        }

        List<Naptr> naptr(String name);

        List<Srv> srv(String name);

        List<InetAddress> addresses(String host) throws UnknownHostException;
    }

    private final Dns dns;

    ServerLocator(Dns dns) {
        this.dns = dns;
    }

    /** Targets to try in order; empty when nothing resolves. */
    List<Target> locate(HostPort server, ServerTransport configured) throws UnknownHostException {
        Transport transport = configured.fixed().orElse(Transport.UDP);
        if (isLiteral(server.host())) {
            int port = server.port() != 0 ? server.port() : transport.defaultPort();
            return List.of(new Target(InetAddress.getByName(server.host()), port, transport));
        }
        if (server.port() != 0) {
            return toTargets(dns.addresses(server.host()), server.port(), transport);
        }
        List<Target> targets = new ArrayList<>();
        if (configured == ServerTransport.DNS_NAPTR) {
            List<Dns.Naptr> records = new ArrayList<>(dns.naptr(server.host()));
            records.sort(Comparator.comparingInt(Dns.Naptr::order).thenComparingInt(Dns.Naptr::preference));
            for (Dns.Naptr naptr : records) {
                Optional<Transport> t = naptrTransport(naptr.service());
                if (t.isPresent() && naptr.flags().equalsIgnoreCase("s")) {
                    targets.addAll(fromSrv(naptr.replacement(), t.get()));
                }
            }
            if (targets.isEmpty()) {
                // No NAPTR: SRV for each transport in RFC 3263's order of preference here.
                targets.addAll(fromSrv("_sip._udp." + server.host(), Transport.UDP));
                targets.addAll(fromSrv("_sip._tcp." + server.host(), Transport.TCP));
                targets.addAll(fromSrv("_sips._tcp." + server.host(), Transport.TLS));
            }
        } else {
            String prefix = switch (transport) {
                case UDP -> "_sip._udp.";
                case TCP -> "_sip._tcp.";
                case TLS -> "_sips._tcp.";
            };
            targets.addAll(fromSrv(prefix + server.host(), transport));
        }
        if (targets.isEmpty()) {
            targets.addAll(toTargets(dns.addresses(server.host()), transport.defaultPort(), transport));
        }
        return targets;
    }

    private List<Target> fromSrv(String name, Transport transport) {
        List<Dns.Srv> records = new ArrayList<>(dns.srv(name));
        // Lower priority first; within a priority, higher weight first (a deterministic reading of RFC 2782).
        records.sort(Comparator.comparingInt(Dns.Srv::priority).thenComparing(Comparator.comparingInt(Dns.Srv::weight).reversed()));
        List<Target> targets = new ArrayList<>();
        for (Dns.Srv srv : records) {
            if (srv.target().equals(".")) {
                continue;
            }
            try {
                targets.addAll(toTargets(dns.addresses(srv.target()), srv.port(), transport));
            } catch (UnknownHostException e) {
                // A dead SRV target: try the next.
            }
        }
        return targets;
    }

    private static List<Target> toTargets(List<InetAddress> addresses, int port, Transport transport) {
        return addresses.stream().map(a -> new Target(a, port, transport)).toList();
    }

    private static Optional<Transport> naptrTransport(String service) {
        return switch (service.toUpperCase(Locale.ROOT)) {
            case "SIP+D2U" -> Optional.of(Transport.UDP);
            case "SIP+D2T" -> Optional.of(Transport.TCP);
            case "SIPS+D2T" -> Optional.of(Transport.TLS);
            default -> Optional.empty();
        };
    }

    static boolean isLiteral(String host) {
        return host.indexOf(':') >= 0 || host.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
    }
}
