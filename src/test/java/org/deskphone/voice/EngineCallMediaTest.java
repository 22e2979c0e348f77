package org.deskphone.voice;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.locks.LockSupport;
import org.deskphone.hal.mock.MemoryAudioDevice;
import org.deskphone.loop.PhoneLoop;
import org.deskphone.loop.VirtualClock;
import org.deskphone.media.MediaSettings;
import org.deskphone.media.PortRange;
import org.deskphone.media.StreamParameters;
import org.deskphone.media.codec.CodecSettings;
import org.deskphone.media.codec.OpusBandwidth;
import org.deskphone.sip.AudioSession;
import org.deskphone.sip.CodecFormat;
import org.deskphone.sip.CodecPreferences;
import org.deskphone.sip.MediaChannel;
import org.deskphone.sip.MediaDirection;
import org.deskphone.sip.MediaDtmf;
import org.deskphone.sip.MediaEvents;
import org.deskphone.sip.MediaStatistics;
import org.deskphone.sip.SrtpKeys;
import org.deskphone.sip.SrtpSuite;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The SIP user agent's media seam on the engine, without SIP: what the adapter offers for an account's
 * codecs, how an agreement becomes the engine's stream parameters, and two adapters calling each other over
 * loopback with the keys and DTMF paths the seam hands over, their events arriving on the phone loop.
 */
class EngineCallMediaTest {
    private final List<Side> sides = new ArrayList<>();

    /** One phone's media: an in-memory sound card, a loop on a virtual clock, the adapter, what its channel reported. */
    private final class Side implements MediaEvents {
        final MemoryAudioDevice device = new MemoryAudioDevice();
        final PhoneLoop loop = new PhoneLoop(new VirtualClock(Instant.parse("2026-11-22T12:00:00Z")));
        final EngineCallMedia media;
        final List<Character> digits = new ArrayList<>();
        final List<String> failures = new ArrayList<>();
        MediaChannel channel;

        Side() {
            media = new EngineCallMedia(device, loop, MediaSettings.defaults(InetAddress.getLoopbackAddress())
                    .withPorts(new PortRange(44000, 44999)));
            sides.add(this);
        }

        MediaChannel open(InetAddress local, CodecPreferences codecs) throws Exception {
            channel = media.open(local, codecs, this);
            return channel;
        }

        @Override
        public void dtmf(char digit) {
            digits.add(digit);
        }

        @Override
        public void failed(String reason) {
            failures.add(reason);
        }
    }

    @AfterEach
    void hangUp() {
        for (Side side : sides) {
            side.media.close();
            side.loop.runPending();
        }
    }

    @Test
    void offersTheAccountsCodecsInItsOrderWithItsPayloadTypes() {
        // G.729 is not carried; Opus takes the account's payload type; G.726-32's asked type is telephone-event's.
        CodecPreferences account = new CodecPreferences(List.of(9, 125, 113, 18, 0), Map.of(125, 107, 113, 101), 2, 101);
        List<CodecFormat> offer = EngineCallMedia.offer(account, new CodecSettings(OpusBandwidth.SUPER_WIDEBAND, 24000, 5, 107));
        assertThat(offer).extracting(CodecFormat::rtpmap).containsExactly("G722/8000", "opus/48000/2", "G726-32/8000", "PCMU/8000");
        assertThat(offer).extracting(CodecFormat::payloadType).containsExactly(9, 107, 96, 0);
        assertThat(offer.get(1).fmtp()).get().asString().contains("maxplaybackrate=48000");
    }

