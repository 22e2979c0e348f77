package org.deskphone.app;

import java.util.List;
import java.util.Set;
import org.deskphone.hal.BoardDescriptor;
import org.deskphone.hal.HostNetwork;
import org.deskphone.hal.NetworkStatus;
import org.deskphone.hal.nm.NetworkManagerNetwork;
import org.deskphone.net.DhcpFacts;
import org.deskphone.net.Vlan;

/**
 * {@code deskphone network}: what the board's network driver sees now - link, addresses, gateways, DNS,
 * VLAN, and what the system's DHCP lease and LLDP said - as the status page shows it. It only reads:
 * nothing is configured and nothing is sent.
 */
final class NetworkCommand implements Command {

    @Override
    public String summary() {
        return "show the network as the board's driver sees it (reads only)";
    }

    @Override
    public Set<String> options() {
        return Set.of("board");
    }

    @Override
    public int run(Arguments arguments, Console console) throws Exception {
        BoardDescriptor board = Main.board(arguments);
        NetworkStatus status = switch (board.get("network").orElse("host")) {
            case "networkmanager" -> NetworkManagerNetwork.fromDescriptor(board).read();
            default -> HostNetwork.fromDescriptor(board).read();
        };
        status.describe().forEach(console.out()::println);
        DhcpFacts dhcp = DhcpFacts.gather(List.of(DhcpFacts.fromLease(status.lease())), List.of(DhcpFacts.VLAN));
        if (!status.lease().isEmpty()) {
            console.out().println("DHCP lease: options " + status.lease());
            console.out().println("SNTP from DHCP: " + (dhcp.sntpServers().isEmpty() ? "-" : String.join(", ", dhcp.sntpServers())));
        }
        status.voicePolicy().ifPresent(policy -> console.out().println("LLDP-MED voice policy: VLAN " + policy.vlanId()
                + ", priority " + policy.priority() + ", DSCP " + policy.dscp()));
        Vlan vlan = Vlan.choose(Vlan.Settings.DEFAULT, status.voicePolicy(), dhcp, Vlan.UNTAGGED);
        if (vlan.id().isPresent()) {
            console.out().println("VLAN offered by the network: " + vlan);
        }
        return status.usable() ? Main.OK : Main.FAILED;
    }
}
