package org.deskphone.sip;

import java.net.Socket;
import java.security.KeyStore;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;
import org.tinylog.Logger;

/**
 * The phone's TLS key, ready in the background: making the first device certificate loads Bouncy Castle,
 * which costs a second or more of a phone's start, and only an incoming TLS connection needs the key.
 * Until the key is ready, a handshake that needs it waits (at most 10 s).
 */
final class DeviceKeyManager extends X509ExtendedKeyManager {
    private final CompletableFuture<X509ExtendedKeyManager> ready;

    DeviceKeyManager(Supplier<KeyStore> store) {
        ready = CompletableFuture.supplyAsync(() -> {
            try {
                KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                factory.init(store.get(), DeviceCertificate.STORE_PASSWORD);
                for (KeyManager manager : factory.getKeyManagers()) {
                    if (manager instanceof X509ExtendedKeyManager x509) {
                        return x509;
                    }
                }
                throw new IllegalStateException("no X.509 key manager for the device certificate");
            } catch (Exception e) {
                Logger.warn("the phone's TLS certificate is not usable: {}; incoming TLS connections will fail", e.getMessage());
                throw new IllegalStateException(e);
            }
        }, runnable -> {
            Thread thread = new Thread(runnable, "device-certificate");
            thread.setDaemon(true);
            thread.start();
        });
    }

    private X509ExtendedKeyManager delegate() {
        try {
            return ready.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the phone's TLS certificate is not ready: " + e.getMessage(), e);
        }
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        return delegate().getClientAliases(keyType, issuers);
    }

    @Override
    public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
        return delegate().chooseClientAlias(keyType, issuers, socket);
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        return delegate().getServerAliases(keyType, issuers);
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        return delegate().chooseServerAlias(keyType, issuers, socket);
    }

    @Override
    public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
        return delegate().chooseEngineClientAlias(keyType, issuers, engine);
    }

    @Override
    public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
        return delegate().chooseEngineServerAlias(keyType, issuers, engine);
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        return delegate().getCertificateChain(alias);
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        return delegate().getPrivateKey(alias);
    }
}
