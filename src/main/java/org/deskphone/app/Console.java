package org.deskphone.app;

import java.io.InputStream;
import java.io.PrintStream;

/** The process's standard streams, passed in so that commands can be run and read by tests. */
record Console(InputStream in, PrintStream out, PrintStream err) {

    static Console system() {
        return new Console(System.in, System.out, System.err);
    }
}
