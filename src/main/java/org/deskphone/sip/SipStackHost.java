package org.deskphone.sip;

import gov.nist.javax.sip.EventScanner;
import gov.nist.javax.sip.EventWrapper;
import gov.nist.javax.sip.SipStackExt;
import gov.nist.javax.sip.SipStackImpl;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.EventObject;
import java.util.LinkedHashMap;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sip.ListeningPoint;
import javax.sip.SipFactory;
import javax.sip.SipListener;
import javax.sip.SipProvider;
import javax.sip.SipStack;
import javax.sip.address.AddressFactory;
import javax.sip.header.HeaderFactory;
import javax.sip.message.MessageFactory;
import org.tinylog.Logger;

/**
 * One jain-sip stack with its listening points: UDP, TCP and TLS on each configured address (IPv4 and
 * IPv6), one provider per address. Owns the stack's lifecycle, including the two traps of this stack:
 * without our own logger it reaches for log4j and fails, and after {@code stop()} its event thread stays
 * blocked for ever unless woken.
 */
final class SipStackHost {
    private static final AtomicInteger STACKS = new AtomicInteger();

    private final String name;
    private final SipStack stack;
    private final AddressFactory addresses;
    private final HeaderFactory headers;
    private final MessageFactory messages;
    private final Map<InetAddress, SipProvider> providers = new LinkedHashMap<>();
    private final List<LocalEndpoint> endpoints = new ArrayList<>();
    private final SipListener listener;

    private SipStackHost(String name, SipStack stack, SipListener listener) throws Exception {
        this.name = name;
        this.stack = stack;
        this.listener = listener;
        SipFactory factory = SipFactory.getInstance();
        this.addresses = factory.createAddressFactory();
        this.headers = factory.createHeaderFactory();
        this.messages = factory.createMessageFactory();
    }

    /**
     * Starts a stack listening per {@code settings}. The device certificate for TLS is kept in the file its
     * TLS settings name (made on first use), or in memory only.
     */
    static SipStackHost start(SipSettings settings, SipListener listener) throws SipStartException {
        Path certificateFile = settings.tls().deviceCertificate().orElse(null);
        String name = "deskphone-sip-" + STACKS.incrementAndGet();
        boolean tls = settings.transports().contains(Transport.TLS);
        Properties p = new Properties();
        p.setProperty("javax.sip.STACK_NAME", name);
        p.setProperty("gov.nist.javax.sip.STACK_LOGGER", StackLogBridge.class.getName());
        p.setProperty("gov.nist.javax.sip.SERVER_LOGGER", WireTrace.class.getName());
        // Which levels are on is asked of StackLogBridge, which follows tinylog's levels.
        p.setProperty("gov.nist.javax.sip.LOG_MESSAGE_CONTENT", "true");
        p.setProperty("javax.sip.AUTOMATIC_DIALOG_SUPPORT", "on");
        // Events reach the listener one at a time, in order, from the stack's event thread; the listener
        // only posts them to the phone loop, so this serialisation costs nothing.
        p.setProperty("gov.nist.javax.sip.REENTRANT_LISTENER", "false");
        // Bounded: a flood of requests must not make a thread each, nor an unbounded transaction table.
        p.setProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", "4");
        p.setProperty("gov.nist.javax.sip.MAX_SERVER_TRANSACTIONS", "400");
        p.setProperty("gov.nist.javax.sip.MAX_CLIENT_TRANSACTIONS", "400");
        p.setProperty("gov.nist.javax.sip.MAX_MESSAGE_SIZE", Integer.toString(64 * 1024));
        p.setProperty("gov.nist.javax.sip.MAX_CONNECTIONS", "64");
        p.setProperty("gov.nist.javax.sip.AGGRESSIVE_CLEANUP", "true");
        p.setProperty("gov.nist.javax.sip.CONNECTION_TIMEOUT", "4000");
        p.setProperty("gov.nist.javax.sip.EARLY_DIALOG_TIMEOUT_SECONDS", "180");
        p.setProperty("gov.nist.javax.sip.READ_TIMEOUT", "4000");
        p.setProperty("gov.nist.javax.sip.SSL_HANDSHAKE_TIMEOUT", "5000");
        p.setProperty("gov.nist.javax.sip.DELIVER_UNSOLICITED_NOTIFY", "true");
        p.setProperty("gov.nist.javax.sip.TLS_CLIENT_PROTOCOLS", String.join(",", settings.tls().protocols()));
        p.setProperty("gov.nist.javax.sip.TLS_SECURITY_POLICY", TlsPolicy.class.getName());
        // As a TLS server (a registrar or peer connecting to the phone) the phone asks no client certificate:
        // jain-sip's default demands one, and registrars present none.
        p.setProperty("gov.nist.javax.sip.TLS_CLIENT_AUTH_TYPE", "Disabled");
        p.setProperty("gov.nist.javax.sip.SECURITY_MANAGER_PROVIDER", TlsMaterial.class.getName());
        p.setProperty("gov.nist.javax.sip.NETWORK_LAYER", TlsNetworkLayer.class.getName());
        p.setProperty(TlsMaterial.PROPERTY, name);
        try {
            java.util.function.Supplier<KeyStore> device = () -> {
                try {
                    return certificateFile == null ? DeviceCertificate.create(settings.userAgent())
                            : DeviceCertificate.loadOrCreate(certificateFile, settings.userAgent());
                } catch (IOException | GeneralSecurityException e) {
                    throw new IllegalStateException(e.getMessage(), e);
                }
            };
            TlsMaterial.register(name, settings.tls(), device, supportedSuites(settings.tls().cipherSuites()));
        } catch (IOException | GeneralSecurityException e) {
            throw new SipStartException("cannot set up SIP over TLS: " + e.getMessage(), e);
        }
        SipStack stack;
        try {
            SipFactory factory = SipFactory.getInstance();
            factory.setPathName("gov.nist");
            stack = factory.createSipStack(p);
            ((SipStackExt) stack).setEnabledCipherSuites(supportedSuites(settings.tls().cipherSuites()));
            ((SipStackImpl) stack).setEnabledProtocols(settings.tls().protocols().toArray(new String[0]));
        } catch (Exception e) {
            TlsMaterial.forget(name);
            throw new SipStartException("cannot create the SIP stack: " + e.getMessage(), e);
        }
        SipStackHost host;
        try {
            host = new SipStackHost(name, stack, listener);
            host.listen(settings, tls);
            stack.start();
        } catch (SipStartException e) {
            stopQuietly(stack, name);
            throw e;
        } catch (Exception e) {
            stopQuietly(stack, name);
            throw new SipStartException("cannot start the SIP stack: " + e.getMessage(), e);
        }
        Logger.info("SIP listening on {}", host.endpoints);
        return host;
    }

