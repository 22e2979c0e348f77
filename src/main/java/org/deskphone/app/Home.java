package org.deskphone.app;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the installed tree lives (the folder holding {@code board/}): the {@code deskphone.home} system
 * property set by the launcher and the systemd unit, else the folder above the jar's.
 */
final class Home {

    private Home() {
    }

    static Path find() {
        String property = System.getProperty("deskphone.home");
        if (property != null && !property.isBlank()) {
            return Path.of(property).toAbsolutePath().normalize();
        }
        return besideJar().orElse(Path.of("").toAbsolutePath());
    }

    static Path boards() {
        return find().resolve("board");
    }

    private static Optional<Path> besideJar() {
        try {
            Path jar = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path folder = jar.getParent(); folder != null; folder = folder.getParent()) {
                if (Files.isDirectory(folder.resolve("board"))) {
                    return Optional.of(folder);
                }
            }
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
