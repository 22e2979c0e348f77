package org.deskphone.provision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.FileInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.deskphone.testing.Ftpd;
import org.deskphone.testing.Lighttpd;
import org.deskphone.testing.Nginx;
import org.deskphone.testing.Peers;
import org.deskphone.testing.RequiredTool;
import org.deskphone.testing.Tftpd;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The transports against real servers on loopback: every way a download ends, with the status and message
 * an administrator sees. Two misbehaviours no real server does on demand (accepting and then never
 * answering, and stopping halfway through a file) are played by plain sockets in the test.
 */
@ExtendWith(Peers.class)
class TransportsIT {
    private static final byte[] CFG = "#!version:1.0.0.1\naccount.1.label = Mary\n".getBytes(StandardCharsets.UTF_8);
    private static final FetchLimits LIMITS = new FetchLimits(Duration.ofSeconds(5), Duration.ofSeconds(10), 4L << 20, 5);

    @TempDir
    Path tmp;

    // ---- HTTP, HTTPS, mTLS (nginx) ----

    @Test
    void httpWithBasicAuth(Nginx nginx) throws Exception {
        nginx.serve("it/basic.cfg", CFG);
        assertThat(http(nginx, false).fetch(URI.create(nginx.httpUrl("it/basic.cfg")), basic(), LIMITS)).isEqualTo(CFG);
    }

    @Test
    void credentialsInsideTheUrlAreUsed(Nginx nginx) throws Exception { // ALE L2493-2495, digest E-30
        nginx.serve("it/inurl.cfg", CFG);
        URI url = URI.create(nginx.httpUrl("it/inurl.cfg").replace("http://", "http://" + Nginx.USER + ":" + Nginx.PASSWORD + "@"));
        ServerCandidate candidate = new ServerCandidate(url, ServerCandidate.Origin.STATIC, Credentials.NONE);
        assertThat(http(nginx, false).fetch(url, candidate.credentials(), LIMITS)).isEqualTo(CFG);
    }

    @Test
    void status404(Nginx nginx) throws Exception {
        FetchFailure failure = fail(() -> http(nginx, false).fetch(URI.create(nginx.httpUrl("it/absent.cfg")), basic(), LIMITS));
        assertThat(failure.status()).isEqualTo(FetchStatus.NOT_FOUND);
        assertThat(failure.getMessage()).contains(nginx.httpUrl("it/absent.cfg")).contains("HTTP 404");
    }

    @Test
    void status401WithoutCredentials(Nginx nginx) throws Exception {
        nginx.serve("it/locked.cfg", CFG);
        FetchFailure failure = fail(() -> http(nginx, false).fetch(URI.create(nginx.httpUrl("it/locked.cfg")), Credentials.NONE, LIMITS));
        assertThat(failure.status()).isEqualTo(FetchStatus.UNAUTHORIZED);
        assertThat(failure.getMessage()).contains("none is configured");
    }

    @Test
    void wrongCredentials(Nginx nginx) throws Exception {
        nginx.serve("it/locked.cfg", CFG);
        FetchFailure failure = fail(() -> http(nginx, false).fetch(URI.create(nginx.httpUrl("it/locked.cfg")),
                new Credentials(Nginx.USER, "not-the-password"), LIMITS));
        assertThat(failure.status()).isEqualTo(FetchStatus.UNAUTHORIZED);
        assertThat(failure.getMessage()).contains("refused user 'phone'").doesNotContain("not-the-password");
    }

    @Test
    void status403(Nginx nginx) throws Exception {
        Path secret = nginx.serve("it/forbidden.cfg", CFG);
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
        FetchFailure failure = fail(() -> http(nginx, false).fetch(URI.create(nginx.httpUrl("it/forbidden.cfg")), basic(), LIMITS));
        assertThat(failure.status()).isEqualTo(FetchStatus.FORBIDDEN);
        assertThat(failure.getMessage()).contains("HTTP 403");
    }

    @Test
    void aHugeFileIsRefusedBeforeItIsRead(Nginx nginx) throws Exception {
        nginx.serve("it/huge.cfg", new byte[(int) FetchLimits.CONFIG_MAX_BYTES + 1]);
        FetchFailure failure = fail(() -> http(nginx, false).fetch(URI.create(nginx.httpUrl("it/huge.cfg")), basic(), LIMITS));
        assertThat(failure.status()).isEqualTo(FetchStatus.TOO_LARGE);
        assertThat(failure.getMessage()).contains("more than the limit of " + FetchLimits.CONFIG_MAX_BYTES);
    }

