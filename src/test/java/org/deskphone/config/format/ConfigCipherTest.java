package org.deskphone.config.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.deskphone.config.format.Seeds.bytes;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** AES-encrypted provisioning files: Yealink §1.6 and §6 A9, ALE §4.9 and §11 A-12. */
class ConfigCipherTest {
    private static final byte[] PLAIN = bytes("#!version:1.0.0.1\naccount.1.password = alicepw\n");
    @TempDir
    Path tmp;

    @Test
    void yealinkKeysAreSixteenLettersOrDigits() {
        // E52, L653–655.
        ConfigCipher.checkKey(ConfigCipher.Scheme.YEALINK, "0123456789abcdef");
        assertThatThrownBy(() -> ConfigCipher.checkKey(ConfigCipher.Scheme.YEALINK, "0123456789abcde"))
                .hasMessageContaining("exactly 16 characters");
        assertThatThrownBy(() -> ConfigCipher.checkKey(ConfigCipher.Scheme.YEALINK, "0123456789abcde!"))
                .hasMessageContaining("0-9, A-Z, a-z");
    }

    @Test
    void aYealinkFileDecryptsWithItsKeyAndIsRecognisedAsEncrypted() throws Exception {
        byte[] sealed = ConfigCipher.encrypt(ConfigCipher.Scheme.YEALINK, "0123456789abcdef", PLAIN);
        assertThat(sealed.length % 16).isZero();
        assertThat(FileKind.detect(sealed)).isEqualTo(FileKind.ENCRYPTED);
        assertThat(ConfigCipher.decrypt("y000000000000.cfg", sealed, "0123456789abcdef")).isEqualTo(PLAIN);
    }

    @Test
    void aWrongKeyIsAClearErrorNeverGarbage() {
        byte[] sealed = ConfigCipher.encrypt(ConfigCipher.Scheme.YEALINK, "0123456789abcdef", PLAIN);
        assertThatThrownBy(() -> ConfigCipher.decrypt("mac.cfg", sealed, "fedcba9876543210"))
                .isInstanceOf(FormatException.class)
                .hasMessage("mac.cfg: error: cannot decrypt: wrong key (the result is not a settings or resource file)");
        byte[] xml = ConfigCipher.encrypt(ConfigCipher.Scheme.DESKPHONE, "0123456789abcdef0123456789abcdef", bytes("<settings/>"));
        assertThatThrownBy(() -> ConfigCipher.decrypt("config.xml", xml, "0123456789abcdef0123456789abcdeX"))
                .isInstanceOf(FormatException.class).hasMessageContaining("wrong key, or the file was damaged");
        xml[xml.length - 1] ^= 1;
        assertThatThrownBy(() -> ConfigCipher.decrypt("config.xml", xml, "0123456789abcdef0123456789abcdef"))
                .isInstanceOf(FormatException.class).hasMessageContaining("damaged");
    }

    @Test
    void ourFilesForXmlRoundTripAndCarryAMagic() throws Exception {
        byte[] plain = bytes("<settings><setting id=\"Account1Password\" value=\"x\"/></settings>");
        byte[] sealed = ConfigCipher.encrypt(ConfigCipher.Scheme.DESKPHONE, "sixteen-char-key", plain);
        assertThat(ConfigCipher.schemeOf(sealed)).isEqualTo(ConfigCipher.Scheme.DESKPHONE);
        assertThat(FileKind.detect(sealed)).isEqualTo(FileKind.ENCRYPTED);
        assertThat(ConfigCipher.decrypt("config.xml", sealed, "sixteen-char-key")).isEqualTo(plain);
    }

    @Test
    void ourYealinkSchemeMatchesOpensslAes128EcbAsTheEncryptionToolDoes() throws Exception {
        // Digest §1.6: the tool encrypts with AES-128-ECB, the key's ASCII bytes as the key, no padding of its
        // own. OpenSSL is the independent implementation here (Debian's openssl, installed by tools/setup).
        String key = "0123456789abcdef";
        byte[] padded = java.util.Arrays.copyOf(PLAIN, (PLAIN.length + 15) / 16 * 16);
        Path in = Files.write(tmp.resolve("plain.cfg"), padded);
        Path out = tmp.resolve("sealed.cfg");
        Process openssl = new ProcessBuilder("openssl", "enc", "-aes-128-ecb", "-nopad", "-K",
                java.util.HexFormat.of().formatHex(bytes(key)), "-in", in.toString(), "-out", out.toString())
                .redirectErrorStream(true).start();
        assertThat(openssl.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(openssl.exitValue()).as(new String(openssl.getInputStream().readAllBytes())).isZero();
        assertThat(ConfigCipher.encrypt(ConfigCipher.Scheme.YEALINK, key, PLAIN)).isEqualTo(Files.readAllBytes(out));
        assertThat(ConfigCipher.decrypt("sealed.cfg", Files.readAllBytes(out), key)).isEqualTo(PLAIN);
    }

    @Test
    void plainFilesAreNotMistakenForEncryptedOnes() {
        assertThat(ConfigCipher.looksEncrypted(bytes("#!version:1.0.0.1\nabcdefghijklmn\n"))).isFalse();
        assertThat(ConfigCipher.looksEncrypted(bytes("<settings></settings>0123456789a"))).isFalse();
    }
}
