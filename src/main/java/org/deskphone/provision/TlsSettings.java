package org.deskphone.provision;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * How the phone checks a provisioning server over HTTPS and proves itself to one.
 *
 * <p>Verification on ({@code DeviceSecurityHttpsPeerVerifyEnable = 1}, the ALE default, L3538-3558;
 * Yealink {@code security.trust_certificates = 1}, L5279) checks the chain against the JVM's CAs plus the
 * phone's own trusted certificates, and the server's name against its certificate. Off, any certificate
 * is accepted, as both manuals allow.
 *
 * @param verify          check the server's certificate and name
 * @param trusted         CA certificates trusted beyond the JVM's (uploaded by {@code trusted_certificates.url})
 * @param clientIdentity  a PKCS#12 key store with the phone's certificate and key, for servers that ask for one
 * @param clientPassword  the key store's password
 */
public record TlsSettings(boolean verify, List<X509Certificate> trusted, Optional<Path> clientIdentity, String clientPassword) {

    public TlsSettings {
        trusted = List.copyOf(trusted);
        Objects.requireNonNull(clientIdentity, "clientIdentity");
        clientPassword = clientPassword == null ? "" : clientPassword;
    }

    public static TlsSettings defaults() {
        return new TlsSettings(true, List.of(), Optional.empty(), "");
    }

    public TlsSettings withVerify(boolean on) {
        return new TlsSettings(on, trusted, clientIdentity, clientPassword);
    }

    public TlsSettings withClientIdentity(Path pkcs12, String password) {
        return new TlsSettings(verify, trusted, Optional.of(pkcs12), password);
    }

    /** Adds the certificates in {@code files} (PEM or DER, one or several each) to the trusted ones. */
    public TlsSettings trusting(List<Path> files) throws IOException {
        List<X509Certificate> all = new ArrayList<>(trusted);
        for (Path file : files) {
            all.addAll(readCertificates(file));
        }
        return new TlsSettings(verify, all, clientIdentity, clientPassword);
    }

    /** The certificates in a PEM or DER file. */
    public static List<X509Certificate> readCertificates(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            List<X509Certificate> certificates = new ArrayList<>();
            for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                certificates.add((X509Certificate) certificate);
            }
            if (certificates.isEmpty()) {
                throw new IOException(file + " holds no certificate");
            }
            return certificates;
        } catch (java.security.cert.CertificateException e) {
            throw new IOException(file + " is not a certificate file: " + e.getMessage(), e);
        }
    }

    /** The TLS context these settings describe. */
    SSLContext context() throws IOException {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers(), new TrustManager[] {verify ? trustManager() : new TrustingEveryone()}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot set TLS up: " + e.getMessage(), e);
        }
    }

    private javax.net.ssl.KeyManager[] keyManagers() throws IOException, GeneralSecurityException {
        if (clientIdentity.isEmpty()) {
            return null;
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(clientIdentity.get())) {
            store.load(in, clientPassword.toCharArray());
        } catch (IOException e) {
            throw new IOException("cannot read the client certificate " + clientIdentity.get() + ": " + e.getMessage(), e);
        }
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(store, clientPassword.toCharArray());
        return factory.getKeyManagers();
    }

    private TrustManager trustManager() throws GeneralSecurityException, IOException {
        TrustManagerFactory jvm = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        jvm.init((KeyStore) null);
        if (trusted.isEmpty()) {
            return jvm.getTrustManagers()[0];
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        int n = 0;
        for (TrustManager manager : jvm.getTrustManagers()) {
            if (manager instanceof X509TrustManager x509) {
                for (X509Certificate ca : x509.getAcceptedIssuers()) {
                    store.setCertificateEntry("jvm-" + n++, ca);
                }
            }
        }
        for (X509Certificate ca : trusted) {
            store.setCertificateEntry("phone-" + n++, ca);
        }
        TrustManagerFactory combined = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        combined.init(store);
        return combined.getTrustManagers()[0];
    }

    /** Verification off: every chain and every name is accepted (an extended manager, so no name check). */
    private static final class TrustingEveryone extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
