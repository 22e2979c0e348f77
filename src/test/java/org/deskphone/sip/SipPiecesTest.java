package org.deskphone.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The small pure parts of the user agent. */
class SipPiecesTest {

    @Test
    void retriesBackOffWithJitterAndACeiling() {
        Random random = new Random(1);
        Duration interval = Duration.ofSeconds(30);
        for (int failures = 1; failures <= 10; failures++) {
            long expected = Math.min(30_000L << Math.min(failures - 1, 5), RetrySchedule.CEILING.toMillis());
            long delay = RetrySchedule.after(failures, interval, random).toMillis();
            assertThat(delay).as("after %d failures", failures).isBetween((long) (expected * 0.8), (long) (expected * 1.2));
        }
        assertThat(RetrySchedule.after(1, Duration.ZERO, random).toMillis()).isGreaterThanOrEqualTo(800);
    }

    @Test
    void readsMessageSummaries() {
        // RFC 3842 §5.2's example, and what servers send without the urgent counts.
        assertThat(MessageSummary.parse("Messages-Waiting: yes\r\nMessage-Account: sip:alice@vmail.example.com\r\n"
                + "Voice-Message: 2/8 (0/2)\r\n")).isEqualTo(new MessageSummary(true, 2, 8, 0, 2));
        assertThat(MessageSummary.parse("messages-waiting: no\nvoice-message: 0/3\n")).isEqualTo(new MessageSummary(false, 0, 3, 0, 0));
        assertThat(MessageSummary.parse("garbage")).isEqualTo(MessageSummary.NONE);
        assertThat(MessageSummary.parse("Messages-Waiting: yes\nVoice-Message: 99999999999999/1\n").newMessages()).isEqualTo(99_999);
    }

    @Test
    void writesAndReadsDtmfInfoBodies() {
        byte[] relay = DtmfInfo.body(DtmfInfoBody.DTMF_RELAY, '#', 160);
        assertThat(new String(relay, StandardCharsets.US_ASCII)).isEqualTo("Signal=#\r\nDuration=160\r\n");
        assertThat(DtmfInfo.parse("application/dtmf-relay", relay)).hasValue('#');
        assertThat(DtmfInfo.parse("application/dtmf", DtmfInfo.body(DtmfInfoBody.DTMF, '7', 100))).hasValue('7');
        assertThat(DtmfInfo.parse("application/telephone-event", DtmfInfo.body(DtmfInfoBody.TELEPHONE_EVENT, 'D', 100))).hasValue('D');
        assertThat(DtmfInfo.parse("application/dtmf-relay", "Signal=11\r\n".getBytes(StandardCharsets.US_ASCII))).hasValue('#');
        assertThat(DtmfInfo.parse("application/dtmf-relay", "Signal=X\r\n".getBytes(StandardCharsets.US_ASCII))).isEmpty();
        assertThat(DtmfInfo.parse("text/plain", "5".getBytes(StandardCharsets.US_ASCII))).isEmpty();
    }