    @Test
    void redirectsAreFollowedLoopsAreNot(Nginx nginx) throws Exception {
        nginx.serve("it/target.cfg", CFG);
        HttpTransport http = http(nginx, false);
        assertThat(http.fetch(URI.create(nginx.httpUrl("moved/it/target.cfg")), basic(), LIMITS)).isEqualTo(CFG);
        FetchFailure loop = fail(() -> http.fetch(URI.create(nginx.httpUrl("loop/a/it/target.cfg")), basic(), LIMITS));
        assertThat(loop.status()).isEqualTo(FetchStatus.REDIRECT_LOOP);
        assertThat(loop.getMessage()).contains("redirect loop back to");
        FetchFailure chain = fail(() -> http.fetch(URI.create(nginx.httpUrl("chain/x/it/target.cfg")), basic(), LIMITS));
        assertThat(chain.status()).isEqualTo(FetchStatus.TOO_MANY_REDIRECTS);
    }

    @Test
    void httpsTrustingTheTestCa(Nginx nginx) throws Exception {
        nginx.serve("it/tls.cfg", CFG);
        assertThat(http(nginx, true).fetch(URI.create(nginx.httpsUrl("it/tls.cfg")), basic(), LIMITS)).isEqualTo(CFG);
        assertThat(http(nginx, true).fetch(URI.create("https://localhost:" + nginx.httpsPort() + "/it/tls.cfg"), basic(), LIMITS))
                .isEqualTo(CFG);
    }

    @Test
    void httpsWithAnUntrustedCertificateFailsWhileVerificationIsOn(Nginx nginx) throws Exception { // ALE L3538-3558
        nginx.serve("it/tls.cfg", CFG);
        HttpTransport jvmTrustOnly = new HttpTransport(TlsSettings.defaults(), Duration.ofSeconds(5), "test");
        FetchFailure failure = fail(() -> jvmTrustOnly.fetch(URI.create(nginx.httpsUrl("it/tls.cfg")), basic(), LIMITS));
        assertThat(failure.status()).isEqualTo(FetchStatus.TLS_UNTRUSTED);
        assertThat(failure.getMessage()).contains("not trusted");
        HttpTransport unchecked = new HttpTransport(TlsSettings.defaults().withVerify(false), Duration.ofSeconds(5), "test");
        assertThat(unchecked.fetch(URI.create(nginx.httpsUrl("it/tls.cfg")), basic(), LIMITS)).as("verification off").isEqualTo(CFG);
    }

