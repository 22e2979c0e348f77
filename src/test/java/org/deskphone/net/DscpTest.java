package org.deskphone.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.StandardSocketOptions;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SocketChannel;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.deskphone.hal.VoicePolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** DSCP values and marking (ALE L1627-1694, Yealink L3103-3137): the TOS byte is DSCP << 2. */
class DscpTest {

    @ParameterizedTest
    @CsvSource({"46, 184, EF", "40, 160, CS5", "26, 104, AF31", "24, 96, CS3", "34, 136, AF41", "0, 0, CS0", "44, 176, VA",
        "63, 252, 63"})
    void theTosByteAndTheName(int dscp, int tos, String name) {
        assertThat(new Dscp(dscp).tos()).isEqualTo(tos);
        assertThat(new Dscp(dscp).name()).isEqualTo(name);
    }

    @Test
    void outOfRangeIsRefused() {
        assertThatThrownBy(() -> new Dscp(64)).hasMessageContaining("0-63");
        assertThatThrownBy(() -> new Dscp(-1)).hasMessageContaining("0-63");
    }

    /** The kernel reports back the TOS it will put on the packets. */
    @Test
    void socketsAreMarkedOnIpv4AndIpv6() throws Exception {
        for (InetAddress loopback : List.of(InetAddress.getByName("127.0.0.1"), InetAddress.getByName("::1"))) {
            try (DatagramSocket rtp = new DatagramSocket(new InetSocketAddress(loopback, 0))) {
                Dscp.EF.applyTo(rtp);
                assertThat(rtp.getTrafficClass()).as("RTP socket on %s", loopback).isEqualTo(0xB8);
            }
            try (DatagramChannel channel = DatagramChannel.open().bind(new InetSocketAddress(loopback, 0))) {
                Dscp.CS5.applyTo(channel);
                assertThat(channel.getOption(StandardSocketOptions.IP_TOS)).isEqualTo(0xA0);
            }
            try (ServerSocket sip = new ServerSocket(0, 1, loopback);
                 Socket client = new Socket();
                 SocketChannel tcp = SocketChannel.open()) {
                Dscp.AF31.applyTo(sip);
                assertThat(sip.getOption(StandardSocketOptions.IP_TOS)).isEqualTo(0x68);
                Dscp.AF31.applyTo(client);
                assertThat(client.getTrafficClass()).isEqualTo(0x68);
                Dscp.CS3.applyTo(tcp);
                assertThat(tcp.getOption(StandardSocketOptions.IP_TOS)).isEqualTo(0x60);
            }
        }
    }

    /** Priorities: per class (ALE) before option 133 (ALE L526-528) before the port's (Yealink) before 5. */
    @Test
    void qosPrioritiesAndLldp() {
        Qos.Settings plain = Qos.Settings.DEFAULT;
        assertThat(Qos.decide(plain, Optional.empty(), OptionalInt.empty())).isEqualTo(new Qos(Dscp.AF31, Dscp.EF, 5, 5));
        assertThat(Qos.decide(plain, Optional.empty(), OptionalInt.of(3))).isEqualTo(new Qos(Dscp.AF31, Dscp.EF, 3, 3));
        Qos.Settings port = new Qos.Settings(Dscp.CS5, Dscp.EF, OptionalInt.empty(), OptionalInt.of(6), OptionalInt.of(2));
        assertThat(Qos.decide(port, Optional.empty(), OptionalInt.empty())).isEqualTo(new Qos(Dscp.CS5, Dscp.EF, 2, 6));
        Qos lldp = Qos.decide(port, Optional.of(new VoicePolicy(10, 6, 34)), OptionalInt.empty());
        assertThat(lldp.dscp(TrafficClass.VOICE)).isEqualTo(new Dscp(34));
        assertThat(lldp.priority(TrafficClass.VOICE)).isEqualTo(6);
        assertThat(lldp.dscp(TrafficClass.SIGNALLING)).isEqualTo(Dscp.CS5);
        assertThat(lldp.priorityByDscp()).containsEntry(34, 6).containsEntry(40, 2);
    }
}
