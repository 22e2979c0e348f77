package org.deskphone.provision.dhcp;

import java.net.Inet4Address;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * DHCPv4 messages (RFC 2131 §2, options RFC 2132) as far as a phone that already has its address needs them:
 * building a DHCPINFORM and reading the DHCPACK that answers it.
 */
public final class DhcpPacket {
    public static final int INFORM = 8;
    public static final int ACK = 5;
    private static final int BOOTREQUEST = 1;
    private static final int BOOTREPLY = 2;
    private static final byte[] MAGIC = {99, (byte) 130, 83, 99};
    private static final int OPTIONS_AT = 240;

    private DhcpPacket() {
    }

    /**
     * A DHCPINFORM from {@code address} asking for {@code requested} options (RFC 2131 §3.4): ciaddr is set,
     * and the server answers with a DHCPACK carrying the options, without an address lease.
     */
    public static byte[] inform(int xid, Inet4Address address, byte[] mac, String vendorClass, List<Integer> requested) {
        ByteBuffer out = ByteBuffer.allocate(576);
        out.put((byte) BOOTREQUEST).put((byte) 1).put((byte) 6).put((byte) 0);
        out.putInt(xid);
        out.putShort((short) 0).putShort((short) 0);
        out.put(address.getAddress());
        out.put(new byte[12]);
        byte[] chaddr = new byte[16];
        System.arraycopy(mac, 0, chaddr, 0, Math.min(6, mac.length));
        out.put(chaddr);
        out.put(new byte[64 + 128]);
        out.put(MAGIC);
        option(out, DhcpOptions.MESSAGE_TYPE, new byte[] {INFORM});
        byte[] clientId = new byte[7];
        clientId[0] = 1;
        System.arraycopy(mac, 0, clientId, 1, Math.min(6, mac.length));
        option(out, DhcpOptions.CLIENT_ID, clientId);
        if (vendorClass != null && !vendorClass.isBlank()) {
            option(out, DhcpOptions.VENDOR_CLASS, vendorClass.getBytes(StandardCharsets.US_ASCII));
        }
        byte[] list = new byte[requested.size()];
        for (int i = 0; i < list.length; i++) {
            list[i] = (byte) (int) requested.get(i);
        }
        option(out, DhcpOptions.PARAMETER_REQUEST_LIST, list);
        out.put((byte) 255);
        byte[] packet = new byte[Math.max(300, out.position())];
        System.arraycopy(out.array(), 0, packet, 0, out.position());
        return packet;
    }

    /**
     * The options of a DHCPACK that answers {@code xid}; empty when {@code packet} is something else. A
     * boot file or server name in the fixed fields stands in for options 67 and 66 when those are absent.
     */
    public static Optional<DhcpOptions> ack(byte[] packet, int length, int xid) {
        if (length < OPTIONS_AT || (packet[0] & 0xff) != BOOTREPLY || ByteBuffer.wrap(packet, 4, 4).getInt() != xid) {
            return Optional.empty();
        }
        for (int i = 0; i < 4; i++) {
            if (packet[236 + i] != MAGIC[i]) {
                return Optional.empty();
            }
        }
        Map<Integer, byte[]> options = new LinkedHashMap<>();
        int at = OPTIONS_AT;
        while (at < length) {
            int code = packet[at] & 0xff;
            if (code == 0) {
                at++;
                continue;
            }
            if (code == 255 || at + 1 >= length) {
                break;
            }
            int size = packet[at + 1] & 0xff;
            if (at + 2 + size > length) {
                return Optional.empty();
            }
            byte[] value = new byte[size];
            System.arraycopy(packet, at + 2, value, 0, size);
            options.merge(code, value, DhcpOptions::concat); // long options arrive split (RFC 3396)
            at += 2 + size;
        }
        byte[] type = options.get(DhcpOptions.MESSAGE_TYPE);
        if (type == null || type.length != 1 || type[0] != ACK) {
            return Optional.empty();
        }
        fixedField(packet, 44, 64).ifPresent(name -> options.putIfAbsent(DhcpOptions.TFTP_SERVER, name));
        fixedField(packet, 108, 128).ifPresent(file -> options.putIfAbsent(DhcpOptions.BOOTFILE, file));
        options.remove(DhcpOptions.MESSAGE_TYPE);
        return Optional.of(DhcpOptions.of(options));
    }

    private static Optional<byte[]> fixedField(byte[] packet, int offset, int size) {
        int end = offset;
        while (end < offset + size && packet[end] != 0) {
            end++;
        }
        if (end == offset) {
            return Optional.empty();
        }
        byte[] value = new byte[end - offset];
        System.arraycopy(packet, offset, value, 0, value.length);
        return Optional.of(value);
    }

    private static void option(ByteBuffer out, int code, byte[] value) {
        out.put((byte) code).put((byte) value.length).put(value);
    }
}
