package org.deskphone.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.deskphone.config.Access;
import org.tinylog.Logger;

/**
 * The web UI's three passwords as the web UI sets them: PBKDF2-HMAC-SHA256 hashes (600,000 iterations,
 * OWASP's 2023 figure; the count is stored with each hash) in {@code <data>/web/passwords}, never the
 * passwords themselves.
 *
 * <p>The configuration also has a password per level ({@code security.password.<level>}: the factory
 * default, or what provisioning set). A password set here wins over it until the configuration's value
 * changes: each hash is stored with a hash of the configuration value it replaced (its basis), and when
 * that value is no longer the same (a provisioning run set a new one, even while the phone was off) the
 * configuration's password applies again, as provisioned values override local changes elsewhere.
 */
final class Passwords {
    static final String FILE = "passwords";
    static final int ITERATIONS = 600_000;
    private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    private static final SecureRandom RANDOM = new SecureRandom();

    private record Hash(int iterations, byte[] salt, byte[] hash) {
        boolean matches(String password) {
            return MessageDigest.isEqual(hash, derive(password, salt, iterations));
        }

        static Hash of(String password) {
            byte[] salt = new byte[16];
            RANDOM.nextBytes(salt);
            return new Hash(ITERATIONS, salt, derive(password, salt, ITERATIONS));
        }

        String text() {
            Base64.Encoder b64 = Base64.getEncoder();
            return iterations + ":" + b64.encodeToString(salt) + ":" + b64.encodeToString(hash);
        }

        static Hash parse(String text) {
            String[] parts = text.split(":");
            Base64.Decoder b64 = Base64.getDecoder();
            return new Hash(Integer.parseInt(parts[0]), b64.decode(parts[1]), b64.decode(parts[2]));
        }
    }

    /** A password set through the web UI and the configuration value it replaced. */
    private record Entry(Hash password, Hash basis) {
    }

    private final Path file;
    private final Map<Access, Entry> entries = new EnumMap<>(Access.class);
    /** Configuration values already found to be an entry's basis, so the check runs once per value. */
    private final Map<Access, String> basisChecked = new EnumMap<>(Access.class);

    private Passwords(Path file) {
        this.file = file;
    }

    /** The passwords kept in {@code folder}; an unreadable file is set aside and the configuration's passwords apply. */
    static Passwords in(Path folder) {
        Passwords passwords = new Passwords(folder.resolve(FILE));
        passwords.load();
        return passwords;
    }

    /** True when {@code entered} is {@code level}'s password, {@code configured} being the configuration's. */
    synchronized boolean matches(Access level, String entered, String configured) {
        Entry entry = current(level, configured);
        if (entry == null) {
            return MessageDigest.isEqual(sha256(entered), sha256(configured));
        }
        return entry.password.matches(entered);
    }

    /** True when the web UI set {@code level}'s password and it still applies. */
    synchronized boolean setHere(Access level, String configured) {
        return current(level, configured) != null;
    }

    /** Sets {@code level}'s password; {@code configured} is the configuration's value it replaces. */
    synchronized void set(Access level, String password, String configured) throws IOException {
        entries.put(level, new Entry(Hash.of(password), Hash.of(configured)));
        basisChecked.put(level, configured);
        save();
    }

    /** The configuration's password of {@code level} changed while the phone ran: it applies again. */
    synchronized void configurationChanged(Access level) {
        if (entries.remove(level) != null) {
            basisChecked.remove(level);
            Logger.info("web password of {} replaced by the configuration's", name(level));
            try {
                save();
            } catch (IOException e) {
                Logger.error("cannot save {}: {}", file, e.getMessage());
            }
        }
    }

    private Entry current(Access level, String configured) {
        Entry entry = entries.get(level);
        if (entry == null || configured.equals(basisChecked.get(level))) {
            return entry;
        }
        if (entry.basis.matches(configured)) {
            basisChecked.put(level, configured);
            return entry;
        }
        configurationChanged(level);
        return null;
    }

    private void load() {
        if (!Files.exists(file)) {
            return;
        }
        Properties properties = new Properties();
        try (var in = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            properties.load(in);
            for (Access level : Access.values()) {
                String text = properties.getProperty(name(level));
                if (text != null) {
                    String[] halves = text.split(" ");
                    entries.put(level, new Entry(Hash.parse(halves[0]), Hash.parse(halves[1])));
                }
            }
        } catch (IOException | RuntimeException e) {
            entries.clear();
            Path aside = file.resolveSibling(FILE + ".damaged");
            Logger.error("{} is unreadable ({}); moved to {}; the configuration's passwords apply", file, e.getMessage(), aside);
            try {
                Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException moveFailed) {
                Logger.error("cannot move {} aside: {}", file, moveFailed.getMessage());
            }
        }
    }

    private void save() throws IOException {
        Files.createDirectories(file.getParent());
        StringBuilder text = new StringBuilder("# deskphone web passwords: PBKDF2-HMAC-SHA256 hashes, each with the hash of the\n"
                + "# configuration password it replaced. Delete this file to go back to the configuration's passwords.\n");
        entries.forEach((level, entry) -> text.append(name(level)).append(" = ").append(entry.password.text()).append(' ')
                .append(entry.basis.text()).append('\n'));
        Path partial = file.resolveSibling(FILE + ".part");
        Files.writeString(partial, text, StandardCharsets.ISO_8859_1);
        try {
            Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            Logger.debug("no POSIX permissions for {}", partial);
        }
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static String name(Access level) {
        return level.name().toLowerCase(Locale.ROOT);
    }

    private static byte[] derive(String password, byte[] salt, int iterations) {
        try {
            PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, 256);
            try {
                return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
            } finally {
                spec.clearPassword();
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is not available in this JVM", e);
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }
}
