package org.deskphone.config.format;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES encryption of provisioning files, in two schemes.
 *
 * <p>{@link Scheme#YEALINK}: the Yealink Configuration Encryption Tool's files. The manual says only
 * that the key is "16 characters and the supported characters contain: 0 ~ 9, A ~ Z, a ~ z"
 * (L653–655) and that there is one key for the Common file ({@code auto_provision.aes_key_16.com}) and
 * one for the MAC file ({@code .mac}); the cipher is AES-128-ECB with the key's 16 ASCII bytes as the
 * key and no padding of its own (Yealink digest §1.6, §6 A9). We pad with NUL bytes when encrypting and
 * strip trailing NULs (or PKCS#7) when decrypting. ECB has no header, so such a file is recognised by
 * being binary, and a wrong key by the plaintext not being a settings file.
 *
 * <p>{@link Scheme#DESKPHONE}: for {@code config.xml} files. The ALE manual asks for "a plaintext AES
 * key" ({@code DeviceSecurityEncryptionAesKey}, L3565) but names no algorithm, mode, padding or IV
 * (ALE digest §11 A-12), so this scheme is ours and does not claim to read ALE's tool output:
 * {@code DPAES1} magic, a random 12-byte nonce, AES-GCM with the key's UTF-8 bytes (16, 24 or 32
 * characters). GCM makes a wrong key or a damaged file an error rather than garbage.
 */
public final class ConfigCipher {
    public enum Scheme {
        YEALINK, DESKPHONE
    }

    private static final byte[] MAGIC = "DPAES1".getBytes(StandardCharsets.US_ASCII);
    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private ConfigCipher() {
    }

    /** Throws {@link IllegalArgumentException} naming what is wrong with {@code key} for {@code scheme}. */
    public static void checkKey(Scheme scheme, String key) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("no AES key given");
        }
        if (scheme == Scheme.YEALINK) {
            if (key.length() != 16 || !key.chars().allMatch(c -> c < 128 && Character.isLetterOrDigit(c))) {
                throw new IllegalArgumentException("a Yealink AES key is exactly 16 characters from 0-9, A-Z, a-z (Yealink L653–655)");
            }
        } else {
            int bytes = key.getBytes(StandardCharsets.UTF_8).length;
            if (bytes != 16 && bytes != 24 && bytes != 32) {
                throw new IllegalArgumentException("an AES key is 16, 24 or 32 bytes; this one is " + bytes);
            }
        }
    }

    /** True when {@code content} is one of our encrypted files or binary data the length of AES blocks. */
    public static boolean looksEncrypted(byte[] content) {
        if (startsWithMagic(content)) {
            return true;
        }
        if (content.length == 0 || content.length % 16 != 0) {
            return false;
        }
        int peek = Math.min(content.length, 256);
        int first = content[0] & 0xff;
        if (first == '#' || first == '<' || first == 0xEF || first == 0xFE || first == 0xFF) {
            return false;
        }
        for (int i = 0; i < peek; i++) {
            int b = content[i] & 0xff;
            if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' || b == 0x7f) {
                return true;
            }
        }
        return !validUtf8(content, peek);
    }

    /** The scheme that produced {@code content}, assuming it is encrypted. */
    public static Scheme schemeOf(byte[] content) {
        return startsWithMagic(content) ? Scheme.DESKPHONE : Scheme.YEALINK;
    }

    /** Encrypts {@code plain} with {@code key}. */
    public static byte[] encrypt(Scheme scheme, String key, byte[] plain) {
        checkKey(scheme, key);
        try {
            if (scheme == Scheme.YEALINK) {
                Cipher cipher = Cipher.getInstance("AES/ECB/NoPadding");
                cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key.getBytes(StandardCharsets.US_ASCII), "AES"));
                return cipher.doFinal(Arrays.copyOf(plain, (plain.length + 15) / 16 * 16));
            }
            byte[] nonce = new byte[NONCE];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "AES"),
                    new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(MAGIC);
            byte[] sealed = cipher.doFinal(plain);
            byte[] out = new byte[MAGIC.length + NONCE + sealed.length];
            System.arraycopy(MAGIC, 0, out, 0, MAGIC.length);
            System.arraycopy(nonce, 0, out, MAGIC.length, NONCE);
            System.arraycopy(sealed, 0, out, MAGIC.length + NONCE, sealed.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES is not available in this JVM", e);
        }
    }

    /**
     * Decrypts {@code content} with {@code key}; the result is checked to be a settings or resource
     * file, so a wrong key is an error here and never garbage applied later.
     *
     * @throws FormatException for a wrong key, a key of the wrong form, or a damaged file
     */
    public static byte[] decrypt(String source, byte[] content, String key) throws FormatException {
        Scheme scheme = schemeOf(content);
        try {
            checkKey(scheme, key);
        } catch (IllegalArgumentException e) {
            throw new FormatException(source, 0, "cannot decrypt: " + e.getMessage());
        }
        byte[] plain;
        try {
            if (scheme == Scheme.YEALINK) {
                if (content.length == 0 || content.length % 16 != 0) {
                    throw new FormatException(source, 0, "cannot decrypt: the file is not a whole number of AES blocks");
                }
                Cipher cipher = Cipher.getInstance("AES/ECB/NoPadding");
                cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key.getBytes(StandardCharsets.US_ASCII), "AES"));
                plain = unpad(cipher.doFinal(content));
            } else {
                if (content.length < MAGIC.length + NONCE + TAG_BITS / 8) {
                    throw new FormatException(source, 0, "cannot decrypt: the file is truncated");
                }
                Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
                cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "AES"),
                        new GCMParameterSpec(TAG_BITS, content, MAGIC.length, NONCE));
                cipher.updateAAD(MAGIC);
                plain = cipher.doFinal(content, MAGIC.length + NONCE, content.length - MAGIC.length - NONCE);
            }
        } catch (javax.crypto.AEADBadTagException e) {
            throw new FormatException(source, 0, "cannot decrypt: wrong key, or the file was damaged");
        } catch (GeneralSecurityException e) {
            throw new FormatException(source, 0, "cannot decrypt: " + e.getMessage());
        }
        FileKind kind = FileKind.detect(plain);
        if (kind == FileKind.UNKNOWN || kind == FileKind.ENCRYPTED) {
            throw new FormatException(source, 0, "cannot decrypt: wrong key (the result is not a settings or resource file)");
        }
        return plain;
    }

    private static byte[] unpad(byte[] plain) {
        int end = plain.length;
        while (end > 0 && plain[end - 1] == 0) {
            end--;
        }
        if (end == plain.length && end > 0) {
            int pad = plain[end - 1] & 0xff;
            if (pad >= 1 && pad <= 16 && pad <= end) {
                boolean pkcs7 = true;
                for (int i = end - pad; i < end; i++) {
                    pkcs7 &= (plain[i] & 0xff) == pad;
                }
                if (pkcs7) {
                    end -= pad;
                }
            }
        }
        return Arrays.copyOf(plain, end);
    }

    private static boolean startsWithMagic(byte[] content) {
        if (content.length < MAGIC.length) {
            return false;
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (content[i] != MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    /** UTF-8 validity of the first {@code length} bytes, forgiving a sequence cut at the end. */
    private static boolean validUtf8(byte[] content, int length) {
        int i = 0;
        while (i < length) {
            int b = content[i] & 0xff;
            int more = b < 0x80 ? 0 : (b >> 5) == 0x6 ? 1 : (b >> 4) == 0xE ? 2 : (b >> 3) == 0x1E ? 3 : -1;
            if (more < 0) {
                return false;
            }
            for (int k = 1; k <= more; k++) {
                if (i + k >= length) {
                    return true;
                }
                if ((content[i + k] & 0xC0) != 0x80) {
                    return false;
                }
            }
            i += more + 1;
        }
        return true;
    }
}
