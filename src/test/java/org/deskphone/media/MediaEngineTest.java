package org.deskphone.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import org.deskphone.media.codec.CodecType;
import org.deskphone.media.rtp.RtpPacket;
import org.deskphone.media.srtp.SdesKey;
import org.deskphone.media.srtp.SrtpSuite;
import org.deskphone.media.tones.CountryTones;
import org.deskphone.media.tones.ToneKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Two (or three) engines calling each other over loopback UDP, with in-memory sound cards. */
class MediaEngineTest {
    private final SecureRandom random = new SecureRandom();
    private TestPhone alice;
    private TestPhone bob;
    private TestPhone carol;

    @AfterEach
    void hangUp() {
        for (TestPhone phone : new TestPhone[] {alice, bob, carol}) {
            if (phone != null) {
                phone.close();
            }
        }
    }

    private static InetSocketAddress at(MediaStream stream) {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), stream.localPort());
    }

    /** Connects a to b both ways with {@code codec}, optionally with SRTP of {@code suite}. */
    private MediaStream[] connect(TestPhone a, TestPhone b, CodecType codec, SrtpSuite suite) throws Exception {
        MediaStream sa = a.open();
        MediaStream sb = b.open();
        StreamParameters toB = StreamParameters.plain(at(sb), codec);
        StreamParameters toA = StreamParameters.plain(at(sa), codec);
        if (suite != null) {
            SdesKey keyA = SdesKey.generate(suite, random);
            SdesKey keyB = SdesKey.generate(suite, random);
            toB = toB.withKeys(keyA, keyB);
            toA = toA.withKeys(keyB, keyA);
        }
        sa.start(toB);
        sb.start(toA);
        return new MediaStream[] {sa, sb};
    }

    private static short[] speech(int rate, int seconds) {
        return Arrays.copyOf(TestAudio.speech(rate), rate * seconds);
    }

    @ParameterizedTest(name = "{0} srtp={1}")
    @CsvSource({"PCMU, , 0.97", "PCMA, , 0.97", "G722, , 0.98", "G726_32, , 0.97", "G726_16, , 0.9", "OPUS, , 0.9",
        "PCMU, AES_CM_128_HMAC_SHA1_80, 0.97", "PCMA, AES_CM_128_HMAC_SHA1_32, 0.97", "G722, AES_256_CM_HMAC_SHA1_80, 0.98",
        "OPUS, AES_256_CM_HMAC_SHA1_32, 0.9"})
    void speechArrivesOnBothSides(CodecType codec, SrtpSuite suite, double minCorrelation) throws Exception {
        alice = new TestPhone("alice");
        bob = new TestPhone("bob");
        MediaStream[] call = connect(alice, bob, codec, suite);
        short[] aliceSays = speech(alice.rate(), 4);
        short[] bobSays = Arrays.copyOfRange(TestAudio.speech(bob.rate()), bob.rate() * 4, bob.rate() * 8);
        alice.device.feed(aliceSays);
        bob.device.feed(bobSays);
        new Wire().phones(alice, bob).link(call[0], call[1]).link(call[1], call[0]).run(220);

        for (Object[] side : new Object[][] {{aliceSays, bob}, {bobSays, alice}}) {
            short[] said = (short[]) side[0];
            short[] heard = ((TestPhone) side[1]).device.played();
            int lag = TestAudio.bestLag(said, heard, 8000, 16000);
            double correlation = TestAudio.windowedCorrelation(said, heard, 16000, 8000);
            assertThat(lag).as("mouth-to-ear delay in samples at 16 kHz").isBetween(320, 4800);
            assertThat(correlation).as("%s heard what was said through %s", ((TestPhone) side[1]).name, codec).isGreaterThan(minCorrelation);
        }
        StreamStatistics stats = call[1].statistics();
        assertThat(stats.packetsReceived()).isBetween(200L, 230L);
        assertThat(stats.srtpRejected()).isZero();
        assertThat(stats.jitterBuffer().concealed()).isLessThan(3);
    }

    @Test
    void aWrongSrtpKeyIsRefusedAndNothingIsHeard() throws Exception {
        alice = new TestPhone("alice");
        bob = new TestPhone("bob");
        MediaStream sa = alice.open();
        MediaStream sb = bob.open();
        SdesKey real = SdesKey.generate(SrtpSuite.AES_CM_128_HMAC_SHA1_80, random);
        SdesKey other = SdesKey.generate(SrtpSuite.AES_CM_128_HMAC_SHA1_80, random);
        sa.start(StreamParameters.plain(at(sb), CodecType.PCMU).withKeys(real, real));
        sb.start(StreamParameters.plain(at(sa), CodecType.PCMU).withKeys(real, other));
        alice.device.feed(speech(16000, 2));
        new Wire().phones(alice, bob).run(50);
        Thread.sleep(50);
        bob.device.tick(1);
        assertThat(sb.statistics().srtpRejected()).isGreaterThan(40);
        assertThat(sb.packetsReceived()).isZero();
        short[] heard = bob.device.played();
        assertThat(TestAudio.rms(heard, 0, heard.length)).isZero();
    }

    @Test
    void rfc4733DigitsReachTheOtherSideOnce() throws Exception {
        alice = new TestPhone("alice");
        bob = new TestPhone("bob");
        MediaStream[] call = connect(alice, bob, CodecType.PCMU, SrtpSuite.AES_CM_128_HMAC_SHA1_80);
        for (char d : "159#".toCharArray()) {
            assertThat(call[0].sendDtmf(d)).isTrue();
        }
        new Wire().phones(alice, bob).link(call[0], call[1]).run(100);
        assertThat(bob.events()).containsExactly("dtmf 1 100", "dtmf 5 100", "dtmf 9 100", "dtmf # 100");
        assertThat(alice.events()).isEmpty();
    }

    @Test
    void inBandDigitsAreHeardAndDetected() throws Exception {
        alice = new TestPhone("alice");
        bob = new TestPhone("bob");
        MediaStream sa = alice.open();
        MediaStream sb = bob.open();
        sa.start(StreamParameters.plain(at(sb), CodecType.PCMA).withDtmf(DtmfMode.INBAND, -1));
        sb.start(StreamParameters.plain(at(sa), CodecType.PCMA).withDtmf(DtmfMode.INBAND, -1));
        for (char d : "*0D".toCharArray()) {
            sa.sendDtmf(d);
        }
        new Wire().phones(alice, bob).link(sa, sb).run(120);
        assertThat(bob.events()).extracting(e -> e.substring(0, 6)).containsExactly("dtmf *", "dtmf 0", "dtmf D");
    }

    @Test
    void holdMuteAndResume() throws Exception {
        alice = new TestPhone("alice");
        bob = new TestPhone("bob");
        MediaStream[] call = connect(alice, bob, CodecType.G722, null);
        alice.device.feed(speech(16000, 6));
        Wire wire = new Wire().phones(alice, bob).link(call[0], call[1]);
        wire.run(50);
        long before = call[1].packetsReceived();
        assertThat(before).isGreaterThan(40);

        call[0].setDirection(Direction.INACTIVE); // alice holds: nothing sent
        wire.run(50);
        long held = call[1].packetsReceived();
        assertThat(held - before).as("packets while held").isLessThan(3);

        call[0].setDirection(Direction.SENDRECV);
        call[0].setMuted(true);
        int from = bob.device.played().length;
        wire.run(60);
        assertThat(call[1].packetsReceived() - held).as("muted still sends").isGreaterThan(50);
        short[] heard = bob.device.played();
        assertThat(TestAudio.rms(heard, from + 16000 / 5, heard.length)).as("but silence").isLessThan(5);

        call[0].setMuted(false);
        int unmuted = bob.device.played().length;
        wire.run(60);
        heard = bob.device.played();
        assertThat(TestAudio.rms(heard, unmuted + 16000 / 5, heard.length)).as("speech again").isGreaterThan(300);
    }

    @Test
    void changesCodecMidCall() throws Exception {
        alice = new TestPhone("alice");
        bob = new TestPhone("bob");
        MediaStream[] call = connect(alice, bob, CodecType.PCMU, null);
        short[] said = speech(16000, 5);
        alice.device.feed(said);
        Wire wire = new Wire().phones(alice, bob).link(call[0], call[1]).link(call[1], call[0]);
        wire.run(80);
        call[0].update(StreamParameters.plain(at(call[1]), CodecType.OPUS));
        call[1].update(StreamParameters.plain(at(call[0]), CodecType.OPUS));
        wire.run(150);
        assertThat(call[1].parameters().codec()).isEqualTo(CodecType.OPUS);
        short[] heard = bob.device.played();
        short[] late = Arrays.copyOfRange(said, 16000 * 2, 16000 * 4);
        short[] heardLate = Arrays.copyOfRange(heard, 16000 * 2, heard.length);
        assertThat(TestAudio.windowedCorrelation(late, heardLate, 16000, 8000)).as("speech after the switch to Opus").isGreaterThan(0.6);
    }

    @Test
    void reportsSsrcChangesAndMediaTimeout() throws Exception {
        alice = new TestPhone("alice", MediaSettingsFor.tests().withRtpTimeout(1));
        MediaStream stream = alice.open();
        try (DatagramSocket far = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            stream.start(StreamParameters.plain(new InetSocketAddress(InetAddress.getLoopbackAddress(), far.getLocalPort()), CodecType.PCMU));
            byte[] packet = new byte[172];
            for (int i = 0; i < 40; i++) {
                long ssrc = i < 20 ? 0x1111 : 0x2222;
                RtpPacket.writeHeader(packet, 0, 0, false, i, i * 160L, ssrc);
                far.send(new DatagramPacket(packet, packet.length, InetAddress.getLoopbackAddress(), stream.localPort()));
                long deadline = System.nanoTime() + 50_000_000L;
                while (stream.packetsArrived() <= i && System.nanoTime() < deadline) {
                    Thread.onSpinWait();
                }
                alice.device.tick(1);
            }
            assertThat(alice.events()).containsExactly("ssrc 1111 -> 2222");
            alice.device.tick(60); // 1.2 s of media time without packets
            assertThat(alice.events()).containsExactly("ssrc 1111 -> 2222", "timeout 1");
            RtpPacket.writeHeader(packet, 0, 0, false, 40, 40 * 160L, 0x2222);
            far.send(new DatagramPacket(packet, packet.length, InetAddress.getLoopbackAddress(), stream.localPort()));
            long deadline = System.nanoTime() + 500_000_000L;
            while (stream.packetsArrived() <= 40 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            alice.device.tick(1);
            assertThat(alice.events()).endsWith("resumed");
            assertThat(stream.statistics().remoteSsrc()).isEqualTo(0x2222);
        }
    }

    /** Seed L8356-8371: the phone hosts a three-way conference; each party hears the other two. */
    @Test
    void localConferenceLetsTheGuestsHearEachOther() throws Exception {
        alice = new TestPhone("alice");
        bob = new TestPhone("bob");
        carol = new TestPhone("carol");
        MediaStream[] withBob = connect(alice, bob, CodecType.G722, null);
        MediaStream[] withCarol = connect(alice, carol, CodecType.PCMU, SrtpSuite.AES_CM_128_HMAC_SHA1_80);
        alice.engine.conference(List.of(withBob[0], withCarol[0]));
        short[] bobSays = speech(16000, 4);
        bob.device.feed(bobSays);
        new Wire().phones(alice, bob, carol)
                .link(withBob[1], withBob[0]).link(withBob[0], withBob[1])
                .link(withCarol[1], withCarol[0]).link(withCarol[0], withCarol[1])
                .run(200);
        short[] carolHeard = carol.device.played();
        assertThat(TestAudio.windowedCorrelation(bobSays, carolHeard, 16000, 12000)).as("carol hears bob through alice").isGreaterThan(0.8);
        short[] aliceHeard = alice.device.played();
        assertThat(TestAudio.windowedCorrelation(bobSays, aliceHeard, 16000, 8000)).as("alice hears bob").isGreaterThan(0.9);
        short[] bobHeard = bob.device.played();
        assertThat(TestAudio.rms(bobHeard, 0, bobHeard.length)).as("bob does not hear himself").isLessThan(50);
    }

    @Test
    void theConferenceHasThePartyLimitOfTheManual() throws Exception {
        alice = new TestPhone("alice", MediaSettingsFor.tests().withPartyMax(3));
        MediaStream a = alice.open();
        MediaStream b = alice.open();
        MediaStream c = alice.open();
        assertThatThrownBy(() -> alice.engine.conference(List.of(a, b, c))).hasMessageContaining("holds 3 parties");
        alice.engine.conference(List.of(a, b));
    }

    @Test
    void playsTonesOnTheSpeakerAndClosesTheCardWhenIdle() {
        alice = new TestPhone("alice");
        alice.engine.playTone(CountryTones.tone("us", ToneKind.DIAL));
        assertThat(alice.device.isOpen()).isTrue();
        alice.device.tick(50);
        short[] heard = alice.device.played();
        assertThat(TestAudio.rms(heard, 0, heard.length)).isGreaterThan(3000);
        alice.engine.stopTone();
        assertThat(alice.device.isOpen()).isFalse();
    }

    /** ALE SettingAudiodiffserv (seed L1662) and Yealink network.qos.rtptos (L3103): voice is marked EF (46). */
    @Test
    void voicePacketsCarryTheConfiguredDscp() throws Exception {
        alice = new TestPhone("alice");
        assertThat(alice.open().transport().typeOfService()).isEqualTo(46 << 2);
    }

    /** Symmetric RTP: we send to where the far end's packets come from, not only to what its SDP said. */
    @Test
    void sendsBackToWhereThePacketsComeFrom() throws Exception {
        alice = new TestPhone("alice");
        MediaStream stream = alice.open();
        try (DatagramSocket far = new DatagramSocket(0, InetAddress.getLoopbackAddress());
                DatagramSocket announced = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            stream.start(StreamParameters.plain(new InetSocketAddress(InetAddress.getLoopbackAddress(), announced.getLocalPort()),
                    CodecType.PCMU));
            byte[] packet = new byte[172];
            RtpPacket.writeHeader(packet, 0, 0, false, 1, 160, 0x4242);
            far.send(new DatagramPacket(packet, packet.length, InetAddress.getLoopbackAddress(), stream.localPort()));
            long deadline = System.nanoTime() + 500_000_000L;
            while (stream.packetsArrived() < 1 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            alice.device.tick(5);
            far.setSoTimeout(1000);
            DatagramPacket back = new DatagramPacket(new byte[1500], 1500);
            far.receive(back);
            assertThat(back.getLength()).isEqualTo(172);
            assertThat(RtpPacket.payloadType(back.getData(), 0)).isZero();
        }
    }

    @Test
    void aRangeWithoutFreePortsIsAClearError() throws Exception {
        alice = new TestPhone("alice", MediaSettingsFor.tests().withPorts(new PortRange(41990, 41991)));
        MediaStream first = alice.open();
        assertThat(first.localPort()).isEqualTo(41990);
        assertThatThrownBy(() -> alice.open()).hasMessageContaining("no free RTP port pair in 41990-41991");
        first.stop();
        assertThat(alice.events()).isEmpty();
        assertThat(alice.stopped).hasSize(1);
        assertThat(alice.open().localPort()).isEqualTo(41990);
    }
}
