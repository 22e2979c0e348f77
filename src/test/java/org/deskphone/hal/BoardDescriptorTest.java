package org.deskphone.hal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BoardDescriptorTest {
    @TempDir
    Path boards;

    @Test
    void theShippedPcBoardLoads() throws IOException {
        BoardDescriptor pc = BoardDescriptor.load(Path.of("board"), "pc");
        assertThat(pc.drivers()).isEqualTo("mock");
        assertThat(pc.display()).isEqualTo(Geometry.text(20, 4));
        assertThat(pc.model()).isEqualTo("deskphone-pc");
        assertThat(pc.get("audio.capture")).isEmpty();
    }

    @Test
    void aMissingBoardSaysWhereItLooked() {
        assertThatThrownBy(() -> BoardDescriptor.load(boards, "nope"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("no board 'nope'").hasMessageContaining("board.properties");
    }

    @Test
    void boardNamesCannotEscapeTheBoardsFolder() {
        assertThatThrownBy(() -> BoardDescriptor.load(boards, "../etc")).hasMessageContaining("may use only");
    }

    @Test
    void aBadDisplayNamesTheFileAndKey() throws IOException {
        write("bad", "drivers=mock\ndisplay=twenty\n");
        assertThatThrownBy(() -> BoardDescriptor.load(boards, "bad"))
                .hasMessageContaining("board.properties").hasMessageContaining("display");
    }

    @Test
    void aMissingDriversKeyIsNamed() throws IOException {
        write("nodrivers", "display=16x2\n");
        assertThatThrownBy(() -> BoardDescriptor.load(boards, "nodrivers")).hasMessageContaining("missing key 'drivers'");
    }

    @Test
    void flagsAcceptTrueFalseOnly() throws IOException {
        write("flags", "drivers=mock\ndisplay=16x2\nyes=true\nno=0\nmaybe=perhaps\n");
        BoardDescriptor board = BoardDescriptor.load(boards, "flags");
        assertThat(board.flag("yes", false)).isTrue();
        assertThat(board.flag("no", true)).isFalse();
        assertThat(board.flag("absent", true)).isTrue();
        assertThatThrownBy(() -> board.flag("maybe", false)).hasMessageContaining("maybe must be true or false");
    }

    private void write(String name, String content) throws IOException {
        Files.createDirectories(boards.resolve(name));
        Files.writeString(boards.resolve(name).resolve(BoardDescriptor.FILE_NAME), content);
    }
}
