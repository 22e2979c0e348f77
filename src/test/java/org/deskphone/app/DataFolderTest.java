package org.deskphone.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataFolderTest {
    @TempDir
    Path tmp;

    @Test
    void aNewFolderIsCreatedAndMarked() throws IOException {
        DataFolder data = DataFolder.open(tmp.resolve("a/b"));
        assertThat(data.root().resolve(DataFolder.MARKER)).exists();
        assertThat(data.folder("certs")).isDirectory();
    }

    @Test
    void someoneElsesFolderIsRefused() throws IOException {
        Files.writeString(tmp.resolve("thesis.tex"), "precious");
        assertThatThrownBy(() -> DataFolder.open(tmp))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("not a deskphone data folder").hasMessageContaining("--data");
        assertThat(tmp.resolve("thesis.tex")).exists();
    }

    @Test
    void wipeRemovesEverythingButTheMarker() throws IOException {
        DataFolder data = DataFolder.open(tmp.resolve("phone"));
        Files.writeString(data.folder("config/deep").resolve("x.cfg"), "x");
        Files.writeString(data.root().resolve("history.json"), "[]");
        data.wipe();
        try (var left = Files.list(data.root())) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly(DataFolder.MARKER);
        }
        assertThat(DataFolder.open(data.root()).root()).isEqualTo(data.root());
    }

    @Test
    void tildeMeansHome() {
        assertThat(DataFolder.expand("~/x")).isEqualTo(Path.of(System.getProperty("user.home"), "x"));
        assertThat(DataFolder.expand("/var/lib/deskphone")).isEqualTo(Path.of("/var/lib/deskphone"));
    }
}
