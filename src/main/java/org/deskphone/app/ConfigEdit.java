package org.deskphone.app;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.deskphone.config.Access;
import org.deskphone.config.Catalogue;
import org.deskphone.config.ChangeResult;
import org.deskphone.config.Config;
import org.deskphone.config.ConfigStore;
import org.deskphone.config.format.Dialect;
import org.deskphone.config.format.Problem;
import org.deskphone.loop.Clock;
import org.deskphone.loop.PhoneLoop;

/**
 * {@code deskphone config set NAME=VALUE...} and {@code config reset NAME...}: local changes made at the
 * command line of a stopped phone, as an administrator at its keypad would make them. Names may be
 * canonical or either manual's ({@code account.1.user_name}, {@code Account1UserName}); the change is all
 * or nothing, like every local change.
 */
final class ConfigEdit {
    private static final Duration SAVE_TIMEOUT = Duration.ofSeconds(10);

    private ConfigEdit() {
    }

    static int set(Arguments arguments, List<String> assignments, Console console) throws Exception {
        if (assignments.isEmpty()) {
            console.err().println("deskphone config set: name at least one NAME=VALUE");
            return Main.USAGE;
        }
        Catalogue catalogue = Catalogue.builtIn();
        Map<String, String> values = new LinkedHashMap<>();
        for (String assignment : assignments) {
            int equals = assignment.indexOf('=');
            if (equals <= 0) {
                console.err().println("deskphone config set: '" + assignment + "' is not NAME=VALUE");
                return Main.USAGE;
            }
            values.put(canonical(catalogue, assignment.substring(0, equals).strip()), assignment.substring(equals + 1).strip());
        }
        return edit(arguments, console, store -> store.change(Access.ADMIN, values));
    }

    static int reset(Arguments arguments, List<String> names, Console console) throws Exception {
        if (names.isEmpty()) {
            console.err().println("deskphone config reset: name at least one parameter");
            return Main.USAGE;
        }
        Catalogue catalogue = Catalogue.builtIn();
        List<String> canonical = new ArrayList<>();
        names.forEach(name -> canonical.add(canonical(catalogue, name)));
        return edit(arguments, console, store -> store.reset(Access.ADMIN, canonical));
    }

    /** The canonical name for a name of either dialect; an unknown name is passed on for the store to refuse. */
    private static String canonical(Catalogue catalogue, String name) {
        Optional<String> found = catalogue.find(name).or(() -> catalogue.lookup(Dialect.CFG, name))
                .or(() -> catalogue.lookup(Dialect.XML, name)).map(p -> p.name());
        return found.orElse(name);
    }

    private interface Edit {
        ChangeResult apply(ConfigStore store);
    }

    private static int edit(Arguments arguments, Console console, Edit edit) throws Exception {
        DataFolder data = DataFolder.open(Main.dataPath(arguments, Main.board(arguments)));
        try (DataFolder.Claim claim = data.claim()) {
            PhoneLoop loop = new PhoneLoop(Clock.system());
            ConfigStore store = ConfigStore.open(data.folder(Lifecycle.CONFIG_FOLDER), loop);
            loop.start("config-loop");
            ChangeResult result;
            try {
                result = loop.ask(() -> edit.apply(store)).get(SAVE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } finally {
                loop.stop(Duration.ofSeconds(2));
            }
            store.saved().get(SAVE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (!store.close(SAVE_TIMEOUT)) {
                throw new IOException("the configuration in " + data.root() + " was not saved within " + SAVE_TIMEOUT.toSeconds() + " s");
            }
            if (!result.accepted()) {
                result.problems().forEach(problem -> console.err().println("deskphone config: " + problem.message()));
                console.err().println("nothing changed");
                return Main.FAILED;
            }
            Config config = store.current();
            for (String name : result.changed()) {
                console.out().println(name + " = " + config.parameter(name).display(config.string(name)) + "  # " + config.source(name));
            }
            console.err().println(result.changed().size() + " setting" + (result.changed().size() == 1 ? "" : "s") + " changed");
            return Main.OK;
        }
    }
}
