package org.deskphone.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.deskphone.media.codec.CodecType;
import org.deskphone.media.srtp.SdesKey;
import org.deskphone.media.srtp.SrtpSuite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The steady state of a two-way call allocates nothing: not on the media thread (here the test's thread,
 * which ticks both in-memory sound cards), not on the socket threads. A window of 3000 frames (a minute of
 * call) after a warm-up, measured with the JVM's per-thread allocation counters, must show zero bytes.
 *
 * <p>The JVM itself now and then allocates a few hundred bytes on a running thread while the JIT is still
 * settling (seen with JFR as bursts of small Strings attributed to whatever frame was running, at no fixed
 * place in our code). So a window may be measured up to five times; one window must be exactly zero, and
 * no window may hold as many bytes as one object (16 bytes) per frame. Anything our code allocated per frame
 * would show in every window, thousands of times.
 */
class MediaZeroAllocationTest {
    private static final int WARM_UP = 2000;
    private static final int MEASURED = 3000;

    record Allocation(long mediaThread, long socketThreads) {
        boolean none() {
            return mediaThread == 0 && socketThreads == 0;
        }
    }

    static Allocation measureCall(CodecType codec, SrtpSuite suite, int warmUp, int measured) throws Exception {
        return measureCall(codec, suite, warmUp, measured, 1).get(0);
    }

    /** Measures {@code windows} windows of {@code measured} frames; stops at the first clean one. */
    static List<Allocation> measureCall(CodecType codec, SrtpSuite suite, int warmUp, int measured, int windows) throws Exception {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        threads.setThreadAllocatedMemoryEnabled(true);
        try (TestPhone alice = new TestPhone("alice"); TestPhone bob = new TestPhone("bob")) {
            MediaStream a = alice.open();
            MediaStream b = bob.open();
            StreamParameters toB = StreamParameters.plain(new InetSocketAddress(InetAddress.getLoopbackAddress(), b.localPort()), codec);
            StreamParameters toA = StreamParameters.plain(new InetSocketAddress(InetAddress.getLoopbackAddress(), a.localPort()), codec);
            if (suite != null) {
                SdesKey ka = SdesKey.generate(suite, new SecureRandom());
                SdesKey kb = SdesKey.generate(suite, new SecureRandom());
                toB = toB.withKeys(ka, kb);
                toA = toA.withKeys(kb, ka);
            }
            a.start(toB);
            b.start(toA);
            int frames = warmUp + measured * windows;
            short[] speech = TestAudio.speech(16000);
            for (int fed = 0; fed < frames * 320; fed += speech.length) {
                alice.device.feed(speech);
                bob.device.feed(speech);
            }
            alice.device.reservePlayback(frames * 320);
            bob.device.reservePlayback(frames * 320);
            Wire wire = new Wire().phones(alice, bob).link(a, b).link(b, a);
            wire.run(warmUp);
            Thread.sleep(300); // let the compiler threads finish what the warm-up queued

            List<Long> socketThreads = new ArrayList<>();
            for (Thread t : Thread.getAllStackTraces().keySet()) {
                if (t.getName().startsWith("rtp-") || t.getName().startsWith("rtcp-")) {
                    socketThreads.add(t.getId());
                }
            }
            long[] ids = socketThreads.stream().mapToLong(Long::longValue).toArray();
            assertThat(ids).as("rtp and rtcp threads of both phones").hasSize(4);
            long[] socketBefore = new long[ids.length];
            List<Allocation> results = new ArrayList<>();
            for (int w = 0; w < windows; w++) {
                long received = b.packetsReceived();
                for (int i = 0; i < ids.length; i++) {
                    socketBefore[i] = threads.getThreadAllocatedBytes(ids[i]);
                }
                long before = threads.getCurrentThreadAllocatedBytes();
                wire.run(measured);
                long media = threads.getCurrentThreadAllocatedBytes() - before;
                long sockets = 0;
                for (int i = 0; i < ids.length; i++) {
                    sockets += threads.getThreadAllocatedBytes(ids[i]) - socketBefore[i];
                }
                assertThat(b.packetsReceived() - received).as("the call was really flowing").isGreaterThan(measured * 9L / 10);
                Allocation allocation = new Allocation(media, sockets);
                results.add(allocation);
                if (allocation.none()) {
                    break;
                }
            }
            return results;
        }
    }

    /** Gets the JIT through the media path once for the whole class, so the windows see the steady state. */
    @org.junit.jupiter.api.BeforeAll
    static void warmUp() throws Exception {
        measureCall(CodecType.PCMU, SrtpSuite.AES_CM_128_HMAC_SHA1_80, 4000, 1000, 1);
        measureCall(CodecType.G722, null, 3000, 1000, 1);
    }

    @ParameterizedTest(name = "{0} srtp={1}")
    @CsvSource({"PCMU,", "PCMA, AES_CM_128_HMAC_SHA1_80", "G722,", "G722, AES_256_CM_HMAC_SHA1_32", "G726_32, AES_CM_128_HMAC_SHA1_32"})
    void aCallAllocatesNothingPerFrame(CodecType codec, SrtpSuite suite) throws Exception {
        List<Allocation> windows = measureCall(codec, suite, WARM_UP, MEASURED, 5);
        for (Allocation window : windows) {
            // The smallest object is 16 bytes: fewer bytes than 16 per frame means not one object per frame.
            assertThat(window.mediaThread() + window.socketThreads()).as("bytes in a window of %d frames: %s", MEASURED, windows)
                    .isLessThan(16L * MEASURED);
        }
        assertThat(windows.get(windows.size() - 1)).as("a window of %d frames without a byte allocated: %s", MEASURED, windows)
                .isEqualTo(new Allocation(0, 0));
    }

    /**
     * Opus is Concentus, a port of C code that allocates scratch arrays per frame; our own code around it
     * allocates nothing (the same path as above). This measures what Concentus costs and keeps it bounded, so
     * a change there is seen; it cannot be zero without changing the library.
     */
    @Test
    void opusAllocationIsConcentusOwnAndBounded() throws Exception {
        // Up to five windows, as above: the socket threads must be clean in one of them (the JIT's stray bytes
        // can land in any window) and never hold an object per frame; the media thread's Concentus scratch is
        // bounded in every window.
        List<Allocation> windows = new ArrayList<>();
        for (int w = 0; w < 5 && (windows.isEmpty() || windows.get(windows.size() - 1).socketThreads() != 0); w++) {
            windows.add(measureCall(CodecType.OPUS, SrtpSuite.AES_CM_128_HMAC_SHA1_80, 300, 500));
        }
        for (Allocation window : windows) {
            assertThat(window.socketThreads()).as("socket-thread bytes in a window of 500 frames: %s", windows).isLessThan(16L * 500);
            assertThat(window.mediaThread() / 500).as("bytes per frame (two encoders and two decoders)").isLessThan(256 * 1024);
        }
        assertThat(windows.get(windows.size() - 1).socketThreads()).as("a window with the socket threads clean: %s", windows).isZero();
    }
}
