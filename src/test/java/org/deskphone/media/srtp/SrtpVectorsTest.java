package org.deskphone.media.srtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The published test vectors: RFC 3711 Appendix B, RFC 6188 §7, RFC 2202 (HMAC-SHA1). */
class SrtpVectorsTest {
    private static final HexFormat HEX = HexFormat.of();

    private static byte[] hex(String s) {
        return HEX.parseHex(s.replace(" ", "").toLowerCase());
    }

    @Test
    void rfc3711B2AesCounterModeKeystream() {
        AesCounterMode aes = new AesCounterMode(hex("2B7E151628AED2A6ABF7158809CF4F3C"));
        byte[] out = new byte[48];
        aes.keystream(hex("F0F1F2F3F4F5F6F7F8F9FAFBFCFD0000"), out, 48);
        assertThat(HEX.formatHex(out)).isEqualToIgnoringCase(
                "E03EAD0935C95E80E166B16DD92B4EB4D23513162B02D0F72A43A2FE4A5F97AB41E95B3BB0A2E8DD477901E4FCA894C0");
        byte[] last = new byte[16];
        aes.keystream(hex("F0F1F2F3F4F5F6F7F8F9FAFBFCFDFEFF"), last, 16);
        assertThat(HEX.formatHex(last)).isEqualToIgnoringCase("EC8CDF7398607CB0F2D21675EA9EA1E4");
    }

    @Test
    void rfc6188AesCounterMode256Keystream() {
        AesCounterMode aes = new AesCounterMode(hex("57f82fe3613fd170a85ec93c40b1f0922ec4cb0dc025b58272147cc438944a98"));
        byte[] out = new byte[48];
        aes.keystream(hex("f0f1f2f3f4f5f6f7f8f9fafbfcfd0000"), out, 48);
        assertThat(HEX.formatHex(out)).isEqualToIgnoringCase(
                "92bdd28a93c3f52511c677d08b5515a49da71b2378a854f67050756ded165bac63c4868b7096d88421b563b8c94c9a31");
    }

    @Test
    void rfc3711B3KeyDerivation() {
        SrtpKdf kdf = new SrtpKdf(hex("E1F97A0D3E018BE0D64FA32C06DE4139"), hex("0EC675AD498AFEEBB6960B3AABE6"));
        assertThat(HEX.formatHex(kdf.derive(SrtpKdf.RTP_ENCRYPTION, 16))).isEqualToIgnoringCase("C61E7A93744F39EE10734AFE3FF7A087");
        assertThat(HEX.formatHex(kdf.derive(SrtpKdf.RTP_SALT, 14))).isEqualToIgnoringCase("30CBBC08863D8C85D49DB34A9AE1");
        assertThat(HEX.formatHex(kdf.derive(SrtpKdf.RTP_AUTHENTICATION, 20))).isEqualToIgnoringCase("CEBE321F6FF7716B6FD4AB49AF256A156D38BAA4");
    }

    @Test
    void rfc6188KeyDerivationWith256BitKey() {
        SrtpKdf kdf = new SrtpKdf(hex("f0f04914b513f2763a1b1fa130f10e2998f6f6e43e4309d1e622a0e332b9f1b6"),
                hex("3b04803de51ee7c96423ab5b78d2"));
        assertThat(HEX.formatHex(kdf.derive(SrtpKdf.RTP_ENCRYPTION, 32)))
                .isEqualToIgnoringCase("5ba1064e30ec51613cad926c5a28ef731ec7fb397f70a960653caf06554cd8c4");
        assertThat(HEX.formatHex(kdf.derive(SrtpKdf.RTP_SALT, 14))).isEqualToIgnoringCase("fa31791685ca444a9e07c6c64e93");
        assertThat(HEX.formatHex(kdf.derive(SrtpKdf.RTP_AUTHENTICATION, 20))).isEqualToIgnoringCase("fd9c32d39ed5fbb5a9dc96b30818454d1313dc05");
    }

