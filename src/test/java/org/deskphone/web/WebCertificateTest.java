package org.deskphone.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The certificate made on first start names the addresses the phone has, so a browser told to trust it
 * reaches the phone at its address without a warning; it keeps its key when it is signed anew.
 */
class WebCertificateTest {
    @TempDir
    Path folder;

    @Test
    void theGeneratedCertificateNamesThePhonesAddressesAndKeepsItsKey() throws Exception {
        WebCertificate certificate = WebCertificate.loadOrCreate(folder, "deskphone-pc");
        X509Certificate first = saved();
        assertThat(names(first)).containsExactlyInAnyOrder("localhost", "127.0.0.1", "0:0:0:0:0:0:0:1");

        InetAddress lan = InetAddress.getByName("192.0.2.7");
        InetAddress v6 = InetAddress.getByName("2001:db8::7");
        certificate.cover(List.of(lan, v6, InetAddress.getByName("127.0.0.1")));
        X509Certificate second = saved();
        assertThat(names(second)).contains("192.0.2.7", "2001:db8:0:0:0:0:0:7", "127.0.0.1");
        assertThat(second.getPublicKey()).as("the same key").isEqualTo(first.getPublicKey());
        assertThat(certificate.info().generated()).isTrue();
        String fingerprint = certificate.info().sha256();

        certificate.cover(List.of(lan));
        assertThat(certificate.info().sha256()).as("nothing to add: not signed again").isEqualTo(fingerprint);

        // A restart finds it as it was left.
        assertThat(WebCertificate.loadOrCreate(folder, "deskphone-pc").info().sha256()).isEqualTo(fingerprint);
    }

    @Test
    void madeWithTheAddressesThePhoneHasAtItsFirstStart() throws Exception {
        WebCertificate certificate = WebCertificate.loadOrCreate(folder, "deskphone-pi", List.of(InetAddress.getByName("198.51.100.20")));
        assertThat(names(saved())).contains("198.51.100.20", "127.0.0.1", "localhost");
        assertThat(saved().getSubjectX500Principal().getName()).contains("CN=deskphone-pi");
        assertThat(certificate.info().generated()).isTrue();
    }

    private X509Certificate saved() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(folder.resolve(WebCertificate.FILE))) {
            store.load(in, WebCertificate.STORE_PASSWORD);
        }
        return (X509Certificate) store.getCertificate(WebCertificate.ALIAS);
    }

    private static Set<String> names(X509Certificate certificate) throws Exception {
        return certificate.getSubjectAlternativeNames().stream().map(name -> String.valueOf(name.get(1))).collect(Collectors.toSet());
    }
}
