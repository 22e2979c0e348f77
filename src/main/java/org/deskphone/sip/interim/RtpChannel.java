package org.deskphone.sip.interim;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import org.deskphone.hal.AudioDevice;
import org.deskphone.hal.AudioDeviceException;
import org.deskphone.hal.AudioFormat;
import org.deskphone.hal.AudioStream;
import org.deskphone.hal.mock.WavAudioDevice;
import org.deskphone.sip.AudioSession;
import org.deskphone.sip.MediaChannel;
import org.deskphone.sip.MediaEvents;
import org.deskphone.sip.MediaStatistics;
import org.tinylog.Logger;

/**
 * One call's plain G.711 RTP stream. The sound card's thread paces sending (one packet per frame) and
 * playback (from a sample queue the receive thread fills); RFC 4733 events go out instead of audio while a
 * digit lasts, and arriving events are reported once per digit.
 */
final class RtpChannel implements MediaChannel {
    private static final String DIGITS = "0123456789*#ABCD";
    private static final int[][] TONES = {{941, 1336}, {697, 1209}, {697, 1336}, {697, 1477}, {770, 1209}, {770, 1336},
        {770, 1477}, {852, 1209}, {852, 1336}, {852, 1477}, {941, 1209}, {941, 1477}, {697, 1633}, {770, 1633}, {852, 1633}, {941, 1633}};

    private final DatagramSocket rtp;
    private final DatagramSocket rtcp;
    private final AudioDevice device;
    private final MediaEvents events;
    private final int ssrc = ThreadLocalRandom.current().nextInt();
    private final SampleQueue heard = new SampleQueue(16000);
    private final ConcurrentLinkedQueue<Digit> digits = new ConcurrentLinkedQueue<>();
    private final byte[] sendBuffer = new byte[12 + 960];
    private final DatagramPacket sendPacket = new DatagramPacket(sendBuffer, sendBuffer.length);
    private volatile AudioSession session;
    private volatile boolean closed;
    private AudioStream stream;
    private Thread receiver;
    private int sequence = ThreadLocalRandom.current().nextInt(0x10000);
    private long timestamp = ThreadLocalRandom.current().nextInt() & 0xffffffffL;
    private Digit current;
    // Statistics: written by one thread each, read by the loop.
    private volatile long sent;
    private volatile long received;
    private volatile long lost;
    private volatile double jitter;
    private int firstSequence = -1;
    private int highestSequence;
    private long lastTransit = Long.MIN_VALUE;
    private long lastEventTimestamp = -1;

    private static final class Digit {
        final char digit;
        final Path path;
        final int samples;
        int done;
        int ends;
        long start;

        enum Path {
            EVENT, TONE
        }

        Digit(char digit, Path path, int samples) {
            this.digit = digit;
            this.path = path;
            this.samples = samples;
        }
    }

    RtpChannel(InetAddress local, AudioDevice device, MediaEvents events) throws IOException {
        this.device = device;
        this.events = events;
        DatagramSocket[] pair = evenPair(local);
        this.rtp = pair[0];
        this.rtcp = pair[1];
    }

    /** An even RTP port and the odd one after it for RTCP (RFC 3550 §11). */
    private static DatagramSocket[] evenPair(InetAddress local) throws IOException {
        for (int attempt = 0; attempt < 100; attempt++) {
            DatagramSocket first = new DatagramSocket(new InetSocketAddress(local, 0));
            int port = first.getLocalPort();
            if (port % 2 != 0 || port >= 65534) {
                first.close();
                continue;
            }
            try {
                return new DatagramSocket[] {first, new DatagramSocket(new InetSocketAddress(local, port + 1))};
            } catch (SocketException taken) {
                first.close();
            }
        }
        throw new IOException("no free even RTP port pair on " + local);
    }

    @Override
    public int localPort() {
        return rtp.getLocalPort();
    }

