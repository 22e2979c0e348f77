package org.deskphone.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.deskphone.testing.Kamailio;
import org.deskphone.testing.Peers;
import org.deskphone.testing.Sipp;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Registration against Kamailio with digest auth on every transport and family, and the unregister at stop. */
@ExtendWith(Peers.class)
class RegistrationIT {

    static AccountSettings account(String user, String password, String server, ServerTransport transport) {
        return AccountSettings.builder(1).userName(user).password(password).transport(transport)
                .server(ServerSettings.of(server).withExpires(Duration.ofSeconds(120))).retryInterval(Duration.ofSeconds(2)).build();
    }

    @ParameterizedTest(name = "{0} over {1}")
    @CsvSource({"127.0.0.1, UDP", "127.0.0.1, TCP", "127.0.0.1, TLS", "::1, UDP", "::1, TCP", "::1, TLS"})
    void registersAndUnregistersOnStop(String address, ServerTransport transport, Kamailio kamailio) throws Exception {
        boolean v6 = address.contains(":");
        int port = transport == ServerTransport.TLS ? kamailio.tlsPort() : kamailio.port();
        String server = (v6 ? "[" + address + "]" : address) + ":" + port;
        try (TestPhone phone = TestPhone.start(TestPhone.settings(v6, account("alice", "alicepw", server, transport)).build())) {
            RegistrationStatus status = phone.awaitRegistered(1);
            assertThat(status.describe()).contains("registered with " + server).contains(transport.name().toLowerCase());
            List<String> contacts = kamailio.contacts("alice");
            assertThat(contacts).as("Kamailio's bindings for alice").anyMatch(c -> c.contains(v6 ? "[::1]" : "127.0.0.1")
                    && (transport == ServerTransport.UDP || c.contains("transport=" + transport.name().toLowerCase())));
        }
        assertThat(kamailio.contacts("alice")).as("bindings left after the phone stopped").isEmpty();
    }

    @Test
    void failsOverToTheSecondServerWhenTheFirstAnswers503(Kamailio kamailio) throws Exception {
        try (Sipp down = Sipp.serve("registrar-503", Scenarios.registrar503(), 10)) {
            AccountSettings alice = AccountSettings.builder(1).userName("alice").password("alicepw")
                    .server(ServerSettings.of("127.0.0.1:" + down.port()))
                    .server(ServerSettings.of("127.0.0.1:" + kamailio.port())).build();
            try (TestPhone phone = TestPhone.start(TestPhone.settings(false, alice).build())) {
                RegistrationStatus status = phone.awaitRegistered(1);
                assertThat(status.describe()).contains("127.0.0.1:" + kamailio.port());
                assertThat(phone.log).anyMatch(line -> line.contains("registering with 127.0.0.1:" + down.port()));
                assertThat(down.messages()).contains("503 Service Unavailable");
            }
        }
    }

    @Test
    void failsOverToTheSecondServerWhenTheFirstIsDown(Kamailio kamailio) throws Exception {
        int nobody = org.deskphone.testing.FreePort.udpAndTcp();
        AccountSettings alice = AccountSettings.builder(1).userName("alice").password("alicepw")
                .server(ServerSettings.of("127.0.0.1:" + nobody).withRetryCounts(1))
                .server(ServerSettings.of("127.0.0.1:" + kamailio.port())).build();
        try (TestPhone phone = TestPhone.start(TestPhone.settings(false, alice).build())) {
            RegistrationStatus status = phone.awaitRegistered(1);
            assertThat(status.describe()).contains("127.0.0.1:" + kamailio.port());
            assertThat(phone.log).anyMatch(line -> line.contains("registering with 127.0.0.1:" + nobody));
        }
    }

    @Test
    void aWrongPasswordFailsClearlyWithoutARetryStorm(Kamailio kamailio) throws Exception {
        long before = kamailio.requests("REGISTER");
        AccountSettings carol = AccountSettings.builder(1).userName("carol").password("not-carols")
                .server(ServerSettings.of("127.0.0.1:" + kamailio.port())).retryInterval(Duration.ofSeconds(2)).build();
        try (TestPhone phone = TestPhone.start(TestPhone.settings(false, carol).build())) {
            RegistrationStatus status = phone.awaitRegistration(1, s -> s instanceof RegistrationStatus.Failed, "failed");
            assertThat(status.describe()).contains("wrong user name or password").contains("retrying at");
            TestPhone.sleep(7000);
            assertThat(phone.registration(1)).isInstanceOf(RegistrationStatus.Failed.class);
        }
        // Each attempt is one REGISTER and one answer to the challenge; retries at ~2, ~4, ~8 s (±20 %).
        long sent = kamailio.requests("REGISTER") - before;
        assertThat(sent).as("REGISTERs in 7 s with a wrong password").isBetween(4L, 8L);
        assertThat(String.join("\n", kamailio.log().lines().filter(l -> l.contains("carol")).toList())).doesNotContain("not-carols");
    }

    @Test
    void verifiesTheServerCertificateWhenAskedTo(Kamailio kamailio) throws Exception {
        String server = "127.0.0.1:" + kamailio.tlsPort();
        SipSettings.Builder trusting = TestPhone.settings(false, account("bob", "bobpw", server, ServerTransport.TLS));
        trusting.tls(TlsSettings.DEFAULTS.verifying(true, List.of(kamailio.certificate())));
        try (TestPhone phone = TestPhone.start(trusting.build())) {
            phone.awaitRegistered(1);
        }
        SipSettings.Builder strict = TestPhone.settings(false, account("bob", "bobpw", server, ServerTransport.TLS));
        strict.tls(TlsSettings.DEFAULTS.verifying(true, List.of()));
        try (TestPhone phone = TestPhone.start(strict.build())) {
            RegistrationStatus status = phone.awaitRegistration(1, s -> s instanceof RegistrationStatus.Failed, "failed");
            assertThat(status.describe()).contains("127.0.0.1:" + kamailio.tlsPort());
        }
    }
}
