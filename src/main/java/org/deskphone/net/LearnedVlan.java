package org.deskphone.net;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.OptionalInt;
import org.tinylog.Logger;

/**
 * Where the phone remembers a VLAN it learned from LLDP or DHCP, across restarts (see
 * {@link Vlan#choose}): one line, {@code <id> <source>}, in the data folder. A factory reset forgets it
 * with the rest of the data.
 */
public interface LearnedVlan {

    Vlan load();

    void save(Vlan vlan);

    /** Remembers nothing (tests, and boards that do not configure their network). */
    LearnedVlan NONE = new LearnedVlan() {
        @Override
        public Vlan load() {
            return Vlan.UNTAGGED;
        }

        @Override
        public void save(Vlan vlan) {
            // nothing kept
        }
    };

    /** A file; an unreadable one reads as nothing learned. */
    static LearnedVlan in(Path file) {
        return new LearnedVlan() {
            @Override
            public Vlan load() {
                try {
                    String[] words = Files.readString(file, StandardCharsets.UTF_8).trim().split("\\s+");
                    Vlan vlan = new Vlan(OptionalInt.of(Integer.parseInt(words[0])), Vlan.Source.valueOf(words[1]));
                    return vlan.learned() && vlan.id().getAsInt() >= 1 && vlan.id().getAsInt() <= 4094 ? vlan : Vlan.UNTAGGED;
                } catch (IOException | RuntimeException e) {
                    return Vlan.UNTAGGED;
                }
            }

            @Override
            public void save(Vlan vlan) {
                try {
                    if (!vlan.learned()) {
                        Files.deleteIfExists(file);
                        return;
                    }
                    Files.createDirectories(file.getParent());
                    Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
                    Files.writeString(temporary, vlan.id().getAsInt() + " " + vlan.source() + "\n", StandardCharsets.UTF_8);
                    Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException e) {
                    Logger.warn("cannot remember the learned VLAN in {}: {}", file, e.getMessage());
                }
            }
        };
    }
}