    private void listen(SipSettings settings, boolean tls) throws SipStartException {
        int port = settings.port() != 0 ? settings.port() : freePort(settings.addresses(), -1);
        int tlsPort = settings.tlsPort() != 0 ? settings.tlsPort() : freePort(settings.addresses(), port);
        for (InetAddress address : settings.addresses()) {
            SipProvider provider = null;
            for (Transport transport : Transport.values()) {
                if (!settings.transports().contains(transport) || (transport == Transport.TLS && !tls)) {
                    continue;
                }
                int p = transport == Transport.TLS ? tlsPort : port;
                String host = AddressText.of(address);
                try {
                    ListeningPoint point = stack.createListeningPoint(host, p, transport.token());
                    if (provider == null) {
                        provider = stack.createSipProvider(point);
                        provider.addSipListener(listener);
                    } else {
                        provider.addListeningPoint(point);
                    }
                    endpoints.add(new LocalEndpoint(transport, address, p));
                } catch (Exception e) {
                    throw new SipStartException("cannot listen for SIP on " + transport.token() + ":" + host + ":" + p
                            + " (" + e.getMessage() + "); is another phone or SIP program using the port?", e);
                }
            }
            providers.put(address, provider);
        }
    }

    String name() {
        return name;
    }

    SipStack stack() {
        return stack;
    }

    AddressFactory addresses() {
        return addresses;
    }

    HeaderFactory headers() {
        return headers;
    }

    MessageFactory messages() {
        return messages;
    }

    List<LocalEndpoint> endpoints() {
        return List.copyOf(endpoints);
    }

    /** The endpoint for {@code transport} in the family of {@code toward} (IPv6 for an IPv6 peer). */
    Optional<LocalEndpoint> endpoint(Transport transport, InetAddress toward) {
        boolean v6 = toward instanceof Inet6Address;
        return endpoints.stream().filter(e -> e.transport() == transport && e.ipv6() == v6).findFirst();
    }

    Optional<SipProvider> provider(LocalEndpoint endpoint) {
        return Optional.ofNullable(providers.get(endpoint.address()));
    }

