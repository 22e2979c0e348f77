package org.deskphone.media.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import org.deskphone.hal.mock.WavAudioDevice;
import org.deskphone.loop.Clock;
import org.deskphone.loop.PhoneLoop;
import org.deskphone.media.MediaEngine;
import org.deskphone.media.MediaListener;
import org.deskphone.media.MediaSettings;
import org.deskphone.media.MediaStream;
import org.deskphone.media.PortRange;
import org.deskphone.media.StreamParameters;
import org.deskphone.media.codec.CodecType;
import org.deskphone.media.srtp.SdesKey;
import org.deskphone.media.srtp.SrtpSuite;

/**
 * A two-way call between two engines in one JVM, for {@code SECONDS} of real time: each side's sound card is
 * a WAV device paced by its own clock (speech in, a file out), G.722 or another codec, with SRTP. Reports
 * every garbage collection during the call and the longest pause, the packets each side got, and the
 * jitter buffers' concealment, as one "RESULT" line.
 *
 * <p>Usage: {@code CallSoak SPEECH16K.wav SECONDS CODEC OUTDIR}
 */
public final class CallSoak {
    private CallSoak() {
    }

    public static void main(String[] args) throws Exception {
        Path speech = Path.of(args[0]);
        int seconds = Integer.parseInt(args[1]);
        CodecType codec = CodecType.valueOf(args[2]);
        Path out = Path.of(args[3]);
        Files.createDirectories(out);

        AtomicLong worstPauseMillis = new AtomicLong();
        AtomicInteger collections = new AtomicInteger();
        AtomicLong totalPauseMillis = new AtomicLong();
        AtomicInteger armed = new AtomicInteger();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener((notification, handback) -> {
                if (armed.get() == 0 || !notification.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                    return;
                }
                GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                long duration = info.getGcInfo().getDuration();
                collections.incrementAndGet();
                totalPauseMillis.addAndGet(duration);
                worstPauseMillis.accumulateAndGet(duration, Math::max);
                System.out.printf("gc: %s %s %d ms%n", info.getGcName(), info.getGcCause(), duration);
            }, null, null);
        }

        MediaSettings settings = MediaSettings.defaults(InetAddress.getLoopbackAddress()).withPorts(new PortRange(42000, 42999));
        PhoneLoop loopA = new PhoneLoop(Clock.system());
        PhoneLoop loopB = new PhoneLoop(Clock.system());
        loopA.start("loop-a");
        loopB.start("loop-b");
        MediaListener quiet = new MediaListener() {
        };
        MediaEngine a = new MediaEngine(new WavAudioDevice(speech, out.resolve("a-heard.wav")), loopA, settings, quiet);
        MediaEngine b = new MediaEngine(new WavAudioDevice(speech, out.resolve("b-heard.wav")), loopB, settings, quiet);
        MediaStream sa = a.openStream("a");
        MediaStream sb = b.openStream("b");
        SdesKey ka = SdesKey.generate(SrtpSuite.AES_CM_128_HMAC_SHA1_80, new SecureRandom());
        SdesKey kb = SdesKey.generate(SrtpSuite.AES_CM_128_HMAC_SHA1_80, new SecureRandom());
        sa.start(StreamParameters.plain(new InetSocketAddress(InetAddress.getLoopbackAddress(), sb.localPort()), codec).withKeys(ka, kb));
        sb.start(StreamParameters.plain(new InetSocketAddress(InetAddress.getLoopbackAddress(), sa.localPort()), codec).withKeys(kb, ka));
        Thread.sleep(3000); // warm-up, not counted
        armed.set(1);
        long received0 = sb.packetsReceived() + sa.packetsReceived();
        Thread.sleep(seconds * 1000L);
        armed.set(0);
        long received = sb.packetsReceived() + sa.packetsReceived() - received0;
        var statsA = sa.statistics();
        var statsB = sb.statistics();
        a.close();
        b.close();
        loopA.stop(java.time.Duration.ofSeconds(1));
        loopB.stop(java.time.Duration.ofSeconds(1));
        System.out.printf("RESULT codec=%s srtp=AES_CM_128_HMAC_SHA1_80 seconds=%d gcs=%d worst_pause_ms=%d total_pause_ms=%d "
                + "packets_received=%d expected_packets=%d concealed_a=%d concealed_b=%d java=%s gc=%s%n", codec, seconds, collections.get(),
                worstPauseMillis.get(), totalPauseMillis.get(), received, 2L * 50 * seconds, statsA.packetsLost(), statsB.packetsLost(),
                System.getProperty("java.version"), gcNames());
    }

    private static String gcNames() {
        StringBuilder names = new StringBuilder();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            names.append(names.length() == 0 ? "" : "+").append(gc.getName().replace(' ', '_'));
        }
        return names.toString();
    }
}
