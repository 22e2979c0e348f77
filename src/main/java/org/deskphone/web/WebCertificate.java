package org.deskphone.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Date;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509KeyManager;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.tinylog.Logger;

/**
 * The certificate the web UI serves HTTPS with: one made on first start (RSA-2048, self-signed, as the ALE
 * phones' default device certificate, L3241-3242) or one an administrator uploaded (a PKCS#12
 * {@code .p12}/{@code .pfx} with its key, RSA up to 4096 bits, at most 5 MB, replacing the previous one,
 * L3252-3262). Kept in {@code <data>/web/certificate.p12}, readable by the phone's user only. A new one
 * takes effect for the next connection: the server's key manager always asks for the current one.
 *
 * <p>The generated certificate names loopback and the addresses the phone has ({@link #cover}): an
 * administrator who tells a browser to trust it then reaches the phone at its address without a warning. When
 * the phone gets an address the certificate lacks, it is signed anew with the same key.
 */
final class WebCertificate {
    static final String FILE = "certificate.p12";
    static final long MAX_UPLOAD = 5L * 1024 * 1024;
    private static final int MAX_RSA_BITS = 4096;
    static final char[] STORE_PASSWORD = "deskphone-web".toCharArray();
    static final String ALIAS = "web";
    private static final String GENERATED = "generated";

    /** What the security page shows of it. */
    record Info(String subject, String issuer, String notBefore, String notAfter, String sha256, String key, boolean generated) {
    }

    private final Path file;
    private final String commonName;
    private volatile X509KeyManager keys;
    private volatile Info info;
    private KeyStore store;

    private WebCertificate(Path file, String commonName) {
        this.file = file;
        this.commonName = commonName;
    }

    /** The certificate in {@code folder}, made now when there is none (or it is unreadable). */
    static WebCertificate loadOrCreate(Path folder, String commonName) throws IOException {
        return loadOrCreate(folder, commonName, List.of());
    }

    /**
     * The certificate in {@code folder}, made now when there is none (or it is unreadable), naming
     * {@code addresses}: a browser that trusts it then sees the same certificate until the addresses change.
     */
    static WebCertificate loadOrCreate(Path folder, String commonName, Collection<InetAddress> addresses) throws IOException {
        WebCertificate certificate = new WebCertificate(folder.resolve(FILE), commonName);
        KeyStore store = null;
        if (Files.isRegularFile(certificate.file)) {
            try (InputStream in = Files.newInputStream(certificate.file)) {
                store = KeyStore.getInstance("PKCS12");
                store.load(in, STORE_PASSWORD);
            } catch (IOException | GeneralSecurityException e) {
                Logger.warn("web certificate {} is unreadable ({}); making a new one", certificate.file, e.getMessage());
                store = null;
            }
        }
        try {
            if (store == null || store.getKey(ALIAS, STORE_PASSWORD) == null) {
                long started = System.nanoTime();
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                store = sign(commonName, generator.generateKeyPair(), named(addresses));
                certificate.save(store);
                Logger.info("web certificate made for {} in {} ms", commonName, (System.nanoTime() - started) / 1_000_000);
            }
            certificate.use(store);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot set up the web certificate: " + e.getMessage(), e);
        }
        certificate.cover(addresses);
        return certificate;
    }

