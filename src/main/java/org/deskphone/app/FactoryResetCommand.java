package org.deskphone.app;

import java.util.Set;

/** Wipes a stopped phone's data folder. A running phone is reset from its menu or web UI instead. */
final class FactoryResetCommand implements Command {

    @Override
    public String summary() {
        return "wipe the data folder: configuration, certificates, history (needs --yes)";
    }

    @Override
    public Set<String> options() {
        return Main.PHONE_OPTIONS;
    }

    @Override
    public Set<String> flags() {
        return Set.of("yes");
    }

    @Override
    public int run(Arguments arguments, Console console) throws Exception {
        DataFolder data = DataFolder.open(Main.dataPath(arguments, Main.board(arguments)));
        if (!arguments.flag("yes")) {
            console.err().println("deskphone factory-reset: this wipes everything in " + data + "; add --yes to do it");
            return Main.USAGE;
        }
        try (DataFolder.Claim claim = data.claim()) {
            data.wipe();
        }
        console.out().println("factory reset: " + data + " wiped");
        return Main.OK;
    }
}
