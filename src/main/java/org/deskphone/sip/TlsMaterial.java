package org.deskphone.sip;

import gov.nist.core.net.SecurityManagerProvider;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.KeyManager;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.tinylog.Logger;

/**
 * The keys and trust a stack's TLS uses, handed to jain-sip through its {@code SecurityManagerProvider}
 * hook. jain-sip builds the provider by class name, so each stack names its material by an id in its
 * properties, and the material is looked up here. Without it the stack would read the JVM-wide
 * {@code javax.net.ssl.*} properties.
 */
public final class TlsMaterial implements SecurityManagerProvider {
    static final String PROPERTY = "org.deskphone.sip.TLS_MATERIAL";
    private static final Map<String, Managers> REGISTERED = new ConcurrentHashMap<>();

    private Managers managers;

    public TlsMaterial() {
        // Built by jain-sip from gov.nist.javax.sip.SECURITY_MANAGER_PROVIDER.
    }

    private record Managers(KeyManager[] keys, TrustManager[] trust, String[] protocols, String[] suites, boolean verify) {
    }

    /** What {@link TlsNetworkLayer} builds its SSL context from. */
    record Prepared(KeyManager[] keys, TrustManager[] trust, String[] protocols, String[] suites, boolean verify) {
    }

    static Prepared prepared(String id) {
        Managers m = id == null ? null : REGISTERED.get(id);
        if (m == null) {
            throw new IllegalStateException("no TLS material registered for stack " + id);
        }
        return new Prepared(m.keys(), m.trust(), m.protocols(), m.suites(), m.verify());
    }

    /** Prepares the material for stack {@code id}: the device certificate, and trust per the settings. */
    static void register(String id, TlsSettings settings, java.util.function.Supplier<KeyStore> device, String[] suites)
            throws GeneralSecurityException, IOException {
        KeyManager[] keys = {new DeviceKeyManager(device)};
        TrustManager[] trust = settings.verifyServer() ? verifying(settings) : new TrustManager[] {new Unverified()};
        if (!settings.verifyServer()) {
            Logger.info("SIP over TLS does not verify server certificates (SIPTlsPeerVerify / security.trust_certificates is off)");
        }
        REGISTERED.put(id, new Managers(keys, trust, settings.protocols().toArray(new String[0]), suites,
                settings.verifyServer()));
    }

    static void forget(String id) {
        REGISTERED.remove(id);
    }

    @Override
    public void init(Properties properties) throws GeneralSecurityException, IOException {
        String id = properties.getProperty(PROPERTY);
        managers = id == null ? null : REGISTERED.get(id);
        if (managers == null) {
            throw new GeneralSecurityException("no TLS material registered for stack " + id);
        }
    }

    @Override
    public KeyManager[] getKeyManagers(boolean client) {
        return managers.keys();
    }

    @Override
    public TrustManager[] getTrustManagers(boolean client) {
        return managers.trust();
    }

    /** The JDK's trusted CAs plus the configured ones. */
    private static TrustManager[] verifying(TlsSettings settings) throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        TrustManagerFactory system = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        system.init((KeyStore) null);
        int n = 0;
        for (TrustManager manager : system.getTrustManagers()) {
            if (manager instanceof X509TrustManager x509) {
                for (X509Certificate ca : x509.getAcceptedIssuers()) {
                    store.setCertificateEntry("system-" + n++, ca);
                }
            }
        }
        CertificateFactory certificates = CertificateFactory.getInstance("X.509");
        for (Path file : settings.trustedCertificates()) {
            try (InputStream in = Files.newInputStream(file)) {
                for (java.security.cert.Certificate certificate : certificates.generateCertificates(in)) {
                    store.setCertificateEntry("configured-" + n++, certificate);
                }
            } catch (CertificateException e) {
                throw new GeneralSecurityException("trusted certificate " + file + " is not a PEM or DER certificate: " + e.getMessage(), e);
            }
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        return factory.getTrustManagers();
    }

    /** Accepts any server certificate: the manuals' default (SIPTlsPeerVerify false). Encrypts, does not authenticate. */
    private static final class Unverified implements X509TrustManager {
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
