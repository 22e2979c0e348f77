package org.deskphone.app;

import java.util.Set;
import org.deskphone.hal.BoardDescriptor;
import org.deskphone.hal.linux.Systemd;
import org.deskphone.hal.mock.TerminalKeys;
import org.deskphone.web.WebServer;
import org.tinylog.Logger;

/**
 * {@code deskphone run}: brings the phone up on a board and keeps it up until SIGINT or SIGTERM. Prints
 * one line starting with {@code ready} once the phone is up, naming what it serves.
 */
final class RunCommand implements Command {

    @Override
    public String summary() {
        return "run the phone (PC board: mock drivers, LCD and keys in this terminal)";
    }

    @Override
    public Set<String> options() {
        return Main.PHONE_OPTIONS;
    }

    @Override
    public int run(Arguments arguments, Console console) throws Exception {
        BoardDescriptor board = Main.board(arguments);
        DataFolder data = DataFolder.open(Main.dataPath(arguments, board));
        try (DataFolder.Claim claim = data.claim()) {
            return run(board, data, arguments, console);
        }
    }

    private static int run(BoardDescriptor board, DataFolder data, Arguments arguments, Console console) throws Exception {
        String level = arguments.option("log-level").orElse(board.get("log.level").orElse("info"));
        if (board.get("log").orElse("console").equals("file")) {
            Logging.toFile(level, data.folder("logs"));
        } else {
            Logging.toConsole(level);
        }
        HostSetup.prepare(board);
        Systemd systemd = Systemd.fromEnvironment();

        boolean interactive = Terminal.interactive();
        Terminal terminal = interactive ? Terminal.raw() : null;
        TerminalKeys keys = null;
        if (interactive) {
            keys = new TerminalKeys(console.in());
            keys.start();
            TerminalKeys.HELP.forEach(console.out()::println);
        }
        TerminalKeys attachedKeys = keys;
        Lifecycle lifecycle = new Lifecycle(() -> Boards.open(board, console.out(), attachedKeys), data,
                phone -> {
                    String ready = readyLine(phone);
                    console.out().println(ready);
                    HostSetup.announce(phone, systemd, ready);
                });

        Thread onSignal = new Thread(() -> {
            systemd.stopping();
            if (!lifecycle.stopAndWait(Lifecycle.STOP_BUDGET)) {
                Logger.warn("phone did not stop within {}", Lifecycle.STOP_BUDGET);
            }
            if (terminal != null) {
                terminal.close();
            }
            Logging.shutdown();
        }, "shutdown");
        Runtime.getRuntime().addShutdownHook(onSignal);
        lifecycle.run();
        try {
            Runtime.getRuntime().removeShutdownHook(onSignal);
        } catch (IllegalStateException shuttingDown) {
            return Main.OK;
        }
        if (terminal != null) {
            terminal.close();
        }
        Logging.shutdown();
        return Main.OK;
    }

    static String readyLine(Phone phone) {
        BoardDescriptor descriptor = phone.board().descriptor();
        return "ready board=" + descriptor.name()
                + " model=" + descriptor.model()
                + " display=" + phone.board().display().geometry()
                + " data=" + phone.data().root()
                + " network=" + (phone.network().available() ? "available" : "unavailable")
                + " sip=" + phone.sip().map(ua -> SipSetup.describe(ua.endpoints())).orElse("none")
                + " web=" + phone.web().flatMap(WebServer::address).map(Object::toString).orElse("off");
    }
}
