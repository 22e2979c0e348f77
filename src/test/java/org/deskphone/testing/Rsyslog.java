package org.deskphone.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * rsyslogd on 127.0.0.1: UDP and TCP on {@link #port()}, TLS on {@link #tlsPort()} with a certificate for
 * 127.0.0.1 that {@link #trust()} trusts; what it receives is in {@link #received()}, one
 * {@code <input> <message>} line each (see {@code tools/peers/rsyslog}).
 */
public final class Rsyslog extends PeerProcess {
    private final int port;
    private final int tlsPort;

    private Rsyslog(int port, int tlsPort) {
        super("rsyslog", folder("rsyslog"), List.of("--port", Integer.toString(port), "--tls-port", Integer.toString(tlsPort)));
        this.port = port;
        this.tlsPort = tlsPort;
    }

    static Rsyslog start() {
        RequiredTool.require("rsyslogd", "rsyslog");
        int port = FreePort.udpAndTcp();
        int tls;
        do {
            tls = FreePort.udpAndTcp();
        } while (tls == port);
        return new Rsyslog(port, tls);
    }

    public int port() {
        return port;
    }

    public int tlsPort() {
        return tlsPort;
    }

    public String received() {
        return log("received.log");
    }

    /** A TLS context that trusts this server's certificate and nothing else. */
    public SSLContext trust() {
        try (InputStream in = Files.newInputStream(dir().resolve("server.crt"))) {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            store.setCertificateEntry("rsyslog", CertificateFactory.getInstance("X.509").generateCertificate(in));
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("cannot trust rsyslog's certificate", e);
        }
    }

    public Path certificate() {
        return dir().resolve("server.crt");
    }
}