    /** An SSL context whose key is always this certificate's current one. */
    SSLContext sslContext() throws IOException {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(new X509KeyManager[] {new Current()}, null, new SecureRandom());
            return context;
        } catch (GeneralSecurityException e) {
            throw new IOException("TLS is not available: " + e.getMessage(), e);
        }
    }

    Info info() {
        return info;
    }

    /**
     * Makes the generated certificate name {@code addresses} too (loopback it always names); one an
     * administrator uploaded is left as it is. Signs anew, with the same key, only when an address is missing.
     */
    synchronized void cover(Collection<InetAddress> addresses) {
        if (!info.generated()) {
            return;
        }
        try {
            X509Certificate certificate = (X509Certificate) store.getCertificate(ALIAS);
            Set<String> named = new HashSet<>();
            Collection<List<?>> alternatives = certificate.getSubjectAlternativeNames();
            if (alternatives != null) {
                alternatives.forEach(name -> named.add(normal(String.valueOf(name.get(1)))));
            }
            List<String> wanted = named(addresses);
            if (named.containsAll(wanted)) {
                return;
            }
            PrivateKey key = (PrivateKey) store.getKey(ALIAS, STORE_PASSWORD);
            KeyStore renewed = sign(commonName, new KeyPair(certificate.getPublicKey(), key), wanted);
            save(renewed);
            use(renewed);
            Logger.info("web certificate now names {}", wanted);
        } catch (IOException | GeneralSecurityException e) {
            Logger.warn("the web certificate could not be made to name {}: {}", addresses, e.getMessage());
        }
    }

    /** The addresses a certificate names beside loopback, which it always names. */
    private static List<String> named(Collection<InetAddress> addresses) {
        return addresses.stream().filter(a -> !a.isLoopbackAddress() && !a.isAnyLocalAddress())
                .map(a -> normal(a.getHostAddress())).distinct().sorted().toList();
    }

    /** An address as a certificate names it: IPv6 without its zone, in the JDK's one spelling. */
    private static String normal(String address) {
        String plain = address.replaceFirst("%.*$", "");
        try {
            return plain.matches("[0-9a-fA-F:.]+") ? InetAddress.getByName(plain).getHostAddress() : plain;
        } catch (java.net.UnknownHostException e) {
            return plain;
        }
    }

    /**
     * Installs an uploaded PKCS#12 file in place of the current certificate.
     *
     * @throws WebError 422 naming what is wrong with it; the current certificate stays
     */
    synchronized void replace(byte[] p12, String password) {
        if (p12.length > MAX_UPLOAD) {
            throw new WebError(413, "the certificate file is larger than 5 MB (ALE L3252-3262)");
        }
        KeyStore uploaded;
        String alias;
        try {
            uploaded = KeyStore.getInstance("PKCS12");
            uploaded.load(new ByteArrayInputStream(p12), password.toCharArray());
            alias = Collections.list(uploaded.aliases()).stream().filter(a -> isKeyEntry(uploaded, a)).findFirst()
                    .orElseThrow(() -> new WebError(422, "the file holds no private key with its certificate"));
        } catch (IOException | GeneralSecurityException e) {
            throw new WebError(422, "not a PKCS#12 (.p12, .pfx) file, or the password is wrong: " + e.getMessage());
        }
        try {
            Key key = uploaded.getKey(alias, password.toCharArray());
            Certificate[] chain = uploaded.getCertificateChain(alias);
            if (!(key instanceof PrivateKey) || chain == null || chain.length == 0 || !(chain[0] instanceof X509Certificate)) {
                throw new WebError(422, "the file holds no private key with an X.509 certificate");
            }
            if (key instanceof RSAKey rsa && rsa.getModulus().bitLength() > MAX_RSA_BITS) {
                throw new WebError(422, "the key has " + rsa.getModulus().bitLength() + " bits; at most " + MAX_RSA_BITS
                        + " (ALE L3241-3242)");
            }
            ((X509Certificate) chain[0]).checkValidity();
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(ALIAS, key, STORE_PASSWORD, chain);
            save(store);
            use(store);
            Logger.info("web certificate replaced by an uploaded one: {}", info.subject());
        } catch (IOException | GeneralSecurityException e) {
            throw new WebError(422, "the certificate cannot be used: " + e.getMessage());
        }
    }

    private static boolean isKeyEntry(KeyStore store, String alias) {
        try {
            return store.isKeyEntry(alias);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private void use(KeyStore store) throws GeneralSecurityException {
        this.store = store;
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(store, STORE_PASSWORD);
        keys = (X509KeyManager) factory.getKeyManagers()[0];
        X509Certificate certificate = (X509Certificate) store.getCertificate(ALIAS);
        PrivateKey key = (PrivateKey) store.getKey(ALIAS, STORE_PASSWORD);
        String keyText = key.getAlgorithm() + (key instanceof RSAKey rsa ? " " + rsa.getModulus().bitLength() + " bits" : "");
        boolean generated = GENERATED.equals(friendly(certificate));
        info = new Info(certificate.getSubjectX500Principal().getName(), certificate.getIssuerX500Principal().getName(),
                certificate.getNotBefore().toInstant().toString(), certificate.getNotAfter().toInstant().toString(),
                HexFormat.ofDelimiter(":").withUpperCase().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded())),
                keyText, generated);
    }

    /** The generated certificate says so in its organisational unit, so the page can tell it from an uploaded one. */
    private static String friendly(X509Certificate certificate) {
        String subject = certificate.getSubjectX500Principal().getName();
        return subject.contains("OU=" + GENERATED) ? GENERATED : "";
    }

    private void save(KeyStore store) throws IOException, GeneralSecurityException {
        Files.createDirectories(file.getParent());
        Path partial = file.resolveSibling(FILE + ".part");
        try (OutputStream out = Files.newOutputStream(partial)) {
            store.store(out, STORE_PASSWORD);
        }
        try {
            Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            Logger.debug("no POSIX permissions for {}", partial);
        }
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** A self-signed certificate for {@code pair}, naming loopback and {@code addresses}, in a store of its own. */
    private static KeyStore sign(String commonName, KeyPair pair, List<String> addresses) throws GeneralSecurityException, IOException {
        Instant now = Instant.now();
        X500Name name = new X500Name("CN=" + commonName.replaceAll("[,+=\"\\\\<>;]", "_") + ",OU=" + GENERATED + ",O=deskphone");
        List<GeneralName> names = new ArrayList<>();
        names.add(new GeneralName(GeneralName.dNSName, "localhost"));
        names.add(new GeneralName(GeneralName.iPAddress, "127.0.0.1"));
        names.add(new GeneralName(GeneralName.iPAddress, "::1"));
        addresses.forEach(address -> names.add(new GeneralName(GeneralName.iPAddress, address)));
        try {
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, new BigInteger(64, new SecureRandom()),
                    Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(3650))), name, pair.getPublic());
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names.toArray(new GeneralName[0])));
            X509Certificate certificate = new JcaX509CertificateConverter()
                    .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(ALIAS, pair.getPrivate(), STORE_PASSWORD, new Certificate[] {certificate});
            return store;
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException("cannot sign the certificate: " + e.getMessage(), e);
        }
    }

    /** Hands the TLS engine whatever key is current now. */
    private final class Current extends X509ExtendedKeyManager {
        @Override
        public String[] getClientAliases(String keyType, Principal[] issuers) {
            return null;
        }

        @Override
        public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
            return null;
        }

        @Override
        public String[] getServerAliases(String keyType, Principal[] issuers) {
            return keys.getServerAliases(keyType, issuers);
        }

        @Override
        public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
            return keys.chooseServerAlias(keyType, issuers, socket);
        }

        @Override
        public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
            return keys.getServerAliases(keyType, issuers) == null ? null : ALIAS;
        }

        @Override
        public X509Certificate[] getCertificateChain(String alias) {
            return keys.getCertificateChain(alias);
        }

        @Override
        public PrivateKey getPrivateKey(String alias) {
            return keys.getPrivateKey(alias);
        }
    }
}
