package org.deskphone.media;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongSupplier;
import org.deskphone.media.rtp.PacketQueue;
import org.deskphone.media.rtp.Rtcp;
import org.deskphone.media.rtp.RtpPacket;
import org.deskphone.media.srtp.SrtcpContext;
import org.deskphone.media.srtp.SrtpContext;
import org.tinylog.Logger;

/**
 * The sockets of one stream: RTP on an even port of the configured range and RTCP on the next, marked with
 * the voice DSCP, and a receive thread for each. The RTP thread only checks (SRTP: authenticates and
 * decrypts) each packet and hands it to the media thread through a {@link PacketQueue}, stamped with the
 * media clock; the RTCP thread reads what the far end reports. The last address that sent us a valid packet
 * is kept for symmetric RTP. Sending is the media thread's. Nothing here allocates per packet.
 */
final class RtpTransport implements AutoCloseable {
    private static final int MAX_PACKET = 1500;

    private final DatagramChannel rtp;
    private final DatagramChannel rtcp;
    private final int port;
    private final PacketQueue queue = new PacketQueue(64, MAX_PACKET);
    private final ByteBuffer[] slotViews;
    private final LongSupplier mediaClock;
    private final Thread rtpThread;
    private final Thread rtcpThread;
    private final ByteBuffer rtcpIn = ByteBuffer.allocate(MAX_PACKET);
    private final ByteBuffer discard = ByteBuffer.allocate(MAX_PACKET);
    private final Rtcp.Received report = new Rtcp.Received();

    private volatile boolean accepting;
    private volatile boolean closed;
    private volatile SrtpContext receiveSrtp;
    private volatile SrtcpContext receiveSrtcp;
    private volatile long ourSsrc;
    private volatile InetSocketAddress learnedRtp;
    private volatile InetSocketAddress learnedRtcp;

    volatile long arrived;
    volatile long srtpRejected;
    volatile long srtpReplayed;
    volatile long srtcpRejected;
    volatile long invalid;
    volatile int remoteFractionLost;
    volatile long remoteCumulativeLost;
    volatile long remoteJitter;
    volatile int roundTripMillis = -1;
    volatile long lastSrNtpMiddle;
    volatile long lastSrArrivalNanos;

    private RtpTransport(DatagramChannel rtp, DatagramChannel rtcp, int port, LongSupplier mediaClock, String name) {
        this.rtp = rtp;
        this.rtcp = rtcp;
        this.port = port;
        this.mediaClock = mediaClock;
        this.slotViews = new ByteBuffer[queue.slots()];
        for (int i = 0; i < slotViews.length; i++) {
            slotViews[i] = ByteBuffer.wrap(queue.data(i));
        }
        this.rtpThread = new Thread(this::receiveRtp, "rtp-" + name + "-" + port);
        this.rtcpThread = new Thread(this::receiveRtcp, "rtcp-" + name + "-" + port);
        rtpThread.setDaemon(true);
        rtcpThread.setDaemon(true);
        rtpThread.setPriority(Thread.MAX_PRIORITY - 1);
        rtpThread.start();
        rtcpThread.start();
    }

    /** Binds RTP and RTCP on {@code address}, the first free even/odd pair of the range from a random even port. */
    static RtpTransport open(MediaSettings settings, InetAddress address, LongSupplier mediaClock, String name) throws IOException {
        PortRange range = settings.ports();
        int firstEven = (range.first() + 1) & ~1;
        int pairs = (range.last() - firstEven + 1) / 2;
        if (pairs <= 0) {
            throw new IOException("RTP port range " + range.first() + "-" + range.last() + " holds no even/odd pair");
        }
        int start = ThreadLocalRandom.current().nextInt(pairs);
        IOException last = null;
        for (int i = 0; i < pairs; i++) {
            int port = firstEven + 2 * ((start + i) % pairs);
            DatagramChannel rtp = null;
            DatagramChannel rtcp = null;
            try {
                rtp = bind(settings, address, port);
                rtcp = bind(settings, address, port + 1);
                return new RtpTransport(rtp, rtcp, port, mediaClock, name);
            } catch (IOException e) {
                last = e;
                closeQuietly(rtp);
                closeQuietly(rtcp);
            }
        }
        throw new IOException("no free RTP port pair in " + range.first() + "-" + range.last() + " on "
                + address.getHostAddress() + (last != null ? ": " + last.getMessage() : ""), last);
    }

    private static DatagramChannel bind(MediaSettings settings, InetAddress address, int port) throws IOException {
        DatagramChannel channel = DatagramChannel.open();
        try {
            channel.setOption(StandardSocketOptions.IP_TOS, settings.dscp() << 2);
        } catch (IOException | UnsupportedOperationException e) {
            Logger.debug("cannot set DSCP {} on RTP socket: {}", settings.dscp(), e.getMessage());
        }
        channel.bind(new InetSocketAddress(address, port));
        return channel;
    }