    @Test
    void httpsWithACertificateForAnotherNameFails(Nginx nginx) throws Exception {
        RequiredTool.require("openssl", "openssl");
        Path pki = nginx.pki();
        // A certificate from the trusted test CA, but for elsewhere.test only: the chain is good, the name is not.
        run("openssl", "req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=elsewhere.test", "-keyout", tmp.resolve("other.key").toString(),
                "-out", tmp.resolve("other.csr").toString());
        Files.writeString(tmp.resolve("other.ext"), "subjectAltName=DNS:elsewhere.test\nextendedKeyUsage=serverAuth\n");
        run("openssl", "x509", "-req", "-in", tmp.resolve("other.csr").toString(), "-CA", pki.resolve("ca.crt").toString(),
                "-CAkey", pki.resolve("ca.key").toString(), "-CAcreateserial", "-CAserial", tmp.resolve("ca.srl").toString(),
                "-days", "2", "-extfile", tmp.resolve("other.ext").toString(), "-out", tmp.resolve("other.crt").toString());
        run("openssl", "pkcs12", "-export", "-in", tmp.resolve("other.crt").toString(), "-inkey", tmp.resolve("other.key").toString(),
                "-passout", "pass:changeit", "-out", tmp.resolve("other.p12").toString());
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = new FileInputStream(tmp.resolve("other.p12").toFile())) {
            keys.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory managers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        managers.init(keys, "changeit".toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(managers.getKeyManagers(), null, null);
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(context));
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(200, CFG.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(CFG);
            }
        });
        server.start();
        try {
            URI url = URI.create("https://127.0.0.1:" + server.getAddress().getPort() + "/y000000000000.cfg");
            FetchFailure failure = fail(() -> http(nginx, true).fetch(url, Credentials.NONE, LIMITS));
            assertThat(failure.status()).isEqualTo(FetchStatus.TLS_NAME_MISMATCH);
            assertThat(failure.getMessage()).contains("not for 127.0.0.1");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void mutualTls(Nginx nginx) throws Exception {
        nginx.serve("it/mtls.cfg", CFG);
        TlsSettings trusting = TlsSettings.defaults().trusting(List.of(nginx.pki().resolve("ca.crt")));
        HttpTransport withCertificate = new HttpTransport(trusting.withClientIdentity(nginx.pki().resolve("client.p12"),
                Nginx.STORE_PASSWORD), Duration.ofSeconds(5), "test");
        assertThat(withCertificate.fetch(URI.create(nginx.mtlsUrl("it/mtls.cfg")), Credentials.NONE, LIMITS)).isEqualTo(CFG);
        FetchFailure without = fail(() -> http(nginx, true).fetch(URI.create(nginx.mtlsUrl("it/mtls.cfg")), Credentials.NONE, LIMITS));
        assertThat(without.status()).isEqualTo(FetchStatus.PROTOCOL_ERROR);
        assertThat(without.getMessage()).contains("HTTP 400").contains("client certificate");
    }

    // ---- Digest (lighttpd) ----

    @Test
    void digestMd5AndSha256(Lighttpd lighttpd) throws Exception {
        lighttpd.serve("it/digest.cfg", CFG);
        lighttpd.serve("sha256/it/digest.cfg", CFG);
        HttpTransport http = new HttpTransport(TlsSettings.defaults(), Duration.ofSeconds(5), "test");
        assertThat(http.fetch(URI.create(lighttpd.url("it/digest.cfg")), new Credentials(Lighttpd.USER, Lighttpd.PASSWORD), LIMITS))
                .isEqualTo(CFG);
        assertThat(http.fetch(URI.create(lighttpd.url("sha256/it/digest.cfg")), new Credentials(Lighttpd.USER + "256", Lighttpd.PASSWORD),
                LIMITS)).isEqualTo(CFG);
        FetchFailure wrong = fail(() -> http.fetch(URI.create(lighttpd.url("it/digest.cfg")), new Credentials(Lighttpd.USER, "wrong"), LIMITS));
        assertThat(wrong.status()).isEqualTo(FetchStatus.UNAUTHORIZED);
        assertThat(lighttpd.accessLog("GET /sha256/it/digest.cfg")).contains("GET /sha256/it/digest.cfg").contains(" 200 ");
    }

    // ---- TFTP (tftpd-hpa) ----

    @Test
    void tftpFetchesAndReportsErrorPackets(Tftpd tftpd) throws Exception {
        tftpd.serve("it/y000000000000.cfg", CFG);
        TftpTransport tftp = new TftpTransport();
        URI base = URI.create("tftp://127.0.0.1:" + tftpd.port() + "/it/");
        assertThat(tftp.fetch(base.resolve("y000000000000.cfg"), Credentials.NONE, LIMITS)).isEqualTo(CFG);
        FetchFailure missing = fail(() -> tftp.fetch(base.resolve("absent.cfg"), Credentials.NONE, LIMITS));
        assertThat(missing.status()).isEqualTo(FetchStatus.NOT_FOUND);
        assertThat(missing.getMessage()).contains("TFTP error 1");
        Path locked = tftpd.serve("it/locked.cfg", CFG);
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rw-------"));
        FetchFailure forbidden = fail(() -> tftp.fetch(base.resolve("locked.cfg"), Credentials.NONE, LIMITS));
        assertThat(forbidden.status()).isEqualTo(FetchStatus.FORBIDDEN);
        assertThat(forbidden.getMessage()).contains("TFTP error");
    }

    @Test
    void tftpOverIpv6AndBigFilesStopAtTheLimit(Tftpd tftpd) throws Exception {
        byte[] big = new byte[300_000];
        new java.util.Random(7).nextBytes(big);
        tftpd.serve("it/big.bin", big);
        TftpTransport tftp = new TftpTransport();
        assertThat(tftp.fetch(URI.create("tftp://[::1]:" + tftpd.port6() + "/it/big.bin"), Credentials.NONE, LIMITS)).isEqualTo(big);
        FetchFailure tooBig = fail(() -> tftp.fetch(URI.create("tftp://127.0.0.1:" + tftpd.port() + "/it/big.bin"), Credentials.NONE,
                LIMITS.withMaxBytes(100_000)));
        assertThat(tooBig.status()).isEqualTo(FetchStatus.TOO_LARGE);
    }

    @Test
    void tftpToNobodyTimesOut() throws Exception {
        int port;
        try (java.net.DatagramSocket silent = new java.net.DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            port = silent.getLocalPort();
            FetchFailure failure = fail(() -> new TftpTransport().fetch(URI.create("tftp://127.0.0.1:" + port + "/x.cfg"), Credentials.NONE,
                    LIMITS.withAttempt(Duration.ofSeconds(20))));
            assertThat(failure.status()).isEqualTo(FetchStatus.TIMEOUT);
        }
    }

    // ---- FTP (pyftpdlib) ----

    @Test
    void ftpWithTheManualsLoginAndItsFailures(Ftpd ftpd) throws Exception { // Yealink L1795-1801, digest E6
        ftpd.serve("it/y000000000000.cfg", CFG);
        FtpTransport ftp = new FtpTransport();
        URI withLogin = URI.create("ftp://admin:123456@127.0.0.1:" + ftpd.port() + "/it/y000000000000.cfg");
        assertThat(ftp.fetch(withLogin, ServerUrls.credentials(withLogin).orElseThrow(), LIMITS)).isEqualTo(CFG);
        FetchFailure missing = fail(() -> ftp.fetch(URI.create(ftpd.url("it/absent.cfg")), new Credentials(Ftpd.USER, Ftpd.PASSWORD), LIMITS));
        assertThat(missing.status()).isEqualTo(FetchStatus.NOT_FOUND);
        FetchFailure refused = fail(() -> ftp.fetch(URI.create(ftpd.url("it/y000000000000.cfg")), new Credentials(Ftpd.USER, "nope"), LIMITS));
        assertThat(refused.status()).isEqualTo(FetchStatus.UNAUTHORIZED);
        assertThat(refused.getMessage()).contains("login as 'admin' refused").doesNotContain("nope");
    }

    // ---- servers that misbehave ----

    @Test
    void aServerThatAcceptsAndNeverAnswersTimesOut() throws Exception { // ALE L2252-2262, digest E-29
        try (ServerSocket mute = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try (Socket ignored = mute.accept()) {
                    Thread.sleep(10_000);
                } catch (Exception e) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            long started = System.nanoTime();
            FetchFailure failure = fail(() -> new HttpTransport(TlsSettings.defaults(), Duration.ofSeconds(2), "test")
                    .fetch(URI.create("http://127.0.0.1:" + mute.getLocalPort() + "/y000000000000.cfg"), Credentials.NONE,
                            LIMITS.withAttempt(Duration.ofSeconds(2))));
            assertThat(failure.status()).isEqualTo(FetchStatus.TIMEOUT);
            assertThat(failure.getMessage()).contains("within 2 s");
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isLessThan(8000);
        }
    }

    @Test
    void aFileThatStopsHalfwayIsTruncated() throws Exception {
        try (ServerSocket half = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Thread server = new Thread(() -> {
                try (Socket client = half.accept()) {
                    client.getInputStream().read(new byte[4096]);
                    OutputStream out = client.getOutputStream();
                    out.write("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\nContent-Type: text/plain\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.write(new byte[500]);
                    out.flush();
                } catch (Exception e) {
                    // the test is over
                }
            });
            server.setDaemon(true);
            server.start();
            FetchFailure failure = fail(() -> new HttpTransport(TlsSettings.defaults(), Duration.ofSeconds(2), "test")
                    .fetch(URI.create("http://127.0.0.1:" + half.getLocalPort() + "/y000000000000.cfg"), Credentials.NONE, LIMITS));
            assertThat(failure.status()).isEqualTo(FetchStatus.TRUNCATED);
            assertThat(failure.getMessage()).contains("stopped after").contains("of 1000");
        }
    }

    @Test
    void nobodyListeningIsAConnectFailure() throws Exception {
        int port;
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = closed.getLocalPort();
        }
        FetchFailure failure = fail(() -> new HttpTransport(TlsSettings.defaults(), Duration.ofSeconds(2), "test")
                .fetch(URI.create("http://127.0.0.1:" + port + "/x.cfg"), Credentials.NONE, LIMITS));
        assertThat(failure.status()).isEqualTo(FetchStatus.CONNECT_FAILED);
    }

    @Test
    void anUnknownSchemeIsUnsupported() {
        assertThatThrownBy(() -> ServerUrls.parse("gopher://127.0.0.1/")).hasMessageContaining("not 'gopher'");
    }

    private static HttpTransport http(Nginx nginx, boolean trustTestCa) throws Exception {
        TlsSettings tls = trustTestCa ? TlsSettings.defaults().trusting(List.of(nginx.pki().resolve("ca.crt"))) : TlsSettings.defaults();
        return new HttpTransport(tls, Duration.ofSeconds(5), "deskphone-test");
    }

    private static Credentials basic() {
        return new Credentials(Nginx.USER, Nginx.PASSWORD);
    }

    private interface Fetch {
        byte[] run() throws Exception;
    }

    private static FetchFailure fail(Fetch fetch) {
        FetchFailure failure = catchThrowableOfType(FetchFailure.class, fetch::run);
        assertThat(failure).as("the fetch should fail").isNotNull();
        return failure;
    }

    private void run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).directory(tmp.toFile()).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + "\n" + output).isZero();
    }
}