    /** Every provider: requests arriving on any of them are the phone's. */
    List<SipProvider> providers() {
        return List.copyOf(providers.values());
    }

    /**
     * Stops the stack and ends its threads: the listener is detached, the stack stopped, and its event thread, which {@code stop()} leaves blocked on its queue, woken
     * so it sees the stop and ends.
     */
    void stop() {
        for (SipProvider provider : providers.values()) {
            try {
                provider.removeSipListener(listener);
            } catch (RuntimeException e) {
                Logger.debug("detaching the SIP listener: {}", e.toString());
            }
        }
        stopQuietly(stack, name, providers.values().stream().findFirst().orElse(null));
        Logger.debug("SIP stack {} stopped", name);
    }

    private static void stopQuietly(SipStack stack, String name) {
        stopQuietly(stack, name, null);
    }

    /** {@code provider} is the source of the event that wakes the event thread (the stack expects one). */
    private static void stopQuietly(SipStack stack, String name, SipProvider provider) {
        EventScanner scanner = ((SipStackImpl) stack).getEventScanner();
        try {
            stopWithoutTheLastSecond(stack);
        } catch (RuntimeException e) {
            Logger.warn("stopping the SIP stack: {}", e.toString());
        } finally {
            if (scanner != null) {
                scanner.forceStop();
                scanner.addEvent(new EventWrapper(new EventObject(provider != null ? provider : stack), null));
            }
            TlsMaterial.forget(name);
        }
    }

    /**
     * jain-sip 1.3's {@code stopStack()} closes its sockets and stops its timer, then sleeps one second so
     * that its threads can drain; nothing after the sleep waits for them, yet every stop and restart of the
     * phone paid that second. The stop runs on a thread of its own, which is woken from that sleep (it is
     * interruptible, and the stack ignores the interruption) once it is in it.
     */
    private static void stopWithoutTheLastSecond(SipStack stack) {
        RuntimeException[] failure = new RuntimeException[1];
        Thread stopper = new Thread(() -> {
            try {
                stack.stop();
            } catch (RuntimeException e) {
                failure[0] = e;
            }
        }, "sip-stop");
        stopper.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        try {
            while (stopper.isAlive() && System.nanoTime() < deadline) {
                if (inTheDrainingSleep(stopper)) {
                    stopper.interrupt();
                }
                stopper.join(5);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (failure[0] != null) {
            throw failure[0];
        }
    }

    private static boolean inTheDrainingSleep(Thread stopper) {
        if (stopper.getState() != Thread.State.TIMED_WAITING) {
            return false;
        }
        boolean sleeping = false;
        for (StackTraceElement frame : stopper.getStackTrace()) {
            sleeping |= frame.getMethodName().equals("sleep");
            if (frame.getMethodName().equals("stopStack")) {
                return sleeping;
            }
        }
        return false;
    }

    private static String[] supportedSuites(List<String> wanted) {
        try {
            // A context without key or trust material: asking the default one would load the JDK's CA store (~1 s).
            javax.net.ssl.SSLContext probe = javax.net.ssl.SSLContext.getInstance("TLS");
            probe.init(new javax.net.ssl.KeyManager[0], new javax.net.ssl.TrustManager[0], null);
            List<String> available = List.of(probe.getSupportedSSLParameters().getCipherSuites());
            return wanted.stream().filter(available::contains).toArray(String[]::new);
        } catch (GeneralSecurityException e) {
            return wanted.toArray(new String[0]);
        }
    }

    /** A port free for UDP and TCP on every address (and not {@code avoid}), for settings that leave it to us. */
    private static int freePort(List<InetAddress> addresses, int avoid) throws SipStartException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int candidate;
            try (ServerSocket probe = new ServerSocket()) {
                probe.bind(new InetSocketAddress(addresses.get(0), 0));
                candidate = probe.getLocalPort();
            } catch (IOException e) {
                throw new SipStartException("cannot bind to " + addresses.get(0) + ": " + e.getMessage(), e);
            }
            if (candidate != avoid && freeEverywhere(addresses, candidate)) {
                return candidate;
            }
        }
        throw new SipStartException("no port is free for SIP on " + addresses, null);
    }

    private static boolean freeEverywhere(List<InetAddress> addresses, int port) {
        for (InetAddress address : addresses) {
            try (ServerSocket tcp = new ServerSocket(); DatagramSocket udp = new DatagramSocket(null)) {
                tcp.bind(new InetSocketAddress(address, port));
                udp.bind(new InetSocketAddress(address, port));
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }
}