    private static void closeQuietly(DatagramChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // already failing
            }
        }
    }

    int port() {
        return port;
    }

    /** The IP TOS byte the RTP socket marks its packets with (DSCP << 2). */
    int typeOfService() throws IOException {
        return rtp.getOption(StandardSocketOptions.IP_TOS);
    }

    PacketQueue queue() {
        return queue;
    }

    /** From now on, packets are checked with these contexts (null: plain RTP) and handed over. */
    void accept(SrtpContext srtp, SrtcpContext srtcp, long ssrc) {
        receiveSrtp = srtp;
        receiveSrtcp = srtcp;
        ourSsrc = ssrc;
        accepting = true;
    }

    InetSocketAddress learnedRtp() {
        return learnedRtp;
    }

    InetSocketAddress learnedRtcp() {
        return learnedRtcp;
    }

    void sendRtp(ByteBuffer packet, InetSocketAddress to) {
        send(rtp, packet, to);
    }

    void sendRtcp(ByteBuffer packet, InetSocketAddress to) {
        send(rtcp, packet, to);
    }

    private void send(DatagramChannel channel, ByteBuffer packet, InetSocketAddress to) {
        try {
            channel.send(packet, to);
        } catch (ClosedChannelException e) {
            // stopping: the stream is being taken down
        } catch (IOException e) {
            invalid++; // e.g. ICMP unreachable reported on a later send; the call goes on
        }
    }

    private void receiveRtp() {
        try {
            while (!closed) {
                int slot = queue.claim();
                ByteBuffer into = slot < 0 ? discard : slotViews[slot];
                into.clear();
                SocketAddress from = rtp.receive(into);
                if (slot < 0 || !accepting || !(from instanceof InetSocketAddress)) {
                    continue;
                }
                byte[] data = queue.data(slot);
                int length = into.position();
                SrtpContext srtp = receiveSrtp;
                if (srtp != null) {
                    length = srtp.unprotect(data, 0, length);
                    if (length < 0) {
                        if (length == SrtpContext.REPLAYED) {
                            srtpReplayed++;
                        } else {
                            srtpRejected++;
                        }
                        continue;
                    }
                } else if (RtpPacket.headerLength(data, 0, length) < 0) {
                    invalid++;
                    continue;
                }
                learnedRtp = (InetSocketAddress) from;
                queue.publish(length, mediaClock.getAsLong());
                arrived++;
            }
        } catch (ClosedChannelException e) {
            // closed: the stream stopped
        } catch (IOException e) {
            if (!closed) {
                Logger.warn("RTP receive on port {} failed: {}", port, e.getMessage());
            }
        }
    }

    private void receiveRtcp() {
        byte[] data = rtcpIn.array();
        try {
            while (!closed) {
                rtcpIn.clear();
                SocketAddress from = rtcp.receive(rtcpIn);
                if (!accepting || !(from instanceof InetSocketAddress)) {
                    continue;
                }
                int length = rtcpIn.position();
                SrtcpContext srtcp = receiveSrtcp;
                if (srtcp != null) {
                    length = srtcp.unprotect(data, 0, length);
                    if (length < 0) {
                        srtcpRejected++;
                        continue;
                    }
                }
                if (!Rtcp.read(data, 0, length, ourSsrc, report)) {
                    invalid++;
                    continue;
                }
                learnedRtcp = (InetSocketAddress) from;
                long now = System.nanoTime();
                if (report.senderReport) {
                    lastSrNtpMiddle = report.ntpMiddle;
                    lastSrArrivalNanos = now;
                }
                if (report.reportAboutUs) {
                    remoteFractionLost = report.fractionLost;
                    remoteCumulativeLost = report.cumulativeLost;
                    remoteJitter = report.jitter;
                    if (report.lastSr != 0) {
                        long nowNtp = Rtcp.ntpMiddle(System.currentTimeMillis());
                        long rtt = (nowNtp - report.lastSr - report.delaySinceLastSr) & 0xffffffffL;
                        if (rtt < 65536L * 10) {
                            roundTripMillis = (int) (rtt * 1000 / 65536);
                        }
                    }
                }
            }
        } catch (ClosedChannelException e) {
            // closed
        } catch (IOException e) {
            if (!closed) {
                Logger.warn("RTCP receive on port {} failed: {}", port + 1, e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        accepting = false;
        closeQuietly(rtp);
        closeQuietly(rtcp);
        try {
            rtpThread.join(1000);
            rtcpThread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
