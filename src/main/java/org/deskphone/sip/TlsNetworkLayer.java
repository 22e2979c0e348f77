package org.deskphone.sip;

import gov.nist.core.net.NetworkLayer;
import gov.nist.javax.sip.SipStackImpl;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.security.GeneralSecurityException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * The sockets jain-sip's (blocking) transports use, with TLS from this stack's own {@link TlsMaterial}
 * rather than the JVM-wide default context: the phone's certificate, its trust decision, and the
 * protocols and suites of {@link TlsSettings}. Built by jain-sip from {@code gov.nist.javax.sip.NETWORK_LAYER}.
 */
public final class TlsNetworkLayer implements NetworkLayer {
    private SSLContext context;
    private String[] protocols;
    private String[] suites;
    private boolean verify;

    public TlsNetworkLayer() {
        // Built by jain-sip; configured in setSipStack.
    }

    @Override
    public void setSipStack(SipStackImpl stack) {
        String id = stack.getConfigurationProperties().getProperty(TlsMaterial.PROPERTY);
        TlsMaterial.Prepared prepared = TlsMaterial.prepared(id);
        try {
            context = SSLContext.getInstance("TLS");
            context.init(prepared.keys(), prepared.trust(), null);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up TLS for stack " + id + ": " + e.getMessage(), e);
        }
        protocols = prepared.protocols();
        suites = prepared.suites();
        verify = prepared.verify();
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog, InetAddress address) throws IOException {
        return new ServerSocket(port, backlog, address);
    }

    @Override
    public SSLServerSocket createSSLServerSocket(int port, int backlog, InetAddress address) throws IOException {
        SSLServerSocket socket = (SSLServerSocket) context.getServerSocketFactory().createServerSocket(port, backlog, address);
        socket.setEnabledProtocols(protocols);
        if (suites.length > 0) {
            socket.setEnabledCipherSuites(suites);
        }
        socket.setNeedClientAuth(false);
        return socket;
    }

    @Override
    public Socket createSocket(InetAddress address, int port) throws IOException {
        return new Socket(address, port);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress local) throws IOException {
        return new Socket(address, port, local, 0);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress local, int localPort) throws IOException {
        Socket socket = new Socket();
        if (local != null) {
            socket.bind(new InetSocketAddress(local, localPort));
        }
        socket.connect(new InetSocketAddress(address, port));
        return socket;
    }

    @Override
    public SSLSocket createSSLSocket(InetAddress address, int port) throws IOException {
        return client((SSLSocket) context.getSocketFactory().createSocket(address, port));
    }

    @Override
    public SSLSocket createSSLSocket(InetAddress address, int port, InetAddress local) throws IOException {
        return client((SSLSocket) context.getSocketFactory().createSocket(address, port, local, 0));
    }

    private SSLSocket client(SSLSocket socket) {
        socket.setEnabledProtocols(protocols);
        if (suites.length > 0) {
            socket.setEnabledCipherSuites(suites);
        }
        if (verify) {
            // RFC 5922 §7: the server's certificate must name it (as an IP SAN when the phone was given an address).
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            socket.setSSLParameters(parameters);
        }
        return socket;
    }

    @Override
    public DatagramSocket createDatagramSocket() throws SocketException {
        return new DatagramSocket();
    }

    @Override
    public DatagramSocket createDatagramSocket(int port, InetAddress address) throws SocketException {
        return address == null ? new DatagramSocket(port) : new DatagramSocket(port, address);
    }
}
