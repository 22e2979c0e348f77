package org.deskphone.net.syslog;

import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * Sends formatted messages to one syslog server from its own thread, so that logging never waits on the
 * network: a full queue drops messages (and says how many in the next one that goes out), a dead TCP or
 * TLS server is reconnected with growing pauses. Problems are kept to itself: a log writer that logged its
 * own failures would feed on them.
 */
final class SyslogSender implements AutoCloseable {
    private static final int QUEUE = 1024;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration MAX_PAUSE = Duration.ofSeconds(30);

    private final SyslogSettings settings;
    private final BlockingQueue<String> queue = new ArrayBlockingQueue<>(QUEUE);
    private final AtomicLong dropped = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile String lastProblem = "";
    private DatagramSocket udp;
    private Socket stream;
    private InetSocketAddress server;

    SyslogSender(SyslogSettings settings) {
        this.settings = settings;
        this.thread = new Thread(this::run, "syslog-" + settings.transport().name().toLowerCase(java.util.Locale.ROOT));
        thread.setDaemon(true);
        thread.start();
    }

    SyslogSettings settings() {
        return settings;
    }

    /** Queues a message; false when the queue is full and it was dropped. */
    boolean offer(String message) {
        if (queue.offer(message)) {
            return true;
        }
        dropped.incrementAndGet();
        return false;
    }

    /** The last sending problem, for the status page; empty when the last send worked. */
    String lastProblem() {
        return lastProblem;
    }

    /** Sends what is queued for at most {@code linger}, then stops. */
    void close(Duration linger) {
        long deadline = System.nanoTime() + linger.toNanos();
        while (!queue.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        running = false;
        thread.interrupt();
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        disconnect();
    }

    @Override
    public void close() {
        close(Duration.ofMillis(500));
    }

    private void run() {
        Duration pause = Duration.ofSeconds(1);
        String pending = null;
        while (running) {
            try {
                if (pending == null) {
                    pending = queue.poll(500, TimeUnit.MILLISECONDS);
                    if (pending == null) {
                        continue;
                    }
                }
                long lost = dropped.getAndSet(0);
                if (lost > 0) {
                    send(SyslogMessage.format(settings.facility(), 4, Instant.now(), settings.hostname(),
                            ProcessHandle.current().pid(), "syslog", lost + " log messages dropped: the queue was full"));
                }
                send(pending);
                pending = null;
                pause = Duration.ofSeconds(1);
                lastProblem = "";
            } catch (InterruptedException e) {
                if (!running) {
                    return;
                }
            } catch (IOException | RuntimeException e) {
                lastProblem = settings.transport() + " " + settings.host() + ":" + settings.port() + ": " + e.getMessage();
                disconnect();
                try {
                    Thread.sleep(pause.toMillis());
                } catch (InterruptedException stop) {
                    if (!running) {
                        return;
                    }
                }
                pause = pause.multipliedBy(2).compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : pause.multipliedBy(2);
            }
        }
    }

    private void send(String message) throws IOException {
        if (server == null || server.isUnresolved()) {
            server = new InetSocketAddress(settings.host(), settings.port());
            if (server.isUnresolved()) {
                throw new IOException("cannot resolve " + settings.host());
            }
        }
        if (settings.transport() == SyslogSettings.Transport.UDP) {
            if (udp == null) {
                udp = new DatagramSocket();
            }
            byte[] datagram = SyslogMessage.datagram(message);
            udp.send(new DatagramPacket(datagram, datagram.length, server));
            return;
        }
        if (stream == null) {
            stream = connect();
        }
        OutputStream out = stream.getOutputStream();
        out.write(SyslogMessage.frame(message));
        out.flush();
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(server, (int) CONNECT_TIMEOUT.toMillis());
            socket.setKeepAlive(true);
            if (settings.transport() == SyslogSettings.Transport.TLS) {
                SSLContext context = settings.tls().orElse(defaultContext());
                SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(socket, settings.host(), settings.port(), true);
                SSLParameters parameters = tls.getSSLParameters();
                // RFC 5425 §5.2: the server's certificate must name the host the phone was told to use.
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
                tls.setSSLParameters(parameters);
                tls.startHandshake();
                return tls;
            }
            return socket;
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    private static SSLContext defaultContext() throws IOException {
        try {
            return SSLContext.getDefault();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IOException("no TLS in this JVM", e);
        }
    }

    private void disconnect() {
        if (stream != null) {
            try {
                stream.close();
            } catch (IOException ignored) {
                // closing a broken connection
            }
            stream = null;
        }
        if (udp != null) {
            udp.close();
            udp = null;
        }
        server = null;
    }
}
