package org.deskphone.app.selftest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.deskphone.app.DataFolder;
import org.deskphone.app.selftest.CheckResult.Verdict;
import org.deskphone.hal.BoardDescriptor;
import org.deskphone.hal.Geometry;
import org.deskphone.hal.Screen;
import org.deskphone.hal.mock.PcBoard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The self-test's checks on the PC board, and how a report reads when something fails. */
class SelftestTest {
    @TempDir
    Path dataRoot;
    private Bench bench;

    @BeforeEach
    void onTheBench() throws Exception {
        bench = new Bench(PcBoard.create(BoardDescriptor.load(Path.of("board"), "pc"), null, null),
                DataFolder.open(dataRoot), Bench.errorSink());
    }

    @AfterEach
    void offTheBench() {
        bench.close();
    }

    @Test
    void thePcBoardPassesEveryStandardCheck() {
        Report report = Selftest.standard().run(bench);
        assertThat(report.passed()).as(String.join("\n", report.text())).isTrue();
        assertThat(report.lines()).extracting(Report.Line::check)
                .containsExactly("keypad", "hook", "display", "leds", "audio", "native", "data");
        assertThat(report.result("keypad").detail()).isEqualTo("a pressed key reached the phone loop: POUND down, POUND up");
        assertThat(report.result("hook").detail()).isEqualTo("moving the handset reached the phone loop: OFF_HOOK, ON_HOOK");
        assertThat(report.result("audio").detail()).contains("25 frames of 20 ms").contains("the microphone is silent");
        assertThat(report.result("data").detail()).startsWith(dataRoot.toString() + " is writable");
        assertThat(dataRoot.resolve(".selftest-probe")).doesNotExist();
    }

    @Test
    void aFailingOrThrowingCheckIsReportedAndTheOthersStillRun() {
        Check broken = check("config", bench -> CheckResult.fail("config.cfg line 3: unknown key"));
        Check throwing = check("network", bench -> {
            throw new IllegalStateException("no interface is up");
        });
        Report report = new Selftest(List.of(broken, throwing, new DataFolderCheck())).run(bench);
        assertThat(report.passed()).isFalse();
        assertThat(report.count(Verdict.FAIL)).isEqualTo(2);
        assertThat(report.text()).containsExactly(
                "FAIL  config     config.cfg line 3: unknown key",
                "FAIL  network    no interface is up",
                "PASS  data       " + report.result("data").detail(),
                "selftest FAILED: 1 passed, 0 warnings, 2 failed, 0 skipped");
    }

    @Test
    void warningsAndSkipsDoNotFail() {
        Report report = new Selftest(List.of(check("native", bench -> CheckResult.warn("not loaded")),
                check("audio", bench -> CheckResult.skip("no sound card")))).run(bench);
        assertThat(report.passed()).isTrue();
        assertThat(report.text()).last().isEqualTo("selftest passed: 0 passed, 1 warnings, 0 failed, 1 skipped");
    }

    @Test
    void theDisplayTestScreenFillsEveryCellBelowItsTitle() {
        assertThat(DisplayCheck.testScreen(Geometry.text(16, 2)).lines()).containsExactly("deskphone selfte", "QRSTUVWXYZ012345");
        Screen screen = DisplayCheck.testScreen(Geometry.text(20, 4));
        assertThat(screen.line(0)).isEqualTo("deskphone selftest  ");
        assertThat(screen.lines().subList(1, 4)).allSatisfy(line -> assertThat(line).doesNotContain(" ").hasSize(20));
    }

    private interface Body {
        CheckResult run(Bench bench) throws Exception;
    }

    private static Check check(String name, Body body) {
        return new Check() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public CheckResult run(Bench bench) throws Exception {
                return body.run(bench);
            }
        };
    }
}
