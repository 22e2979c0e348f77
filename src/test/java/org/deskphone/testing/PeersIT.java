package org.deskphone.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.io.FileInputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The peers themselves work as the interop tests expect: if one of these fails, look here first. */
@ExtendWith(Peers.class)
class PeersIT {

    @Test
    void kamailioAnswersOptions(Kamailio kamailio) throws Exception {
        String options = "OPTIONS sip:127.0.0.1:" + kamailio.port() + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:%d;branch=z9hG4bK-peers-1;rport\r\n"
                + "From: <sip:probe@127.0.0.1>;tag=1\r\nTo: <sip:127.0.0.1>\r\nCall-ID: peers-it-1\r\n"
                + "CSeq: 1 OPTIONS\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\n";
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            socket.setSoTimeout(5000);
            byte[] request = String.format(options, socket.getLocalPort()).getBytes(StandardCharsets.US_ASCII);
            socket.send(new DatagramPacket(request, request.length, InetAddress.getLoopbackAddress(), kamailio.port()));
            DatagramPacket answer = new DatagramPacket(new byte[4096], 4096);
            socket.receive(answer);
            assertThat(new String(answer.getData(), 0, answer.getLength(), StandardCharsets.US_ASCII))
                    .startsWith("SIP/2.0 200 Keepalive");
        }
    }

    @Test
    void baresipRegistersAndCallsAnotherThroughKamailio(
            Kamailio kamailio,
            @BaresipPeer(user = "bob") Baresip bob,
            @BaresipPeer(user = "carol", autoAnswer = false) Baresip carol) throws Exception {
        awaitRegistered(bob);
        awaitRegistered(carol);
        bob.control().forgetEvents();
        carol.control().forgetEvents();
        JsonObject dialled = carol.control().command("dial", kamailio.uri("bob"));
        assertThat(dialled.get("ok").getAsBoolean()).as(dialled.toString()).isTrue();
        carol.control().awaitEvent("CALL_ESTABLISHED", Duration.ofSeconds(10));
        bob.control().awaitEvent("CALL_ESTABLISHED", Duration.ofSeconds(10));
        carol.control().command("hangup", null);
        bob.control().awaitEvent("CALL_CLOSED", Duration.ofSeconds(10));
        assertThat(kamailio.log()).contains("REQ INVITE sip:bob@127.0.0.1");
    }

    @Test
    void nginxWantsAPasswordOrAClientCertificate(Nginx nginx) throws Exception {
        nginx.serve("y000000000000.cfg", "#!version:1.0.0.1\n".getBytes(StandardCharsets.UTF_8));
        HttpClient plain = HttpClient.newHttpClient();
        assertThat(plain.send(get(nginx.httpUrl("y000000000000.cfg"), false), HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(401);
        assertThat(plain.send(get(nginx.httpUrl("y000000000000.cfg"), true), HttpResponse.BodyHandlers.ofString()).body())
                .startsWith("#!version");

        HttpClient tls = HttpClient.newBuilder().sslContext(ssl(nginx, false)).build();
        assertThat(tls.send(get(nginx.httpsUrl("y000000000000.cfg"), true), HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(200);
        assertThat(tls.send(get(nginx.mtlsUrl("y000000000000.cfg"), false), HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(400);
        HttpClient mutual = HttpClient.newBuilder().sslContext(ssl(nginx, true)).build();
        assertThat(mutual.send(get(nginx.mtlsUrl("y000000000000.cfg"), false), HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(200);
    }

    @Test
    void tftpdServesFiles(Tftpd tftpd, @TempDir Path here) throws Exception {
        RequiredTool.require("tftp", "tftp-hpa");
        tftpd.serve("001565aabbcc.cfg", "account.1.enable = 1\n".getBytes(StandardCharsets.UTF_8));
        Process get = new ProcessBuilder("tftp", "-m", "binary", "127.0.0.1", Integer.toString(tftpd.port()),
                "-c", "get", "001565aabbcc.cfg", "got.cfg").directory(here.toFile()).redirectErrorStream(true).start();
        assertThat(get.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(Files.readString(here.resolve("got.cfg"))).isEqualTo("account.1.enable = 1\n");
    }

    private static void awaitRegistered(Baresip phone) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!phone.log().contains("200 OK") && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(phone.log()).as("%s registered", phone.user()).contains(phone.user() + "@127.0.0.1: {0/UDP/v4} 200 OK");
    }

    private static HttpRequest get(String url, boolean withPassword) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
        if (withPassword) {
            String credentials = Nginx.USER + ":" + Nginx.PASSWORD;
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return request.build();
    }

    private static SSLContext ssl(Nginx nginx, boolean withClientCertificate) throws Exception {
        char[] password = Nginx.STORE_PASSWORD.toCharArray();
        KeyStore trust = KeyStore.getInstance("PKCS12");
        try (FileInputStream in = new FileInputStream(nginx.pki().resolve("trust.p12").toFile())) {
            trust.load(in, password);
        }
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trust);
        KeyManagerFactory keyManagers = null;
        if (withClientCertificate) {
            KeyStore client = KeyStore.getInstance("PKCS12");
            try (FileInputStream in = new FileInputStream(nginx.pki().resolve("client.p12").toFile())) {
                client.load(in, password);
            }
            keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(client, password);
        }
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keyManagers == null ? null : keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), null);
        return context;
    }
}
