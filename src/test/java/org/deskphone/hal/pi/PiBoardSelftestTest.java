package org.deskphone.hal.pi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.pi4j.io.gpio.digital.DigitalState;
import java.nio.file.Path;
import java.util.List;
import org.deskphone.app.DataFolder;
import org.deskphone.app.selftest.Bench;
import org.deskphone.app.selftest.CheckResult.Verdict;
import org.deskphone.app.selftest.Report;
import org.deskphone.app.selftest.Selftest;
import org.deskphone.hal.BoardDescriptor;
import org.deskphone.hal.linux.RealTime;
import org.deskphone.hal.mock.WavAudioDevice;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code deskphone selftest}'s checks on the reference Pi board, on pi4j's mock platform. */
class PiBoardSelftestTest {
    @TempDir
    Path dataRoot;
    private final MockPi pi = new MockPi();
    private final List<Exception> errors = Bench.errorSink();
    private PiWiring wiring;
    private KeyMatrixSimulator matrix;
    private MockPi.TappedI2C display;

    @BeforeEach
    void wire() throws Exception {
        wiring = PiWiring.read(BoardDescriptor.load(Path.of("board"), "rpi"));
    }

    @AfterEach
    void release() {
        pi.close();
    }

    @Test
    void aHealthyBoardPasses() throws Exception {
        assumeTrue(RealTime.get().available() || "true".equals(System.getenv("CI")), "the Pi descriptor requires the native helpers");
        Report report = selftest();
        assertThat(report.passed()).as(String.join("\n", report.text())).isTrue();
        assertThat(report.result("keypad").detail()).isEqualTo("scanning; no key down at rest");
        assertThat(report.result("hook").detail()).isEqualTo("handset on hook");
        assertThat(report.result("display").detail()).isEqualTo("drew a full 20x4 test screen; the driver reported no error");
        Hd44780Emulator lcd = new Hd44780Emulator();
        lcd.feed(display.takeBytes());
        assertThat(lcd.row(0, 20)).isEqualTo("deskphone selftest  ");
        assertThat(report.result("native").verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void aKeyHeldDownAtRestFailsTheKeypad() throws Exception {
        Report report = selftest(() -> matrix.press(1, 1));
        assertThat(report.result("keypad").verdict()).isEqualTo(Verdict.FAIL);
        assertThat(report.result("keypad").detail()).isEqualTo(
                "DIGIT 5 reports itself down while nobody presses it: a stuck key or a miswired matrix");
    }

    @Test
    void aDisplayThatDoesNotAnswerFailsTheDisplay() throws Exception {
        Report report = selftest(() -> display.failWith(new IllegalStateException("Remote I/O error")));
        assertThat(report.result("display").verdict()).isEqualTo(Verdict.FAIL);
        assertThat(report.result("display").detail()).contains("display 20x4 failed").contains("Remote I/O error");
    }

    private Report selftest() throws Exception {
        return selftest(() -> { });
    }

    /** Builds the board, lets {@code mishap} happen, then runs the standard checks on it. */
    private Report selftest(Runnable mishap) throws Exception {
        BoardDescriptor descriptor = BoardDescriptor.load(Path.of("board"), "rpi");
        var board = PiBoard.create(pi.context, descriptor, new WavAudioDevice(null, null), errors::add);
        display = pi.i2c("display");
        matrix = new KeyMatrixSimulator(pi, wiring.keypad().rows(), wiring.keypad().columns());
        for (int pin : wiring.keypad().buttons().values()) {
            pi.input("button-" + pin).mockState(DigitalState.HIGH);
        }
        mishap.run();
        try (Bench bench = new Bench(board, DataFolder.open(dataRoot), errors)) {
            return Selftest.standard().run(bench);
        }
    }
}
