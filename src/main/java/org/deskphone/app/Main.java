package org.deskphone.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.deskphone.hal.BoardDescriptor;

/**
 * {@code deskphone <command> [options]}: the entry point. Commands print their results on standard
 * output and their errors, one clear line each, on standard error; the exit code is 0 on success, 1 when
 * the work failed and 2 when the command line was wrong.
 */
public final class Main {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    /** Options every command that touches a phone understands. */
    static final Set<String> PHONE_OPTIONS = Set.of("board", "data", "log-level");

    private final Map<String, Command> commands = new LinkedHashMap<>();

    Main() {
        commands.put("run", new RunCommand());
        commands.put("call", new CallCommand());
        commands.put("version", new VersionCommand());
        commands.put("factory-reset", new FactoryResetCommand());
        commands.put("config", new ConfigCommand());
        commands.put("dialplan", new DialplanCommand());
        commands.put("provision", new ProvisionCommand());
        commands.put("network", new NetworkCommand());
        commands.put("selftest", new SelftestCommand());
    }

    public static void main(String[] args) {
        int code = new Main().execute(args, Console.system());
        System.exit(code);
    }

    int execute(String[] args, Console console) {
        String name = args.length == 0 ? "help" : args[0];
        if (name.equals("help") || name.equals("--help") || name.equals("-h")) {
            help(console);
            return args.length == 0 ? USAGE : OK;
        }
        Command command = commands.get(name);
        if (command == null) {
            console.err().println("deskphone: unknown command '" + name + "'; 'deskphone help' lists them");
            return USAGE;
        }
        Arguments arguments;
        try {
            Set<String> flags = new HashSet<>(command.flags());
            arguments = Arguments.parse(args, command.options(), flags);
        } catch (IllegalArgumentException e) {
            console.err().println("deskphone " + name + ": " + e.getMessage());
            return USAGE;
        }
        try {
            return command.run(arguments, console);
        } catch (IllegalArgumentException | IOException e) {
            console.err().println("deskphone " + name + ": " + e.getMessage());
            return FAILED;
        } catch (Exception e) {
            console.err().println("deskphone " + name + ": " + e);
            return FAILED;
        }
    }

    private void help(Console console) {
        console.out().println("usage: deskphone <command> [options]");
        console.out().println();
        commands.forEach((name, command) -> console.out().printf("  %-14s %s%n", name, command.summary()));
        console.out().println();
        console.out().println("options: --board NAME (default pc, or the installed board)  --data DIR (default: the board's)  --log-level LEVEL");
    }

    /**
     * The descriptor of {@code --board} from the installation's {@code board/}; without the option, the
     * {@code deskphone.board} system property (an installed board's launcher sets it), else {@code pc}.
     */
    static BoardDescriptor board(Arguments arguments) throws IOException {
        return BoardDescriptor.load(Home.boards(), arguments.option("board")
                .orElse(System.getProperty("deskphone.board", "pc")));
    }

    /** {@code --data}, else the board's default data folder. */
    static Path dataPath(Arguments arguments, BoardDescriptor board) {
        return arguments.option("data").map(DataFolder::expand)
                .orElseGet(() -> DataFolder.expand(board.require("data")));
    }
}
