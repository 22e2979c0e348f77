package org.deskphone.media.srtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SrtpContextTest {

    static SdesKey key(SrtpSuite suite) {
        byte[] material = new byte[suite.keyLength() + 14];
        for (int i = 0; i < material.length; i++) {
            material[i] = (byte) (i * 7 + 1);
        }
        return new SdesKey(suite, Arrays.copyOf(material, suite.keyLength()), Arrays.copyOfRange(material, suite.keyLength(), material.length));
    }

    static byte[] rtp(int seq, long ssrc, int payloadLength) {
        byte[] packet = new byte[12 + payloadLength + 10];
        packet[0] = (byte) 0x80;
        packet[2] = (byte) (seq >> 8);
        packet[3] = (byte) seq;
        long ts = seq * 160L;
        packet[4] = (byte) (ts >> 24);
        packet[5] = (byte) (ts >> 16);
        packet[6] = (byte) (ts >> 8);
        packet[7] = (byte) ts;
        packet[8] = (byte) (ssrc >> 24);
        packet[9] = (byte) (ssrc >> 16);
        packet[10] = (byte) (ssrc >> 8);
        packet[11] = (byte) ssrc;
        for (int i = 0; i < payloadLength; i++) {
            packet[12 + i] = (byte) (seq + i);
        }
        return packet;
    }

    @ParameterizedTest
    @EnumSource(SrtpSuite.class)
    void protectsAndUnprotectsAcrossASequenceNumberWrap(SrtpSuite suite) {
        SrtpContext sender = new SrtpContext(key(suite));
        SrtpContext receiver = new SrtpContext(key(suite));
        for (int n = 0; n < 300; n++) {
            int seq = (65400 + n) & 0xffff;
            byte[] plain = rtp(seq, 0x11223344L, 160);
            byte[] packet = plain.clone();
            int length = sender.protect(packet, 0, 172);
            assertThat(length).isEqualTo(172 + suite.rtpTagLength());
            assertThat(Arrays.copyOfRange(packet, 12, 172)).isNotEqualTo(Arrays.copyOfRange(plain, 12, 172));
            assertThat(receiver.unprotect(packet, 0, length)).as("seq %d", seq).isEqualTo(172);
            assertThat(Arrays.copyOf(packet, 172)).isEqualTo(Arrays.copyOf(plain, 172));
        }
    }

    @ParameterizedTest
    @EnumSource(SrtpSuite.class)
    void refusesTamperingReplayAndTheWrongKey(SrtpSuite suite) {
        SrtpContext sender = new SrtpContext(key(suite));
        SrtpContext receiver = new SrtpContext(key(suite));
        byte[] packet = rtp(1000, 42, 160);
        int length = sender.protect(packet, 0, 172);
        byte[] copy = packet.clone();
        byte[] tampered = packet.clone();
        tampered[20] ^= 1;
        assertThat(receiver.unprotect(tampered, 0, length)).isEqualTo(SrtpContext.AUTHENTICATION_FAILED);
        assertThat(receiver.unprotect(packet, 0, length)).isEqualTo(172);
        assertThat(receiver.unprotect(copy, 0, length)).isEqualTo(SrtpContext.REPLAYED);

        SdesKey other = SdesKey.generate(suite, new java.security.SecureRandom());
        byte[] foreign = rtp(1001, 42, 160);
        int foreignLength = new SrtpContext(other).protect(foreign, 0, 172);
        assertThat(receiver.unprotect(foreign, 0, foreignLength)).isEqualTo(SrtpContext.AUTHENTICATION_FAILED);
        assertThat(receiver.unprotect(packet, 0, 3)).isEqualTo(SrtpContext.MALFORMED);
    }

    @ParameterizedTest
    @EnumSource(SrtpSuite.class)
    void acceptsReorderedPacketsInsideTheWindowOnly(SrtpSuite suite) {
        SrtpContext sender = new SrtpContext(key(suite));
        SrtpContext receiver = new SrtpContext(key(suite));
        byte[][] sent = new byte[300][];
        for (int seq = 0; seq < 300; seq++) {
            sent[seq] = rtp(seq, 7, 20);
            sender.protect(sent[seq], 0, 32);
        }
        int tag = suite.rtpTagLength();
        assertThat(receiver.unprotect(sent[299].clone(), 0, 32 + tag)).isEqualTo(32);
        assertThat(receiver.unprotect(sent[250].clone(), 0, 32 + tag)).as("49 behind").isEqualTo(32);
        assertThat(receiver.unprotect(sent[172].clone(), 0, 32 + tag)).as("127 behind").isEqualTo(32);
        assertThat(receiver.unprotect(sent[171].clone(), 0, 32 + tag)).as("128 behind").isEqualTo(SrtpContext.REPLAYED);
    }

    @ParameterizedTest
    @EnumSource(SrtpSuite.class)
    void aNewSenderIsAdoptedOnlyOnceItAuthenticates(SrtpSuite suite) {
        SrtpContext receiver = new SrtpContext(key(suite));
        SrtpContext first = new SrtpContext(key(suite));
        SrtpContext second = new SrtpContext(key(suite));
        int tag = suite.rtpTagLength();
        byte[] a = rtp(40000, 1, 20);
        first.protect(a, 0, 32);
        assertThat(receiver.unprotect(a, 0, 32 + tag)).isEqualTo(32);
        byte[] forged = rtp(5, 2, 20);
        forged[12] = 99;
        assertThat(receiver.unprotect(forged, 0, 32 + tag)).isEqualTo(SrtpContext.AUTHENTICATION_FAILED);
        byte[] b = rtp(5, 2, 20);
        second.protect(b, 0, 32);
        assertThat(receiver.unprotect(b, 0, 32 + tag)).isEqualTo(32);
        byte[] b2 = rtp(6, 2, 20);
        second.protect(b2, 0, 32);
        assertThat(receiver.unprotect(b2, 0, 32 + tag)).isEqualTo(32);
    }

    @ParameterizedTest
    @EnumSource(SrtpSuite.class)
    void srtcpRoundTrip(SrtpSuite suite) {
        SrtcpContext sender = new SrtcpContext(key(suite));
        SrtcpContext receiver = new SrtcpContext(key(suite));
        byte[] rr = new byte[32 + SrtcpContext.OVERHEAD];
        rr[0] = (byte) 0x81;
        rr[1] = (byte) 201;
        rr[3] = 7;
        rr[4] = 0x11;
        for (int i = 8; i < 32; i++) {
            rr[i] = (byte) i;
        }
        byte[] plain = Arrays.copyOf(rr, 32);
        int length = sender.protect(rr, 0, 32);
        assertThat(length).isEqualTo(32 + 14);
        byte[] replay = rr.clone();
        assertThat(receiver.unprotect(rr, 0, length)).isEqualTo(32);
        assertThat(Arrays.copyOf(rr, 32)).isEqualTo(plain);
        assertThat(receiver.unprotect(replay, 0, length)).isEqualTo(SrtpContext.REPLAYED);
    }
}
