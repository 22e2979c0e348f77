package org.deskphone.provision.dhcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Option values as servers send them, and the DHCPINFORM/DHCPACK exchange's bytes (RFC 2131, 2132). */
class DhcpOptionsTest {

    @Test
    void stringOptionsLoseTheirTrailingNul() {
        DhcpOptions options = DhcpOptions.of(Map.of(66, "http://prov/\0".getBytes(StandardCharsets.US_ASCII)));
        assertThat(options.text(66)).contains("http://prov/");
        assertThat(options.text(67)).isEmpty();
    }

    @Test
    void aFourByteAddressOptionIsAnAddress() { // Yealink L1912-1916: String or IP Address types
        DhcpOptions options = DhcpOptions.of(Map.of(160, new byte[] {10, 1, 2, (byte) 200}));
        assertThat(options.text(160)).contains("10.1.2.200");
        assertThat(DhcpOptions.of(Map.of(160, "abcd".getBytes(StandardCharsets.US_ASCII))).text(160)).contains("abcd");
    }

    @Test
    void option43WithAleSubOptions() { // ALE L299-325
        byte[] url = "http://172.24.190.161".getBytes(StandardCharsets.US_ASCII);
        byte[] path = "/provisioning".getBytes(StandardCharsets.US_ASCII);
        ByteBuffer value = ByteBuffer.allocate(4 + url.length + path.length + 1);
        value.put((byte) 66).put((byte) url.length).put(url).put((byte) 67).put((byte) path.length).put(path).put((byte) 255);
        DhcpOptions options = DhcpOptions.of(Map.of(43, value.array()));
        assertThat(options.vendorSubOption(66)).contains("http://172.24.190.161");
        assertThat(options.vendorSubOption(67)).contains("/provisioning");
        assertThat(options.vendorText()).isEmpty();
    }

    @Test
    void option43AsAPlainUrl() { // Yealink digest §6 A11
        DhcpOptions options = DhcpOptions.ofText(Map.of(43, "tftp://10.0.0.5/phones/"));
        assertThat(options.vendorSubOptions()).isEmpty();
        assertThat(options.vendorText()).contains("tftp://10.0.0.5/phones/");
    }

    @Test
    void informCarriesWhatThePhoneAsksForAndAckIsRead() throws Exception {
        byte[] mac = {0x00, 0x15, 0x65, (byte) 0xaa, (byte) 0xbb, (byte) 0xcc};
        byte[] inform = DhcpPacket.inform(0x12345678, (Inet4Address) InetAddress.getByName("10.9.8.7"), mac, "yealink", List.of(43, 66, 67, 224));
        assertThat(inform[0]).isEqualTo((byte) 1);
        assertThat(ByteBuffer.wrap(inform, 4, 4).getInt()).isEqualTo(0x12345678);
        assertThat(new byte[] {inform[12], inform[13], inform[14], inform[15]}).containsExactly(10, 9, 8, 7);
        String options = new String(inform, 240, inform.length - 240, StandardCharsets.ISO_8859_1);
        assertThat(options).contains("\u0035\u0001\u0008").contains("\u003c\u0007yealink").contains("\u0037\u0004\u002b\u0042\u0043\u00e0");

        byte[] ack = inform.clone();
        ack[0] = 2;
        ByteBuffer tail = ByteBuffer.wrap(ack, 240, ack.length - 240);
        byte[] url = "tftp://10.9.8.1/".getBytes(StandardCharsets.US_ASCII);
        tail.put((byte) 53).put((byte) 1).put((byte) DhcpPacket.ACK).put((byte) 66).put((byte) 8).put(url, 0, 8)
                .put((byte) 66).put((byte) (url.length - 8)).put(url, 8, url.length - 8).put((byte) 255);
        DhcpOptions read = DhcpPacket.ack(ack, ack.length, 0x12345678).orElseThrow();
        assertThat(read.text(66)).as("split options are joined (RFC 3396)").contains("tftp://10.9.8.1/");
        assertThat(DhcpPacket.ack(ack, ack.length, 0x1234)).as("another transaction").isEmpty();
        assertThat(DhcpPacket.ack(inform, inform.length, 0x12345678)).as("a request, not a reply").isEmpty();
    }
}
