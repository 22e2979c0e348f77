package org.deskphone.provision.dhcp;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.InterfaceAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.tinylog.Logger;

/**
 * Asks the network's DHCP server for the provisioning options with a DHCPINFORM (RFC 2131 §3.4), broadcast
 * on the phone's interface from port 68, and reads the DHCPACK. It sends only when a board or the command
 * line turns DHCP on: a broadcast leaves the machine.
 *
 * <p>Tries {@link #ATTEMPTS} times, waiting 2 s, then 4 s, then 4 s (RFC 2131 §4.1 backs off; a phone must
 * not hold its start-up for long).
 */
public final class DhcpInformClient implements DhcpSource {
    static final int ATTEMPTS = 3;
    static final int CLIENT_PORT = 68;
    static final int SERVER_PORT = 67;
    /** 43 and 66/67 carry the URL (both manuals); 1, 3, 6, 15, 42, 100, 132, 133 are for the network feature. */
    static final List<Integer> REQUESTED = List.of(1, 3, 6, 15, 42, 43, 66, 67, 100, 132, 133);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Optional<String> interfaceName;

    /** @param interfaceName the interface to ask on; empty: the first that is up, not loopback, with IPv4 */
    public DhcpInformClient(Optional<String> interfaceName) {
        this.interfaceName = interfaceName.filter(name -> !name.isBlank());
    }

    @Override
    public Found discover(List<Integer> customOptions, String vendorClass) {
        try {
            return new Found(inform(customOptions, vendorClass), Optional.empty());
        } catch (IOException e) {
            Logger.warn("DHCPINFORM failed: {}", e.getMessage());
            return Found.NONE;
        }
    }

    /** The options of the first DHCPACK, or empty when no server answered. */
    public Optional<DhcpOptions> inform(List<Integer> customOptions, String vendorClass) throws IOException {
        NetworkInterface nic = chooseInterface();
        InterfaceAddress address = ipv4(nic).orElseThrow(() -> new IOException(nic.getName() + " has no IPv4 address"));
        byte[] mac = nic.getHardwareAddress();
        if (mac == null || mac.length < 6) {
            throw new IOException(nic.getName() + " has no hardware address");
        }
        List<Integer> requested = new ArrayList<>(REQUESTED);
        customOptions.stream().filter(o -> !requested.contains(o)).forEach(requested::add);
        int xid = RANDOM.nextInt();
        byte[] request = DhcpPacket.inform(xid, (Inet4Address) address.getAddress(), mac, vendorClass, requested);
        InetAddress broadcast = broadcast(address);
        try (DatagramSocket socket = new DatagramSocket(null)) {
            socket.setReuseAddress(true);
            socket.setBroadcast(true);
            socket.bind(new InetSocketAddress(CLIENT_PORT));
            byte[] buffer = new byte[1500];
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                Duration wait = Duration.ofSeconds(attempt == 0 ? 2 : 4);
                Logger.info("DHCPINFORM on {} from {} to {} (vendor class '{}', options {})", nic.getName(),
                        address.getAddress().getHostAddress(), broadcast.getHostAddress(), vendorClass, requested);
                socket.send(new DatagramPacket(request, request.length, broadcast, SERVER_PORT));
                long deadline = System.nanoTime() + wait.toNanos();
                while (true) {
                    long left = (deadline - System.nanoTime()) / 1_000_000;
                    if (left <= 0) {
                        break;
                    }
                    socket.setSoTimeout((int) left);
                    DatagramPacket reply = new DatagramPacket(buffer, buffer.length);
                    try {
                        socket.receive(reply);
                    } catch (SocketTimeoutException e) {
                        break;
                    }
                    Optional<DhcpOptions> options = DhcpPacket.ack(reply.getData(), reply.getLength(), xid);
                    if (options.isPresent()) {
                        Logger.info("DHCPACK from {}: {}", reply.getAddress().getHostAddress(), options.get());
                        return options;
                    }
                }
            }
        }
        Logger.info("no DHCP server answered the DHCPINFORM on {}", nic.getName());
        return Optional.empty();
    }

    /** The subnet's broadcast address, computed when the interface was given none (iproute2 without "brd +"). */
    static InetAddress broadcast(InterfaceAddress address) throws IOException {
        InetAddress given = address.getBroadcast();
        if (given != null && !given.isAnyLocalAddress()) {
            return given;
        }
        byte[] bytes = address.getAddress().getAddress();
        int ip = ((bytes[0] & 0xff) << 24) | ((bytes[1] & 0xff) << 16) | ((bytes[2] & 0xff) << 8) | (bytes[3] & 0xff);
        int prefix = address.getNetworkPrefixLength();
        int host = prefix >= 32 ? 0 : -1 >>> prefix;
        int all = prefix <= 0 ? -1 : ip | host;
        return InetAddress.getByAddress(new byte[] {(byte) (all >>> 24), (byte) (all >>> 16), (byte) (all >>> 8), (byte) all});
    }

    private NetworkInterface chooseInterface() throws IOException {
        if (interfaceName.isPresent()) {
            NetworkInterface named = NetworkInterface.getByName(interfaceName.get());
            if (named == null) {
                throw new IOException("no network interface '" + interfaceName.get() + "'");
            }
            return named;
        }
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (up(nic) && !nic.isLoopback() && ipv4(nic).isPresent()) {
                return nic;
            }
        }
        throw new IOException("no network interface is up with an IPv4 address");
    }

    private static boolean up(NetworkInterface nic) {
        try {
            return nic.isUp();
        } catch (SocketException e) {
            return false;
        }
    }

    private static Optional<InterfaceAddress> ipv4(NetworkInterface nic) {
        return nic.getInterfaceAddresses().stream().filter(a -> a.getAddress() instanceof Inet4Address).findFirst();
    }
}
