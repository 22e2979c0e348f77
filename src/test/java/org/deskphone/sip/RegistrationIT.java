package org.deskphone.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.deskphone.testing.Kamailio;
import org.deskphone.testing.Peers;
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