    @Test
    void rfc2202HmacSha1() {
        assertThat(hmac(hex("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b"), "Hi There".getBytes()))
                .isEqualToIgnoringCase("b617318655057264e28bc0b6fb378c8ef146be00");
        assertThat(hmac("Jefe".getBytes(), "what do ya want for nothing?".getBytes()))
                .isEqualToIgnoringCase("effcdf6ae5eb2fa2d27416d5f184df9c259a7c79");
        byte[] longKey = new byte[80];
        java.util.Arrays.fill(longKey, (byte) 0xaa);
        assertThat(hmac(longKey, "Test Using Larger Than Block-Size Key - Hash Key First".getBytes()))
                .isEqualToIgnoringCase("aa4ae5e15272d00e95705637ce8a3b55ed402112");
    }

    private static String hmac(byte[] key, byte[] data) {
        HmacSha1 mac = new HmacSha1(key);
        byte[] out = new byte[20];
        mac.update(data, 0, data.length);
        mac.doFinal(out, 0);
        // Reuse must start from scratch.
        mac.update(data, 0, data.length);
        byte[] again = new byte[20];
        mac.doFinal(again, 0);
        assertThat(again).isEqualTo(out);
        return HEX.formatHex(out);
    }

    /** The ALE manual's SDES offer (seed L3434-3456): keys parse to the right suite; bad ones are named. */
    @Test
    void parsesTheManualsCryptoLines() {
        SdesKey first = SdesKey.parseCrypto("1 AES_CM_128_HMAC_SHA1_80 inline:NzFlNTUwZDk2OGVlOTc3YzNkYTkwZWVkMTM1YWFj");
        assertThat(first.suite()).isEqualTo(SrtpSuite.AES_CM_128_HMAC_SHA1_80);
        assertThat(first.toString()).doesNotContain("NzFl").contains("hidden");
        assertThat(SdesKey.parseCrypto("2 AES_CM_128_HMAC_SHA1_32 inline:NzkyM2FjNzQ2ZDgxYjg0MzQwMGVmMGUxMzdmNWFm").suite())
                .isEqualTo(SrtpSuite.AES_CM_128_HMAC_SHA1_32);
        assertThat(SdesKey.parseCrypto("1 AES_CM_128_HMAC_SHA1_80 inline:NGY4OGViMDYzZjQzYTNiOTNkOWRiYzRlMjM0Yzcz|2^20").suite())
                .isEqualTo(SrtpSuite.AES_CM_128_HMAC_SHA1_80);
        // L3447: the manual's own AES-256 example contains ']' (a PDF artefact), which is not base64.
        assertThatThrownBy(() -> SdesKey.parseCrypto(
                "4 AES_256_CM_HMAC_SHA1_80 inline:9ztKi]vaFHwrol9aDHzDhThY3wi+1uewRkJtmdsi/5yLpyZroddKiTHyJ8MLA="))
                .hasMessageContaining("base64").hasMessageNotContaining("9ztKi");
        assertThatThrownBy(() -> SdesKey.parseCrypto("3 F8_128_HMAC_SHA1_80 inline:NDliMWIzZGE1ZTAwZjA5ZGFhNjQ5YmEANTMzYzA0"))
                .hasMessageContaining("unsupported SRTP crypto suite F8_128_HMAC_SHA1_80");
        assertThatThrownBy(() -> SdesKey.parseCrypto("1 AES_CM_128_HMAC_SHA1_80 inline:NzFlNTUwZDk2OGVlOTc3YzNkYTkwZWVkMTM1YWFj|2^20|1:4"))
                .hasMessageContaining("MKI");
        assertThatThrownBy(() -> SdesKey.parseCrypto("1 AES_256_CM_HMAC_SHA1_80 inline:NzFlNTUwZDk2OGVlOTc3YzNkYTkwZWVkMTM1YWFj"))
                .hasMessageContaining("46 bytes, not 30");
    }

    @Test
    void generatedKeysRoundTripThroughSdes() {
        for (SrtpSuite suite : SrtpSuite.values()) {
            SdesKey key = SdesKey.generate(suite, new java.security.SecureRandom());
            SdesKey back = SdesKey.parseCrypto(key.toCrypto(7));
            assertThat(back.suite()).isEqualTo(suite);
            assertThat(back.masterKey()).isEqualTo(key.masterKey());
            assertThat(back.masterSalt()).isEqualTo(key.masterSalt());
        }
    }
}