    @Override
    public synchronized void start(AudioSession agreed) {
        session = agreed;
        if (stream != null || closed) {
            return;
        }
        AudioFormat format = new AudioFormat(8000, agreed.ptime());
        try {
            stream = device.open(format, this::frame, e -> events.failed(e.toString()));
        } catch (AudioDeviceException busy) {
            Logger.info("sound card busy ({}); this call's audio is silent", busy.getMessage());
            stream = new WavAudioDevice(null, null).open(format, this::frame, e -> events.failed(e.toString()));
        }
        receiver = new Thread(this::receive, "rtp-in-" + localPort());
        receiver.setDaemon(true);
        receiver.start();
    }

    @Override
    public void update(AudioSession agreed) {
        if (stream == null) {
            start(agreed);
        } else {
            session = agreed;
        }
    }

    @Override
    public void sendDtmf(char digit, DtmfPath path, Duration duration) {
        int index = DIGITS.indexOf(Character.toUpperCase(digit));
        if (index >= 0) {
            digits.add(new Digit(DIGITS.charAt(index), path == DtmfPath.RFC4733 ? Digit.Path.EVENT : Digit.Path.TONE,
                    (int) (duration.toMillis() * 8)));
        }
    }

    @Override
    public MediaStatistics statistics() {
        AudioSession s = session;
        return new MediaStatistics(s == null ? "none" : s.codec().rtpmap(), "none", sent, received, lost, jitter / 8.0);
    }

