package org.deskphone.app;

import java.util.Set;

/** A {@code deskphone <name>} subcommand. Later features add theirs to {@link Main}'s table. */
interface Command {

    /** One line for {@code deskphone help}. */
    String summary();

    /** Options that take a value. */
    default Set<String> options() {
        return Set.of();
    }

    /** Options that take none. */
    default Set<String> flags() {
        return Set.of();
    }

    /** Runs; the result is the process exit code. */
    int run(Arguments arguments, Console console) throws Exception;
}
