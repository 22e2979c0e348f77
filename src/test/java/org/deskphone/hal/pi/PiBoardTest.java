package org.deskphone.hal.pi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pi4j.io.gpio.digital.DigitalState;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.deskphone.app.DataFolder;
import org.deskphone.app.Phone;
import org.deskphone.config.ConfigStore;
import org.deskphone.hal.Board;
import org.deskphone.hal.BoardDescriptor;
import org.deskphone.hal.HookState;
import org.deskphone.hal.Key;
import org.deskphone.hal.KeyEvent;
import org.deskphone.hal.Led;
import org.deskphone.hal.LedState;
import org.deskphone.hal.mock.MemoryAudioDevice;
import org.deskphone.loop.PhoneLoop;
import org.deskphone.loop.VirtualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole reference Pi board ({@code board/rpi}) on pi4j's mock platform, under a real phone: the
 * drivers' own threads scan, blink and draw, and what a person does on the keypad and hook reaches the
 * phone loop as events.
 */
class PiBoardTest {
    @TempDir
    Path dataRoot;
    private final MockPi pi = new MockPi();
    private final VirtualClock clock = new VirtualClock(Instant.parse("2026-11-22T09:58:30Z"));
    private final PhoneLoop loop = new PhoneLoop(clock);
    private final List<Exception> errors = new CopyOnWriteArrayList<>();
    private final List<String> seen = new ArrayList<>();
    private Board board;
    private Phone phone;
    private KeyMatrixSimulator matrix;

    @BeforeEach
    void startPhone() throws Exception {
        BoardDescriptor descriptor = BoardDescriptor.load(Path.of("board"), "rpi");
        // A network with an address, so that the idle screen shows the account line on any machine.
        board = PiBoard.create(pi.context, descriptor, new MemoryAudioDevice(), errors::add)
                .withNetwork(org.deskphone.hal.mock.MemoryNetwork.connected());
        PiWiring wiring = PiWiring.read(descriptor);
        matrix = new KeyMatrixSimulator(pi, wiring.keypad().rows(), wiring.keypad().columns());
        for (int pin : wiring.keypad().buttons().values()) {
            pi.input("button-" + pin).mockState(DigitalState.HIGH);
        }
        phone = new Phone(board, DataFolder.open(dataRoot), loop, ConfigStore.inMemory(loop), ZoneOffset.UTC);
        phone.onKey(event -> seen.add(event + (loop.inLoop() ? " on loop" : " elsewhere")));
        phone.onHook(state -> seen.add(state + (loop.inLoop() ? " on loop" : " elsewhere")));
        phone.start();
        loop.runPending();
    }

    @AfterEach
    void stopPhone() {
        if (phone != null) {
            phone.stop(Duration.ofSeconds(2));
        }
        pi.close();
        assertThat(errors).isEmpty();
    }

    @Test
    void theIdleScreenIsDrawnOnTheLcd() throws Exception {
        LcdDisplay display = (LcdDisplay) board.display();
        LcdDisplayTest.await(() -> display.drawn() != null);
        Hd44780Emulator lcd = new Hd44780Emulator();
        lcd.feed(pi.i2c("display").takeBytes());
        assertThat(lcd.row(0, 20)).isEqualTo("deskphone      09:58");
        assertThat(lcd.row(1, 20).strip()).isEqualTo("Sun Nov 22");
        assertThat(lcd.row(2, 20).strip()).isEqualTo("No account");
        assertThat(lcd.row(3, 20).strip()).isEqualTo("Hist Dir  DND  Menu");
    }

    @Test
    void keyPressesAndHookChangesReachThePhoneLoop() throws Exception {
        matrix.press(1, 1);
        awaitOnLoop("DIGIT 5 down on loop");
        matrix.release(1, 1);
        pi.input("hook-4").mockState(DigitalState.HIGH); // handset lifted
        awaitOnLoop("OFF_HOOK on loop");
        awaitOnLoop("DIGIT 5 up on loop");
        pi.input("button-11").mockState(DigitalState.LOW); // SPEAKER button
        awaitOnLoop("SPEAKER down on loop");
        assertThat(seen).containsExactlyInAnyOrder("DIGIT 5 down on loop", "DIGIT 5 up on loop",
                "OFF_HOOK on loop", "SPEAKER down on loop");
        assertThat(board.hook().state()).isEqualTo(HookState.OFF_HOOK);
    }

    @Test
    void aLongPressStaysOneDownUntilReleased() throws Exception {
        matrix.press(3, 3); // CANCEL
        awaitOnLoop(KeyEvent.down(Key.of(Key.Kind.CANCEL)) + " on loop");
        long down = System.nanoTime();
        Thread.sleep(1000);
        loop.runPending();
        assertThat(seen).as("held for a second: no repeats, no release").hasSize(1);
        matrix.release(3, 3);
        awaitOnLoop(KeyEvent.up(Key.of(Key.Kind.CANCEL)) + " on loop");
        assertThat(System.nanoTime() - down).isGreaterThanOrEqualTo(1_000_000_000L);
        assertThat(seen).hasSize(2);
    }

    @Test
    void anLedSetFromThePhoneLightsItsPin() throws Exception {
        board.leds().set(Led.of(Led.Kind.MESSAGE), LedState.on(LedState.Color.GREEN));
        LcdDisplayTest.await(() -> pi.output("led-message-green").state() == DigitalState.HIGH);
    }

    @Test
    void stoppingThePhoneReleasesEveryPin() {
        phone.stop(Duration.ofSeconds(2));
        phone = null;
        assertThat(pi.context.registry().all()).isEmpty();
    }

    @Test
    void aWiringMistakeFailsBeforeAnyPinIsClaimed() throws Exception {
        phone.stop(Duration.ofSeconds(2));
        phone = null;
        BoardDescriptor wrong = PiWiringTest.descriptor(Map.of("led.speaker", "4"));
        assertThatThrownBy(() -> PiBoard.create(pi.context, wrong, new MemoryAudioDevice(), errors::add))
                .hasMessageContaining("GPIO4 is used by both hook.pin and led.speaker");
        assertThat(pi.context.registry().all()).isEmpty();
    }

    @Test
    void aDriverThatCannotStartReleasesThePinsTheOthersClaimed() throws Exception {
        phone.stop(Duration.ofSeconds(2));
        phone = null;
        pi.pins().i2c("display", 1, 0x27); // somebody else holds the display's bus
        assertThatThrownBy(() -> PiBoard.create(pi.context, BoardDescriptor.load(Path.of("board"), "rpi"),
                new MemoryAudioDevice(), errors::add)).isInstanceOf(RuntimeException.class);
        assertThat(pi.context.registry().all().keySet()).containsExactly("display");
    }

    private void awaitOnLoop(String event) throws InterruptedException {
        LcdDisplayTest.await(() -> {
            loop.runPending();
            return seen.contains(event);
        });
    }
}