    @Override
    public void close() {
        AudioStream open;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            open = stream;
        }
        if (open != null) {
            open.close();
        }
        rtp.close();
        rtcp.close();
        if (receiver != null) {
            try {
                receiver.join(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** One frame on the sound card's thread: send what the microphone heard, play what arrived. */
    private void frame(short[] captured, short[] playback) {
        AudioSession s = session;
        if (s == null || closed) {
            return;
        }
        if (current == null) {
            current = digits.poll();
            if (current != null) {
                current.start = timestamp;
            }
        }
        boolean event = false;
        if (current != null) {
            if (current.path == Digit.Path.TONE) {
                tone(current, captured);
            } else if (s.telephoneEvent().isPresent()) {
                event = true;
                sendEvent(s, current, captured.length);
            } else {
                current = null;
            }
        }
        if (!event && s.direction().sends()) {
            sendAudio(s, captured);
        }
        timestamp = (timestamp + captured.length) & 0xffffffffL;
        if (s.direction().receives()) {
            heard.take(playback);
        } else {
            heard.take(null, playback.length);
        }
    }

    private void tone(Digit d, short[] captured) {
        int[] f = TONES[DIGITS.indexOf(d.digit)];
        for (int i = 0; i < captured.length; i++) {
            double t = (d.done + i) / 8000.0;
            captured[i] = (short) (6000 * (Math.sin(2 * Math.PI * f[0] * t) + Math.sin(2 * Math.PI * f[1] * t)));
        }
        d.done += captured.length;
        if (d.done >= d.samples) {
            current = null;
        }
    }

    /** RFC 4733 §2.5: one event packet per frame, marker on the first, the end packet three times. */
    private void sendEvent(AudioSession s, Digit d, int frameSamples) {
        boolean end = d.done >= d.samples;
        if (!end) {
            d.done += frameSamples;
        }
        int duration = Math.min(d.done, 0xffff);
        byte[] b = sendBuffer;
        header(b, s.telephoneEvent().getAsInt(), d.done == frameSamples && !end, d.start);
        b[12] = (byte) DIGITS.indexOf(d.digit);
        b[13] = (byte) ((d.done >= d.samples ? 0x80 : 0) | 10);
        b[14] = (byte) (duration >> 8);
        b[15] = (byte) duration;
        send(s, 16);
        if (d.done >= d.samples && ++d.ends >= 3) {
            current = null;
        }
    }

    private void sendAudio(AudioSession s, short[] captured) {
        byte[] b = sendBuffer;
        int pt = s.codec().payloadType();
        header(b, pt, false, timestamp);
        boolean ulaw = s.codec().encodingName().equalsIgnoreCase("PCMU");
        for (int i = 0; i < captured.length; i++) {
            b[12 + i] = ulaw ? G711.linearToUlaw(captured[i]) : G711.linearToAlaw(captured[i]);
        }
        send(s, 12 + captured.length);
    }

    private void header(byte[] b, int payloadType, boolean marker, long ts) {
        b[0] = (byte) 0x80;
        b[1] = (byte) ((marker ? 0x80 : 0) | payloadType);
        b[2] = (byte) (sequence >> 8);
        b[3] = (byte) sequence;
        sequence = (sequence + 1) & 0xffff;
        b[4] = (byte) (ts >> 24);
        b[5] = (byte) (ts >> 16);
        b[6] = (byte) (ts >> 8);
        b[7] = (byte) ts;
        b[8] = (byte) (ssrc >> 24);
        b[9] = (byte) (ssrc >> 16);
        b[10] = (byte) (ssrc >> 8);
        b[11] = (byte) ssrc;
    }

    private void send(AudioSession s, int length) {
        sendPacket.setLength(length);
        sendPacket.setSocketAddress(s.remote());
        try {
            rtp.send(sendPacket);
            sent++;
        } catch (IOException e) {
            if (!closed) {
                Logger.debug("RTP send to {}: {}", s.remote(), e.getMessage());
            }
        }
    }

    /** The receive thread: RTP in, audio to the sample queue, events reported. */
    private void receive() {
        byte[] buffer = new byte[1500];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        short[] decoded = new short[1500];
        while (!closed) {
            try {
                packet.setLength(buffer.length);
                rtp.receive(packet);
            } catch (IOException e) {
                if (!closed) {
                    events.failed("RTP receive: " + e.getMessage());
                }
                return;
            }
            int length = packet.getLength();
            if (length < 12 || (buffer[0] & 0xc0) != 0x80) {
                continue;
            }
            AudioSession s = session;
            if (s == null) {
                continue;
            }
            int pt = buffer[1] & 0x7f;
            int seq = ((buffer[2] & 0xff) << 8) | (buffer[3] & 0xff);
            long ts = ((buffer[4] & 0xffL) << 24) | ((buffer[5] & 0xffL) << 16) | ((buffer[6] & 0xffL) << 8) | (buffer[7] & 0xffL);
            int offset = 12 + 4 * (buffer[0] & 0x0f);
            if ((buffer[0] & 0x10) != 0 && offset + 4 <= length) {
                offset += 4 + 4 * (((buffer[offset + 2] & 0xff) << 8) | (buffer[offset + 3] & 0xff));
            }
            if (offset > length) {
                continue;
            }
            count(seq, ts);
            if (s.telephoneEvent().isPresent() && pt == s.telephoneEvent().getAsInt()) {
                if (length - offset >= 4 && ts != lastEventTimestamp) {
                    lastEventTimestamp = ts;
                    int event = buffer[offset] & 0xff;
                    if (event < DIGITS.length()) {
                        events.dtmf(DIGITS.charAt(event));
                    }
                }
                continue;
            }
            if (pt != 0 && pt != 8) {
                continue;
            }
            int samples = Math.min(length - offset, decoded.length);
            for (int i = 0; i < samples; i++) {
                decoded[i] = pt == 0 ? G711.ulaw(buffer[offset + i]) : G711.alaw(buffer[offset + i]);
            }
            heard.put(decoded, samples);
        }
    }

    /** RFC 3550 A.3 and A.8, simplified: loss from the sequence span, interarrival jitter in timestamp units. */
    private void count(int seq, long ts) {
        received++;
        if (firstSequence < 0) {
            firstSequence = seq;
            highestSequence = seq;
        } else if (((seq - highestSequence) & 0xffff) < 0x8000) {
            highestSequence = seq;
        }
        long expected = ((highestSequence - firstSequence) & 0xffff) + 1L;
        lost = Math.max(0, expected - received);
        long arrival = System.nanoTime() / 125_000; // in 8 kHz units
        long transit = arrival - ts;
        if (lastTransit != Long.MIN_VALUE) {
            long d = Math.abs(transit - lastTransit);
            jitter += (d - jitter) / 16.0;
        }
        lastTransit = transit;
    }

    @Override
    public String toString() {
        return "RTP on " + localPort() + Optional.ofNullable(session).map(s -> " to " + s.remote()).orElse("");
    }
}
