package org.deskphone.media.srtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.deskphone.testing.ExternalTool;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What we protect, libsrtp2 unprotects, and the other way round, for every suite, for RTP across a
 * sequence-number wrap and for SRTCP. The peer is tools/bench/native/srtp_peer.c, built here with gcc.
 * Since both sides are deterministic, the protected bytes must also be identical.
 */
class LibsrtpCrossCheckTest {
    static Path peer;

    @BeforeAll
    static void build() throws Exception {
        String gcc = ExternalTool.require("gcc", "gcc").toString();
        ExternalTool.requireFile(Path.of("/usr/include/srtp2/srtp.h"), "libsrtp2-dev");
        Path source = Path.of("tools", "bench", "native", "srtp_peer.c").toAbsolutePath();
        peer = Path.of("target", "srtp_peer").toAbsolutePath();
        Files.createDirectories(peer.getParent());
        ExternalTool.run(Duration.ofSeconds(60), List.of(gcc, "-O2", "-o", peer.toString(), source.toString(), "-lsrtp2"));
    }

    private static List<byte[]> libsrtp(String mode, SdesKey key, List<byte[]> packets) throws Exception {
        String hex = HexFormat.of().formatHex(key.masterKey()) + HexFormat.of().formatHex(key.masterSalt());
        Process process = new ProcessBuilder(peer.toString(), mode, key.suite().sdesName(), hex)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        ByteArrayOutputStream framed = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(framed);
        for (byte[] packet : packets) {
            out.writeShort(packet.length);
            out.write(packet);
        }
        process.getOutputStream().write(framed.toByteArray());
        process.getOutputStream().close();
        List<byte[]> result = new ArrayList<>();
        DataInputStream in = new DataInputStream(process.getInputStream());
        for (int i = 0; i < packets.size(); i++) {
            int length = in.readUnsignedShort();
            result.add(length == 0xFFFF ? null : in.readNBytes(length));
        }
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        return result;
    }

    @ParameterizedTest
    @EnumSource(SrtpSuite.class)
    void rtpBothWays(SrtpSuite suite) throws Exception {
        SdesKey key = SdesKey.generate(suite, new java.security.SecureRandom());
        List<byte[]> plain = new ArrayList<>();
        for (int n = 0; n < 400; n++) {
            int seq = (65300 + n) & 0xffff;
            plain.add(Arrays.copyOf(SrtpContextTest.rtp(seq, 0x5eed1234L, 160), 172));
        }
        SrtpContext ours = new SrtpContext(key);
        List<byte[]> oursProtected = new ArrayList<>();
        for (byte[] p : plain) {
            byte[] buffer = Arrays.copyOf(p, 172 + 10);
            oursProtected.add(Arrays.copyOf(buffer, ours.protect(buffer, 0, 172)));
        }
        List<byte[]> theirsProtected = libsrtp("protect", key, plain);
        for (int i = 0; i < plain.size(); i++) {
            assertThat(oursProtected.get(i)).as("packet %d", i).isEqualTo(theirsProtected.get(i));
        }
        List<byte[]> theirsUnprotected = libsrtp("unprotect", key, oursProtected);
        SrtpContext receiver = new SrtpContext(key);
        for (int i = 0; i < plain.size(); i++) {
            assertThat(theirsUnprotected.get(i)).as("libsrtp unprotecting our packet %d", i).isEqualTo(plain.get(i));
            byte[] buffer = theirsProtected.get(i).clone();
            int length = receiver.unprotect(buffer, 0, buffer.length);
            assertThat(Arrays.copyOf(buffer, Math.max(0, length))).as("us unprotecting libsrtp's packet %d", i).isEqualTo(plain.get(i));
        }
    }

    @ParameterizedTest
    @EnumSource(SrtpSuite.class)
    void srtcpBothWays(SrtpSuite suite) throws Exception {
        SdesKey key = SdesKey.generate(suite, new java.security.SecureRandom());
        List<byte[]> plain = new ArrayList<>();
        for (int n = 0; n < 20; n++) {
            byte[] sr = new byte[52];
            sr[0] = (byte) 0x81;
            sr[1] = (byte) 200;
            sr[3] = 12;
            sr[4] = 0x5e;
            sr[5] = (byte) 0xed;
            for (int i = 8; i < sr.length; i++) {
                sr[i] = (byte) (n * 31 + i);
            }
            plain.add(sr);
        }
        SrtcpContext ours = new SrtcpContext(key);
        List<byte[]> oursProtected = new ArrayList<>();
        for (byte[] p : plain) {
            byte[] buffer = Arrays.copyOf(p, p.length + SrtcpContext.OVERHEAD);
            oursProtected.add(Arrays.copyOf(buffer, ours.protect(buffer, 0, p.length)));
        }
        List<byte[]> theirsProtected = libsrtp("protect-rtcp", key, plain);
        List<byte[]> theirsUnprotected = libsrtp("unprotect-rtcp", key, oursProtected);
        SrtcpContext receiver = new SrtcpContext(key);
        for (int i = 0; i < plain.size(); i++) {
            assertThat(oursProtected.get(i)).as("SRTCP packet %d", i).isEqualTo(theirsProtected.get(i));
            assertThat(theirsUnprotected.get(i)).as("libsrtp unprotecting our SRTCP %d", i).isEqualTo(plain.get(i));
            byte[] buffer = theirsProtected.get(i).clone();
            int length = receiver.unprotect(buffer, 0, buffer.length);
            assertThat(Arrays.copyOf(buffer, Math.max(0, length))).isEqualTo(plain.get(i));
        }
    }
}
