package org.deskphone.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The team's shared folder beside the checkout ({@code ../shared}): the vendor manuals, their digests
 * and the real-world provisioning corpus. Tests read from it in place; nothing is copied into the project.
 */
public final class SharedFiles {

    private SharedFiles() {
    }

    /** {@code ../shared}, or the {@code deskphone.shared} system property. Fails loudly when absent. */
    public static Path root() {
        String property = System.getProperty("deskphone.shared");
        Path root = property != null ? Path.of(property) : Path.of("..", "shared");
        if (!Files.isDirectory(root)) {
            throw new IllegalStateException("the shared folder is missing: " + root.toAbsolutePath()
                    + " (set -Ddeskphone.shared=DIR)");
        }
        return root.toAbsolutePath().normalize();
    }

    /** A file under {@code ../shared}, such as {@code corpus/real-world/wazo-v86-001565aabbcc.cfg}. */
    public static Path file(String relative) {
        Path file = root().resolve(relative);
        if (!Files.exists(file)) {
            throw new IllegalStateException("missing shared file " + file);
        }
        return file;
    }

    /** One of the two vendor manuals, for tests that check a quotation by its line number. */
    public static Path yealinkSeed() {
        return file("seeds/000_814a585bf900fd91.txt");
    }

    public static Path aleSeed() {
        return file("seeds/004_bd31c2179489e0df.txt");
    }
}
