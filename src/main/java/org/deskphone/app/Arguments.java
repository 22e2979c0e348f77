package org.deskphone.app;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A subcommand and its {@code --name value} options, checked against what the subcommand accepts. */
final class Arguments {
    private final String command;
    private final Map<String, String> options;
    private final List<String> rest;

    private Arguments(String command, Map<String, String> options, List<String> rest) {
        this.command = command;
        this.options = options;
        this.rest = rest;
    }

    /**
     * Parses {@code args}. Options in {@code flags} take no value; the others take one.
     *
     * @throws IllegalArgumentException naming the option that is wrong
     */
    static Arguments parse(String[] args, Set<String> valued, Set<String> flags) {
        if (args.length == 0) {
            return new Arguments("help", Map.of(), List.of());
        }
        Map<String, String> options = new HashMap<>();
        List<String> rest = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                rest.add(arg);
                continue;
            }
            String name = arg.substring(2);
            String value = null;
            int equals = name.indexOf('=');
            if (equals >= 0) {
                value = name.substring(equals + 1);
                name = name.substring(0, equals);
            }
            if (flags.contains(name)) {
                if (value != null) {
                    throw new IllegalArgumentException("option --" + name + " takes no value");
                }
                options.put(name, "true");
            } else if (valued.contains(name)) {
                if (value == null) {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException("option --" + name + " needs a value");
                    }
                    value = args[++i];
                }
                options.put(name, value);
            } else {
                throw new IllegalArgumentException("unknown option --" + name);
            }
        }
        return new Arguments(args[0], options, rest);
    }

    String command() {
        return command;
    }

    Optional<String> option(String name) {
        return Optional.ofNullable(options.get(name));
    }

    boolean flag(String name) {
        return options.containsKey(name);
    }

    List<String> rest() {
        return rest;
    }
}
