package org.deskphone.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.locks.LockSupport;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.deskphone.media.codec.CodecType;
import org.deskphone.media.codec.Resampler;
import org.deskphone.media.srtp.SdesKey;
import org.deskphone.media.srtp.SrtpSuite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Calls between the media engine and baresip (its g711, g722, opus and srtp modules), with sipp carrying
 * the SIP until the phone's user agent exists: for each codec, with and without SRTP, speech goes both ways
 * in real time and what each side heard correlates with what the other said, and our RFC 4733 digits appear
 * in baresip's log.
 */
class BaresipInteropIT {
    // Opus: the delay wanders most there (Concentus decodes at 48 kHz on a shared two-core machine), hence 0.75
    private static final int HOLD_MILLIS = 4000;
    @TempDir
    static Path dir;
    static BaresipCallee baresip;
    static short[] speech;

    @BeforeAll
    static void startPeer() throws Exception {
        short[] once = TestAudio.speech(16000);
        speech = new short[once.length * 4];
        for (int i = 0; i < 4; i++) {
            System.arraycopy(once, 0, speech, i * once.length, once.length);
        }
        Path wav = dir.resolve("speech16k.wav");
        byte[] bytes = new byte[speech.length * 2];
        for (int i = 0; i < speech.length; i++) {
            bytes[2 * i] = (byte) speech[i];
            bytes[2 * i + 1] = (byte) (speech[i] >> 8);
        }
        AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(bytes), new AudioFormat(16000, 16, 1, true, false), speech.length),
                AudioFileFormat.Type.WAVE, wav.toFile());
        baresip = BaresipCallee.start(dir.resolve("baresip"), wav);
        warmUpCodecs();
    }

    /**
     * Runs every codec for a while first: a cold JIT makes the first real-time frames late, the jitter
     * buffers adapt to that, and the first call's delay wanders more than a phone's would.
     */
    static void warmUpCodecs() {
        for (CodecType type : new CodecType[] {CodecType.PCMU, CodecType.PCMA, CodecType.G722, CodecType.OPUS}) {
            var codec = type.open(type.defaultPayloadType(), org.deskphone.media.codec.CodecSettings.DEFAULTS);
            byte[] packet = new byte[1500];
            short[] out = new short[5760];
            int frame = codec.samplesPerPacket(20);
            for (int i = 0; i + frame <= Math.min(speech.length, frame * 1500); i += frame) {
                int n = codec.encoder().encode(speech, i, frame, packet, 0);
                codec.decoder().decode(packet, 0, n, out, 0);
            }
        }
    }

    @AfterAll
    static void stopPeer() throws Exception {
        if (baresip != null) {
            baresip.close();
        }
    }

    @ParameterizedTest(name = "{0} srtp={3}")
    @CsvSource({"PCMU, 0, PCMU/8000, false, 0.8", "PCMA, 8, PCMA/8000, false, 0.8", "G722, 9, G722/8000, false, 0.8",
        "OPUS, 111, opus/48000/2, false, 0.75", "PCMU, 0, PCMU/8000, true, 0.8", "PCMA, 8, PCMA/8000, true, 0.8",
        "G722, 9, G722/8000, true, 0.8", "OPUS, 111, opus/48000/2, true, 0.75"})
    void speechAndDigitsBothWays(CodecType codec, int payloadType, String rtpmap, boolean secure, double minSimilarity) throws Exception {
        int callsBefore = baresip.count("terminated (duration");
        int encodedBefore = baresip.dumps("-enc.wav").size();
        int decodedBefore = baresip.dumps("-dec.wav").size();
        short[] heard;
        StreamStatistics ourStatistics;
        java.util.Map<Character, Integer> eventsBefore = new java.util.HashMap<>();
        for (char d : "159".toCharArray()) {
            eventsBefore.put(d, baresip.count("received event: '" + d + "' (end=1)"));
        }
        java.util.List<String> ourEvents;
        try (TestPhone phone = new TestPhone("deskphone")) {
            MediaStream stream = phone.open();
            SdesKey ours = secure ? SdesKey.generate(SrtpSuite.AES_CM_128_HMAC_SHA1_80, new SecureRandom()) : null;
            try (SippCall call = SippCall.start(dir, baresip.sipPort, secure ? "carol" : "bob", stream.localPort(), payloadType,
                    rtpmap, secure ? ours.toCrypto(1) : null, HOLD_MILLIS)) {
                SippCall.Answer answer = call.awaitAnswer(Duration.ofSeconds(5));
                assertThat(answer.payloadType()).isEqualTo(payloadType);
                assertThat(answer.proto()).isEqualTo(secure ? "RTP/SAVP" : "RTP/AVP");
                SdesKey theirs = secure ? SdesKey.parseCrypto("1 " + answer.suite() + " inline:" + answer.key()) : null;
                StreamParameters parameters = new StreamParameters(new InetSocketAddress(InetAddress.getLoopbackAddress(), answer.port()),
                        null, codec, payloadType, 20, 101, ours, theirs, Direction.SENDRECV, DtmfMode.RFC4733);
                stream.start(parameters);
                phone.device.feed(speech);
                long next = System.nanoTime();
                int frames = (HOLD_MILLIS - 300) / 20;
                for (int f = 0; f < frames; f++) {
                    if (f == 50) {
                        for (char d : "159".toCharArray()) {
                            stream.sendDtmf(d);
                        }
                    }
                    phone.device.tick(1);
                    next += 20_000_000L;
                    LockSupport.parkNanos(next - System.nanoTime());
                }
                assertThat(call.awaitEnd(Duration.ofSeconds(5))).as("sipp saw the call through").isTrue();
                stream.stop();

                StreamStatistics stats = stream.statistics();
                assertThat(stats.srtpRejected()).as("packets that failed SRTP authentication: %s", stats).isZero();
                ourStatistics = stats;
                assertThat(stats.packetsReceived()).as("packets from baresip").isGreaterThan(frames * 8L / 10);

                heard = phone.device.played();
                ourEvents = phone.events();
            }
        }
        baresip.awaitCount("terminated (duration", callsBefore + 1, Duration.ofSeconds(5));
        Thread.sleep(200); // sndfile finishes its WAV headers as the call ends
        var encoded = newest(baresip.dumps("-enc.wav"), encodedBefore);
        var decoded = newest(baresip.dumps("-dec.wav"), decodedBefore);
        short[] baresipSaid = read16k(encoded);
        short[] baresipHeard = read16k(decoded);
        for (char d : "159".toCharArray()) {
            assertThat(baresip.count("received event: '" + d + "' (end=1)")).as("baresip got our digit %s", d)
                    .isGreaterThan(eventsBefore.get(d));
        }
        assertThat(ourEvents).as("no digits came from baresip").isEmpty();
        assertThat(similarity(baresipSaid, heard)).as("we heard what baresip sent (%s); %s", encoded.getFileName(), ourStatistics).isGreaterThan(minSimilarity);
        assertThat(similarity(Arrays.copyOf(speech, heard.length), baresipHeard)).as("baresip heard what we sent").isGreaterThan(minSimilarity);
    }

    /** baresip sends digits (its {@code sndcode} command) as RFC 4733 events; they reach our listener. */
    @ParameterizedTest(name = "srtp={0}")
    @CsvSource({"false", "true"})
    void digitsFromBaresipReachUs(boolean secure) throws Exception {
        try (TestPhone phone = new TestPhone("deskphone")) {
            MediaStream stream = phone.open();
            SdesKey ours = secure ? SdesKey.generate(SrtpSuite.AES_CM_128_HMAC_SHA1_80, new SecureRandom()) : null;
            String user = secure ? "carol" : "bob";
            try (SippCall call = SippCall.start(dir, baresip.sipPort, user, stream.localPort(), 0, "PCMU/8000",
                    secure ? ours.toCrypto(1) : null, 3000)) {
                SippCall.Answer answer = call.awaitAnswer(Duration.ofSeconds(5));
                SdesKey theirs = secure ? SdesKey.parseCrypto("1 " + answer.suite() + " inline:" + answer.key()) : null;
                stream.start(new StreamParameters(new InetSocketAddress(InetAddress.getLoopbackAddress(), answer.port()), null,
                        CodecType.PCMU, 0, 20, 101, ours, theirs, Direction.SENDRECV, DtmfMode.RFC4733));
                java.util.List<String> replies = new java.util.concurrent.CopyOnWriteArrayList<>();
                Thread sender = new Thread(() -> {
                    try {
                        Thread.sleep(800);
                        // sndcode acts on baresip's current user agent: make it the one in this call
                        replies.add(baresip.command("uafind", "sip:" + user + "@127.0.0.1:" + baresip.sipPort));
                        replies.add(baresip.command("sndcode", "7"));
                        Thread.sleep(500);
                        replies.add(baresip.command("sndcode", "#"));
                    } catch (Exception e) {
                        replies.add(e.toString());
                    }
                });
                sender.start();
                long next = System.nanoTime();
                for (int f = 0; f < 125; f++) {
                    phone.device.tick(1);
                    next += 20_000_000L;
                    LockSupport.parkNanos(next - System.nanoTime());
                }
                sender.join();
                assertThat(replies).allSatisfy(r -> assertThat(r).contains("\"ok\":true"));
                assertThat(phone.events()).as("digits baresip sent, stats %s", stream.statistics())
                        .extracting(e -> e.substring(0, 6)).containsExactly("dtmf 7", "dtmf #");
                assertThat(call.awaitEnd(Duration.ofSeconds(5))).isTrue();
            }
        }
    }

    /**
     * The windowed correlation of the two recordings, whichever one is ahead; the delay may wander by 150 ms
     * during the call, as the jitter buffers of both phones adapt to a busy machine in real time.
     */
    static double similarity(short[] a, short[] b) {
        return Math.max(TestAudio.windowedCorrelation(a, b, 16000, 24000, 150), TestAudio.windowedCorrelation(b, a, 16000, 24000, 150));
    }

    static Path newest(java.util.List<Path> dumps, int before) {
        assertThat(dumps).as("baresip's sndfile dumps").hasSizeGreaterThan(before);
        return dumps.get(dumps.size() - 1);
    }

    /** A WAV from baresip's sndfile module, as 16 kHz mono. */
    static short[] read16k(Path wav) throws Exception {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(wav.toFile())) {
            AudioFormat format = in.getFormat();
            byte[] bytes = in.readAllBytes();
            int channels = format.getChannels();
            boolean bigEndian = format.isBigEndian();
            int frames = bytes.length / (2 * channels);
            short[] mono = new short[frames];
            for (int i = 0; i < frames; i++) {
                int at = i * 2 * channels;
                mono[i] = bigEndian ? (short) ((bytes[at] << 8) | (bytes[at + 1] & 0xff)) : (short) ((bytes[at] & 0xff) | (bytes[at + 1] << 8));
            }
            int rate = Math.round(format.getSampleRate());
            if (rate == 16000) {
                return mono;
            }
            Resampler resampler = new Resampler(rate, 16000, mono.length);
            short[] out = new short[(int) ((long) mono.length * 16000 / rate) + 1];
            return Arrays.copyOf(out, resampler.process(mono, 0, mono.length, out, 0));
        }
    }
}
