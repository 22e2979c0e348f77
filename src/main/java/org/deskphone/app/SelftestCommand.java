package org.deskphone.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.deskphone.app.selftest.Bench;
import org.deskphone.app.selftest.CheckResult;
import org.deskphone.app.selftest.Report;
import org.deskphone.app.selftest.Selftest;
import org.deskphone.hal.Board;
import org.deskphone.hal.BoardDescriptor;

/**
 * {@code deskphone selftest}: opens the board as the phone would, runs {@link Selftest#standard()} on it
 * and prints one line per check and a summary. Exit code 0 when nothing failed, 1 otherwise. On a board
 * whose phone is running, stop the phone first: its drivers hold the pins.
 */
final class SelftestCommand implements Command {

    @Override
    public String summary() {
        return "check the board's keys, hook, display, LEDs and audio, the native helpers and the data folder";
    }

    @Override
    public Set<String> options() {
        return Main.PHONE_OPTIONS;
    }

    @Override
    public int run(Arguments arguments, Console console) throws Exception {
        BoardDescriptor descriptor = Main.board(arguments);
        Logging.toConsole(arguments.option("log-level").orElse("warn"));
        try {
            return run(descriptor, DataFolder.open(Main.dataPath(arguments, descriptor)), console);
        } finally {
            Logging.shutdown();
        }
    }

    private static int run(BoardDescriptor descriptor, DataFolder data, Console console) {
        console.out().println("deskphone selftest: board " + descriptor.name() + " (" + descriptor.model() + "), deskphone "
                + Version.version() + ", java " + System.getProperty("java.version") + " on " + System.getProperty("os.arch"));
        List<Exception> driverErrors = Bench.errorSink();
        Board board;
        try {
            board = Boards.open(descriptor, null, null, driverErrors::add);
        } catch (RuntimeException e) {
            print(console, new Report(List.of(new Report.Line("board", CheckResult.fail(e.getMessage())))));
            return Main.FAILED;
        }
        try (Bench bench = new Bench(board, data, driverErrors)) {
            List<Report.Line> lines = new ArrayList<>();
            lines.add(new Report.Line("board", CheckResult.pass(descriptor.drivers() + " drivers from " + descriptor.source()
                    + "; display " + board.display().geometry() + "; audio " + board.audio().name())));
            lines.addAll(Selftest.standard().run(bench).lines());
            Report report = new Report(lines);
            print(console, report);
            return report.passed() ? Main.OK : Main.FAILED;
        }
    }

    private static void print(Console console, Report report) {
        report.text().forEach(console.out()::println);
    }
}