    @Test
    void anAgreementBecomesTheEnginesParameters() {
        SecureRandom random = new SecureRandom();
        byte[] ours = new byte[30];
        byte[] theirs = new byte[30];
        random.nextBytes(ours);
        random.nextBytes(theirs);
        AudioSession agreed = new AudioSession(new CodecFormat("opus", 48000, 2, 111, Optional.empty()), 40,
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 40000), MediaDirection.SENDONLY, OptionalInt.of(100),
                Optional.of(new SrtpKeys(SrtpSuite.AES_CM_128_HMAC_SHA1_80, ours, theirs)));
        StreamParameters p = EngineCallMedia.parameters(agreed, MediaDtmf.RFC4733);
        assertThat(p.codec().encodingName()).isEqualTo("opus");
        assertThat(p.payloadType()).isEqualTo(111);
        assertThat(p.ptimeMillis()).as("Opus frames stop at 20 ms").isEqualTo(20);
        assertThat(p.telephoneEventPayloadType()).isEqualTo(100);
        assertThat(p.dtmfMode()).isEqualTo(org.deskphone.media.DtmfMode.RFC4733);
        assertThat(p.direction()).isEqualTo(org.deskphone.media.Direction.SENDONLY);
        assertThat(p.sendKey().toCrypto(1)).isEqualTo("1 AES_CM_128_HMAC_SHA1_80 inline:" + java.util.Base64.getEncoder().encodeToString(ours));
        assertThat(p.receiveKey().toCrypto(1)).endsWith(java.util.Base64.getEncoder().encodeToString(theirs));
        assertThat(EngineCallMedia.parameters(agreed.withDirection(MediaDirection.SENDRECV), MediaDtmf.NONE).dtmfMode())
                .isEqualTo(org.deskphone.media.DtmfMode.NONE);
    }

    @ParameterizedTest
    @EnumSource(value = MediaDtmf.class, names = {"RFC4733", "INBAND"})
    void twoPhonesTalkOverSrtpAndTheirDigitsArriveOnThePhoneLoop(MediaDtmf dtmf) throws Exception {
        Side alice = new Side();
        Side bob = new Side();
        InetAddress local = InetAddress.getLoopbackAddress();
        MediaChannel a = alice.open(local, CodecPreferences.DEFAULT);
        MediaChannel b = bob.open(local, CodecPreferences.DEFAULT);
        byte[] aliceKey = new byte[30];
        byte[] bobKey = new byte[30];
        new SecureRandom().nextBytes(aliceKey);
        new SecureRandom().nextBytes(bobKey);
        CodecFormat pcmu = a.codecs().get(0);
        a.start(session(pcmu, b.localPort(), new SrtpKeys(SrtpSuite.AES_CM_128_HMAC_SHA1_32, aliceKey, bobKey)), dtmf);
        b.start(session(pcmu, a.localPort(), new SrtpKeys(SrtpSuite.AES_CM_128_HMAC_SHA1_32, bobKey, aliceKey)), dtmf);
        run(alice, bob, 30);
        assertThat(a.sendDtmf('7')).isTrue();
        assertThat(b.sendDtmf('#')).isTrue();
        run(alice, bob, 60);
        assertThat(alice.digits).as("nothing reaches the channel's events until its phone loop runs").isEmpty();
        assertThat(bob.digits).isEmpty();
        alice.loop.runPending();
        bob.loop.runPending();

        assertThat(bob.digits).as("digits at bob, posted to his loop").containsExactly('7');
        assertThat(alice.digits).as("digits at alice").containsExactly('#');
        MediaStatistics atBob = b.statistics();
        assertThat(atBob.codec()).isEqualTo("PCMU/8000");
        assertThat(atBob.srtp()).isEqualTo("AES_CM_128_HMAC_SHA1_32");
        assertThat(atBob.packetsReceived()).as("packets bob could unprotect with alice's key").isGreaterThan(60);
        assertThat(a.statistics().packetsReceived()).isGreaterThan(60);
        assertThat(alice.failures).isEmpty();
    }

    @Test
    void aChannelBindsWhereItsCallRunsOverIpv6() throws Exception {
        Side alice = new Side();
        Side bob = new Side();
        InetAddress v6 = InetAddress.getByName("::1");
        MediaChannel a = alice.open(v6, CodecPreferences.DEFAULT);
        MediaChannel b = bob.open(v6, CodecPreferences.DEFAULT);
        a.start(new AudioSession(a.codecs().get(0), 20, new InetSocketAddress(v6, b.localPort()), MediaDirection.SENDRECV,
                OptionalInt.of(101), Optional.empty()), MediaDtmf.RFC4733);
        b.start(new AudioSession(b.codecs().get(0), 20, new InetSocketAddress(v6, a.localPort()), MediaDirection.SENDRECV,
                OptionalInt.of(101), Optional.empty()), MediaDtmf.RFC4733);
        run(alice, bob, 40);
        assertThat(b.statistics().packetsReceived()).isGreaterThan(20);
        assertThat(a.statistics().srtp()).isEqualTo("none");
        b.close();
        b.close();
        assertThat(b.sendDtmf('1')).as("a closed channel sends nothing").isFalse();
    }

    private static AudioSession session(CodecFormat codec, int remotePort, SrtpKeys keys) {
        return new AudioSession(codec, 20, new InetSocketAddress(InetAddress.getLoopbackAddress(), remotePort), MediaDirection.SENDRECV,
                OptionalInt.of(101), Optional.of(keys));
    }

    /** Both sound cards tick a frame at a time; the sockets get a moment between frames. */
    private static void run(Side a, Side b, int frames) {
        for (int f = 0; f < frames; f++) {
            a.device.tick(1);
            b.device.tick(1);
            LockSupport.parkNanos(2_000_000L);
        }
    }
}
