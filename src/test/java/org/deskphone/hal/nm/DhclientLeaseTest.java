package org.deskphone.hal.nm;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import org.deskphone.hal.DhcpLease;
import org.junit.jupiter.api.Test;

/** dhclient's lease files back into option bytes, as dhclient prints each type. */
class DhclientLeaseTest {

    @Test
    void theLastLeaseWinsAndEachTypeIsReadBack() throws Exception {
        DhcpLease lease = DhclientLease.parse("""
                lease {
                  interface "eth0";
                  option tftp-server-name "http://old/";
                }
                lease {
                  interface "eth0";
                  fixed-address 10.77.0.65;
                  option subnet-mask 255.255.255.0;
                  option routers 10.77.0.1;
                  option time-offset -3600;
                  option tftp-server-name "http://10.77.0.1/prov";
                  option pcode "PST8PDT,M3.2.0/2:00:00,M11.1.0/2:00:00";
                  option deskphone-132 1e;
                  option deskphone-133 5;
                  option deskphone-150 "say \\"hi\\" \\\\ \\101";
                  option ntp-servers 127.0.0.1, 10.0.0.2;
                  option vendor-encapsulated-options 3a:2:0:14;
                  option unknown-201 0:1;
                  option dhcp-lease-time 3600;
                  renew 0 2026/11/22 19:20:49;
                }
                """);
        assertThat(lease.option(66)).hasValue("http://10.77.0.1/prov".getBytes(StandardCharsets.US_ASCII));
        assertThat(lease.option(100)).hasValue("PST8PDT,M3.2.0/2:00:00,M11.1.0/2:00:00".getBytes(StandardCharsets.US_ASCII));
        assertThat(lease.option(132)).hasValue(new byte[] {0x1e});
        assertThat(lease.option(133)).hasValue(new byte[] {5});
        assertThat(lease.option(150)).hasValue("say \"hi\" \\ A".getBytes(StandardCharsets.US_ASCII));
        assertThat(lease.option(42)).hasValue(new byte[] {127, 0, 0, 1, 10, 0, 0, 2});
        assertThat(lease.option(43)).hasValue(new byte[] {0x3a, 2, 0, 0x14});
        assertThat(lease.option(201)).hasValue(new byte[] {0, 1});
        assertThat(lease.option(2)).hasValue(new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xf1, (byte) 0xf0});
        assertThat(lease.option(1)).hasValue(new byte[] {(byte) 255, (byte) 255, (byte) 255, 0});
        assertThat(lease.option(51)).as("not an option the phone reads").isEmpty();
    }

    @Test
    void dhcpv6LeasesGiveSntpDnsAndTheBootfileUrl() throws Exception {
        DhcpLease lease = DhclientLease.parse("", """
                default-duid "\\000\\001";
                lease6 {
                  interface "eth0";
                  ia-na 1e:2b:3c:4d {
                    starts 1700000000;
                    iaaddr 2001:db8::20 {
                      max-life 7200;
                    }
                  }
                  option dhcp6.name-servers 2001:db8::53;
                  option dhcp6.sntp-servers 2001:db8::123, 2001:db8::124;
                  option dhcp6.bootfile-url "http://prov.example/x.xml";
                }
                """);
        assertThat(lease.option6(31)).hasValueSatisfying(v -> assertThat(v).hasSize(32));
        assertThat(lease.option6(23)).hasValue(InetAddress.getByName("2001:db8::53").getAddress());
        assertThat(lease.option6(59)).hasValue("http://prov.example/x.xml".getBytes(StandardCharsets.US_ASCII));
        assertThat(lease.options()).isEmpty();
    }

    @Test
    void nothingOrGarbageIsNoLease() {
        assertThat(DhclientLease.parse("")).isEqualTo(DhcpLease.NONE);
        assertThat(DhclientLease.parse("lease {\n option ntp-servers not-an-address;\n option pcode unquoted;\n}\n").options()).isEmpty();
        assertThat(DhclientLease.parse("lease {\n option tftp-server-name \"never closed;\n")).isEqualTo(DhcpLease.NONE);
    }
}
