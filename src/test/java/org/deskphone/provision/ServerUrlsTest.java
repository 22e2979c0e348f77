package org.deskphone.provision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.deskphone.provision.ServerCandidate.Origin;
import org.deskphone.provision.dhcp.Dhcp6Options;
import org.junit.jupiter.api.Test;

/** The manuals' URL forms, and passwords that never show. */
class ServerUrlsTest {

    @Test
    void e06ServerUrlForms() { // Yealink L1304-1308, L1795-1801, L1851-1853
        assertThat(ServerUrls.parse("tftp://192.168.1.100/")).hasScheme("tftp").hasHost("192.168.1.100");
        assertThat(ServerUrls.parse("http://10.2.11.101:8088/")).hasPort(8088);
        URI ftp = ServerUrls.parse("ftp://admin:123456@192.168.1.100/");
        assertThat(ServerUrls.credentials(ftp)).contains(new Credentials("admin", "123456"));
    }

    @Test
    void e07CredentialsInAFirmwareUrl() { // Yealink L1237-1245
        URI url = ServerUrls.parse("tftp://admin:password@192.168.1.100/2.71.0.140.rom");
        assertThat(ServerUrls.credentials(url)).contains(new Credentials("admin", "password"));
        assertThat(ServerUrls.fileName(url)).isEqualTo("2.71.0.140.rom");
        assertThat(ServerUrls.withoutCredentials(url)).hasToString("tftp://192.168.1.100/2.71.0.140.rom");
        assertThat(ServerUrls.redact(url)).isEqualTo("tftp://admin:***@192.168.1.100/2.71.0.140.rom");
        assertThat(new Credentials("admin", "password").toString()).doesNotContain("password");
    }

    @Test
    void e30CredentialsInTheUrlWinOverConfiguredOnes() { // ALE L2493-2495
        ServerCandidate candidate = new ServerCandidate(ServerUrls.parse("http://username:password@server/"), Origin.STATIC,
                new Credentials("configured", "other"));
        assertThat(candidate.credentials()).isEqualTo(new Credentials("username", "password"));
        assertThat(candidate.shown()).isEqualTo("http://server/");
    }

    @Test
    void bareAddressesTryHttpsThenTftp() { // ALE L2491-2492, L429-430; Yealink L65-71
        List<ServerCandidate> candidates = ServerDiscovery.fromText("192.168.1.100", Origin.STATIC, Credentials.NONE);
        assertThat(candidates).extracting(c -> c.url().toString()).containsExactly("https://192.168.1.100/", "tftp://192.168.1.100/");
        assertThat(ServerDiscovery.fromText("prov.example.com/phones", Origin.STATIC, Credentials.NONE))
                .extracting(c -> c.url().toString()).containsExactly("https://prov.example.com/phones", "tftp://prov.example.com/phones");
    }

    @Test
    void e15Dhcpv6Option17BeforeOption59() { // ALE L580-583
        Seed.ale().says(580, 583, "option 17");
        byte[] url = "http://a/x.xml".getBytes(StandardCharsets.US_ASCII);
        ByteBuffer vendor = ByteBuffer.allocate(8 + url.length).putInt(6486).putShort((short) 1)
                .putShort((short) url.length).put(url);
        Dhcp6Options options = Dhcp6Options.of(Map.of(
                17, vendor.array(), 59, "b".getBytes(StandardCharsets.US_ASCII)));
        assertThat(ServerDiscovery.fromDhcp6(options, List.of(), Credentials.NONE)).extracting(c -> c.url().toString())
                .containsExactly("http://a/x.xml", "https://b/", "tftp://b/");
    }

    @Test
    void filesResolveInsideTheFolder() {
        assertThat(ServerUrls.resolve(ServerUrls.parse("http://h/prov"), "config.xml")).hasToString("http://h/prov/config.xml");
        assertThat(ServerUrls.resolve(ServerUrls.parse("http://h/prov/"), "config.M7s Pro.xml")).hasToString("http://h/prov/config.M7s%20Pro.xml");
        assertThat(ServerUrls.resolve(ServerUrls.parse("http://u:p@h/"), "a.cfg")).hasToString("http://u:p@h/a.cfg");
        assertThat(ServerUrls.resolve(ServerUrls.parse("http://h/"), "tftp://other/x.cfg")).hasToString("tftp://other/x.cfg");
        assertThat(ServerUrls.namesFile(ServerUrls.parse("http://h/phones/17.XML"))).isTrue();
        assertThat(ServerUrls.namesFile(ServerUrls.parse("http://h/phones/"))).isFalse();
    }

    @Test
    void unusableUrlsAreRefusedWithoutShowingPasswords() {
        assertThatThrownBy(() -> ServerUrls.parse("smb://u:pw@h/")).hasMessageContaining("not 'smb'").hasMessageNotContaining("pw@");
        assertThatThrownBy(() -> ServerUrls.parse("http://u:pw@/x")).hasMessageNotContaining(":pw");
        assertThat(ServerDiscovery.fromText("http://bad host/", Origin.STATIC, Credentials.NONE)).isEmpty();
    }
}