    @Test
    void readsTheStatusOfATransferReport() {
        assertThat(Sipfrag.status("SIP/2.0 180 Ringing\r\n".getBytes(StandardCharsets.UTF_8))).hasValue(180);
        assertThat(Sipfrag.status(Sipfrag.body(603, "Decline"))).hasValue(603);
        assertThat(Sipfrag.status("INVITE sip:x SIP/2.0".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(Sipfrag.status("SIP/2.0 999999 x".getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    @Test
    void namesCallersFromTheirHeaders() {
        assertThat(CallerIdentity.nameAddr("\"Bob Smith\" <sip:+15551234@pbx.example.com;user=phone>;party=calling"))
                .hasValueSatisfying(p -> {
                    assertThat(p.displayName()).isEqualTo("Bob Smith");
                    assertThat(p.user()).isEqualTo("+15551234");
                    assertThat(p.label()).isEqualTo("Bob Smith");
                });
        assertThat(Party.of("", "sip:anonymous@anonymous.invalid").anonymous()).isTrue();
        assertThat(Party.of("", "sip:anonymous@anonymous.invalid").label()).isEqualTo("Anonymous");
        assertThat(Party.of("", "tel:+4930123").user()).isEqualTo("+4930123");
        assertThat(Party.of("", "sip:200@10.0.0.1").label()).isEqualTo("200");
    }

    @Test
    void masksDigestSecretsInTheTrace() {
        String trace = "REGISTER sip:x SIP/2.0\r\nAuthorization: Digest username=\"alice\",realm=\"r\",nonce=\"n\","
                + "response=\"6629fae49393a05397450978507c4ef1\",cnonce=\"0a4f113b\",qop=auth\r\n";
        assertThat(WireTrace.mask(trace)).contains("username=\"alice\"").doesNotContain("6629fae4").doesNotContain("0a4f113b");
    }

    @Test
    void writesIpv6TheShortWay() throws UnknownHostException {
        assertThat(AddressText.of(InetAddress.getByName("::1"))).isEqualTo("::1");
        assertThat(AddressText.of(InetAddress.getByName("2001:db8:0:0:1:0:0:1"))).isEqualTo("2001:db8::1:0:0:1");
        assertThat(AddressText.of(InetAddress.getByName("fe80:0:0:0:0:0:0:0"))).isEqualTo("fe80::");
        assertThat(AddressText.host(InetAddress.getByName("127.0.0.1"))).isEqualTo("127.0.0.1");
        assertThat(AddressText.host(InetAddress.getByName("::1"))).isEqualTo("[::1]");
    }

    @Test
    void parsesServerAddresses() {
        assertThat(HostPort.parse("[::1]:5061", 5060)).isEqualTo(new HostPort("::1", 5061));
        assertThat(HostPort.parse("pbx.example.com", 5060)).isEqualTo(new HostPort("pbx.example.com", 5060));
        assertThat(HostPort.parse("10.0.0.1:0", 5060).port()).isZero();
        assertThat(HostPort.parse("::1", 5060)).isEqualTo(new HostPort("::1", 5060));
        assertThatThrownBy(() -> HostPort.parse("pbx:notaport", 5060)).hasMessageContaining("notaport");
        assertThatThrownBy(() -> HostPort.parse("pbx:70000", 5060)).hasMessageContaining("70000");
    }

    /** RFC 3263 as the ALE manual states it (seed L5925-5962), with DNS answered by a table. */
    @Test
    void locatesServersPerTheAleDecisionTable() throws Exception {
        Map<String, List<ServerLocator.Dns.Srv>> srv = Map.of(
                "_sip._udp.example.com", List.of(new ServerLocator.Dns.Srv(20, 0, 5070, "b.example.com"),
                        new ServerLocator.Dns.Srv(10, 0, 5080, "a.example.com")),
                "_sips._tcp.example.com", List.of(new ServerLocator.Dns.Srv(10, 0, 5061, "a.example.com")),
                "_sip._tcp.tcp-only.com", List.of(new ServerLocator.Dns.Srv(10, 0, 5090, "a.example.com")));
        Map<String, List<ServerLocator.Dns.Naptr>> naptr = Map.of("example.com", List.of(
                new ServerLocator.Dns.Naptr(50, 50, "s", "SIPS+D2T", "_sips._tcp.example.com"),
                new ServerLocator.Dns.Naptr(90, 50, "s", "SIP+D2U", "_sip._udp.example.com")));
        ServerLocator locator = new ServerLocator(new ServerLocator.Dns() {
            @Override
            public List<Naptr> naptr(String name) {
                return naptr.getOrDefault(name, List.of());
            }

            @Override
            public List<Srv> srv(String name) {
                return srv.getOrDefault(name, List.of());
            }

            @Override
            public List<InetAddress> addresses(String host) throws UnknownHostException {
                return switch (host) {
                    case "a.example.com" -> List.of(InetAddress.getByName("192.0.2.1"));
                    case "b.example.com" -> List.of(InetAddress.getByName("192.0.2.2"));
                    case "example.com", "tcp-only.com" -> List.of(InetAddress.getByName("192.0.2.9"));
                    default -> throw new UnknownHostException(host);
                };
            }
        });
        // An explicit port: A only.
        assertThat(locator.locate(new HostPort("example.com", 5060), ServerTransport.UDP)).extracting(Object::toString)
                .containsExactly("udp:192.0.2.9:5060");
        // Port 0 and DNS-NAPTR: NAPTR order, then SRV, then A.
        assertThat(locator.locate(new HostPort("example.com", 0), ServerTransport.DNS_NAPTR)).extracting(Object::toString)
                .containsExactly("tls:192.0.2.1:5061", "udp:192.0.2.1:5080", "udp:192.0.2.2:5070");
        // Port 0 and a fixed transport: SRV of that transport, in priority order.
        assertThat(locator.locate(new HostPort("example.com", 0), ServerTransport.UDP)).extracting(Object::toString)
                .containsExactly("udp:192.0.2.1:5080", "udp:192.0.2.2:5070");
        // No SRV: A with 5060, or 5061 for TLS.
        assertThat(locator.locate(new HostPort("tcp-only.com", 0), ServerTransport.TLS)).extracting(Object::toString)
                .containsExactly("tls:192.0.2.9:5061");
        // NAPTR absent: SRV per transport.
        assertThat(locator.locate(new HostPort("tcp-only.com", 0), ServerTransport.DNS_NAPTR)).extracting(Object::toString)
                .containsExactly("tcp:192.0.2.1:5090");
        // IP literals need no DNS.
        assertThat(locator.locate(new HostPort("::1", 0), ServerTransport.TCP)).extracting(Object::toString).containsExactly("tcp:[::1]:5060");
    }
}
