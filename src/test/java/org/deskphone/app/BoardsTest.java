package org.deskphone.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.deskphone.hal.BoardDescriptor;
import org.junit.jupiter.api.Test;

/** The Pi board's sound card is the Java Sound (ALSA) driver its descriptor names. */
class BoardsTest {

    @Test
    void thePiBoardsSoundCardIsTheJavaSoundDeviceItsDescriptorNames() throws Exception {
        BoardDescriptor rpi = BoardDescriptor.load(Path.of("board"), "rpi");
        assertThat(Boards.soundCard(rpi).name()).isEqualTo("javasound:" + rpi.require("audio.device"));
        BoardDescriptor unnamed = new BoardDescriptor("x", Path.of("x/board.properties"), Map.of("drivers", "pi"));
        assertThat(Boards.soundCard(unnamed).name()).isEqualTo("javasound:default");
    }

    @Test
    void aBufferThatIsNotMillisecondsNamesTheDescriptor() {
        for (String bad : new String[] {"twenty", "0", "900"}) {
            BoardDescriptor descriptor = new BoardDescriptor("x", Path.of("x/board.properties"), Map.of("audio.buffer.ms", bad));
            assertThatThrownBy(() -> Boards.soundCard(descriptor)).hasMessageContaining("x/board.properties")
                    .hasMessageContaining("audio.buffer.ms '" + bad + "'");
        }
    }
}
