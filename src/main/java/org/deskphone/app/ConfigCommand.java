package org.deskphone.app;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.deskphone.config.AppliedFile;
import org.deskphone.config.Config;
import org.deskphone.config.ConfigStore;
import org.deskphone.config.Conversion;
import org.deskphone.config.FileCheck;
import org.deskphone.config.Parameter;
import org.deskphone.config.format.ConfigCipher;
import org.deskphone.config.format.Dialect;
import org.deskphone.config.format.FileKind;
import org.deskphone.config.format.FormatException;
import org.deskphone.config.format.Problem;

/**
 * {@code deskphone config check|show|convert|encrypt|decrypt}: the configuration files and the store
 * from the command line. Results go to standard output; one-line errors to standard error.
 */
final class ConfigCommand implements Command {
    private static final String USAGE = String.join("\n",
            "usage: deskphone config <verb> ...",
            "  check [--key KEY] FILE...            validate .cfg, config.xml, contact, replace-rule and dial-now files;",
            "                                       prints FILE:LINE: error|warning: message, exits 1 on any error",
            "  show [--data DIR] [--all] [--json]   the effective configuration, each value's source as a comment;",
            "                                       secrets masked (--all adds the factory defaults)",
            "  convert --to cfg|xml FILE            FILE in the other dialect, with canonical names, on standard output",
            "  encrypt --key KEY [--scheme yealink|deskphone] IN OUT",
            "  decrypt --key KEY IN OUT             AES-encrypt or decrypt a provisioning file");

    @Override
    public String summary() {
        return "check, show, convert, encrypt or decrypt configuration ('deskphone config' for more)";
    }

    @Override
    public Set<String> options() {
        return Set.of("board", "data", "log-level", "to", "key", "scheme");
    }

    @Override
    public Set<String> flags() {
        return Set.of("json", "all");
    }

    @Override
    public int run(Arguments arguments, Console console) throws Exception {
        List<String> rest = arguments.rest();
        if (rest.isEmpty()) {
            console.err().println(USAGE);
            return Main.USAGE;
        }
        List<String> files = rest.subList(1, rest.size());
        switch (rest.get(0)) {
            case "check":
                return check(arguments, files, console);
            case "show":
                return show(arguments, files, console);
            case "convert":
                return convert(arguments, files, console);
            case "encrypt":
            case "decrypt":
                return cipher(rest.get(0).equals("encrypt"), arguments, files, console);
            case "help":
                console.out().println(USAGE);
                return Main.OK;
            default:
                console.err().println("deskphone config: unknown verb '" + rest.get(0) + "'\n" + USAGE);
                return Main.USAGE;
        }
    }

    private static int check(Arguments arguments, List<String> files, Console console) throws IOException {
        if (files.isEmpty()) {
            console.err().println("deskphone config check: name at least one FILE");
            return Main.USAGE;
        }
        int errors = 0;
        int warnings = 0;
        for (String name : files) {
            byte[] content = Files.readAllBytes(Path.of(name));
            List<Problem> problems;
            if (FileKind.detect(content) == FileKind.ENCRYPTED && arguments.option("key").isPresent()) {
                try {
                    problems = FileCheck.check(name, ConfigCipher.decrypt(name, content, arguments.option("key").get()));
                } catch (FormatException e) {
                    problems = List.of(e.problem());
                }
            } else {
                problems = FileCheck.check(name, content);
            }
            for (Problem problem : problems) {
                console.out().println(problem);
                if (problem.isError()) {
                    errors++;
                } else {
                    warnings++;
                }
            }
        }
        console.err().println("checked " + files.size() + " file" + (files.size() == 1 ? "" : "s") + ": "
                + errors + " error" + (errors == 1 ? "" : "s") + ", " + warnings + " warning" + (warnings == 1 ? "" : "s"));
        return errors > 0 ? Main.FAILED : Main.OK;
    }

    private static int show(Arguments arguments, List<String> extra, Console console) throws IOException {
        if (!extra.isEmpty()) {
            console.err().println("deskphone config show: takes no files (use --data DIR)");
            return Main.USAGE;
        }
        Path data = arguments.option("data").isPresent() ? DataFolder.expand(arguments.option("data").get())
                : Main.dataPath(arguments, Main.board(arguments));
        Path folder = data.resolve(Lifecycle.CONFIG_FOLDER);
        Config config = ConfigStore.read(folder);
        if (arguments.flag("json")) {
            showJson(config, arguments.flag("all"), console.out());
        } else {
            showCfg(config, folder, arguments.flag("all"), console.out());
        }
        return Main.OK;
    }

    private static void showCfg(Config config, Path folder, boolean all, PrintStream out) {
        out.println("#!version:1.0.0.1");
        out.println("## deskphone configuration in " + folder + "; each value's source follows '#'; secrets masked");
        for (AppliedFile file : config.provisionedFiles()) {
            out.println("## last provisioning: " + file.name() + " md5 " + file.md5() + " at " + file.appliedAt());
        }
        if (all) {
            config.catalogue().all().forEach(parameter -> line(out, parameter.name(),
                    parameter.display(config.string(parameter.name())), config.source(parameter.name()).toString()));
        } else {
            config.explicitValues().forEach((name, value) -> line(out, name, config.parameter(name).display(value.text()),
                    value.source().toString()));
        }
        Map<String, Config.Value> unknown = config.unknown();
        if (!unknown.isEmpty()) {
            out.println("## keys this firmware does not know, kept as provisioned:");
            unknown.forEach((key, value) -> line(out, key, Conversion.looksSecret(key) ? Parameter.MASK : value.text(),
                    "unknown, " + value.source()));
        }
    }

    private static void line(PrintStream out, String key, String value, String source) {
        String assignment = value.isEmpty() ? key + " =" : key + " = " + value;
        out.println(String.format(Locale.ROOT, "%-56s # %s", assignment, source));
    }

    private static void showJson(Config config, boolean all, PrintStream out) {
        StringBuilder json = new StringBuilder("{\n  \"parameters\": [");
        String[] separator = {"\n"};
        if (all) {
            config.catalogue().all().forEach(p -> {
                json.append(separator[0]);
                parameterJson(json, p.name(), p.display(config.string(p.name())), config.source(p.name()).toString());
                separator[0] = ",\n";
            });
        } else {
            config.explicitValues().forEach((name, value) -> {
                json.append(separator[0]);
                parameterJson(json, name, config.parameter(name).display(value.text()), value.source().toString());
                separator[0] = ",\n";
            });
        }
        json.append("\n  ],\n  \"unknown\": [");
        separator[0] = "\n";
        config.unknown().forEach((key, value) -> {
            json.append(separator[0]);
            parameterJson(json, key, Conversion.looksSecret(key) ? Parameter.MASK : value.text(), value.source().toString());
            separator[0] = ",\n";
        });
        json.append("\n  ],\n  \"provisioned_files\": [");
        separator[0] = "\n";
        for (AppliedFile file : config.provisionedFiles()) {
            json.append(separator[0]).append("    {\"name\": ").append(quote(file.name())).append(", \"md5\": ")
                    .append(quote(file.md5())).append(", \"applied_at\": ").append(quote(file.appliedAt().toString())).append('}');
            separator[0] = ",\n";
        }
        json.append("\n  ]\n}");
        out.println(json);
    }

    private static void parameterJson(StringBuilder json, String name, String value, String source) {
        json.append("    {\"name\": ").append(quote(name)).append(", \"value\": ").append(quote(value))
                .append(", \"source\": ").append(quote(source)).append('}');
    }

    static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static int convert(Arguments arguments, List<String> files, Console console) throws IOException {
        String to = arguments.option("to").orElse("");
        if (files.size() != 1 || !(to.equals("cfg") || to.equals("xml"))) {
            console.err().println("deskphone config convert: use --to cfg|xml FILE");
            return Main.USAGE;
        }
        String name = files.get(0);
        try {
            Conversion.Result result = Conversion.convert(name, Files.readAllBytes(Path.of(name)),
                    to.equals("cfg") ? Dialect.CFG : Dialect.XML);
            result.problems().forEach(console.err()::println);
            console.out().print(result.text());
            return Main.OK;
        } catch (FormatException e) {
            console.err().println(e.problem());
            return Main.FAILED;
        }
    }

    private static int cipher(boolean encrypt, Arguments arguments, List<String> files, Console console) throws IOException {
        String verb = encrypt ? "encrypt" : "decrypt";
        if (files.size() != 2 || arguments.option("key").isEmpty()) {
            console.err().println("deskphone config " + verb + ": use --key KEY IN OUT");
            return Main.USAGE;
        }
        String key = arguments.option("key").get();
        Path in = Path.of(files.get(0));
        Path out = Path.of(files.get(1));
        byte[] content = Files.readAllBytes(in);
        byte[] result;
        if (encrypt) {
            ConfigCipher.Scheme scheme = scheme(arguments, content);
            result = ConfigCipher.encrypt(scheme, key, content);
        } else {
            try {
                result = ConfigCipher.decrypt(files.get(0), content, key);
            } catch (FormatException e) {
                console.err().println(e.problem());
                return Main.FAILED;
            }
        }
        Files.write(out, result);
        if (!encrypt) {
            restrict(out);
        }
        console.out().println(verb + "ed " + in + " -> " + out);
        return Main.OK;
    }

    private static ConfigCipher.Scheme scheme(Arguments arguments, byte[] content) {
        String scheme = arguments.option("scheme").orElse(FileKind.detect(content) == FileKind.CFG_SETTINGS ? "yealink" : "deskphone");
        switch (scheme) {
            case "yealink":
                return ConfigCipher.Scheme.YEALINK;
            case "deskphone":
                return ConfigCipher.Scheme.DESKPHONE;
            default:
                throw new IllegalArgumentException("--scheme is yealink or deskphone, not '" + scheme + "'");
        }
    }

    /** A decrypted file holds passwords: readable by its owner only, where the file system can say so. */
    private static void restrict(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system
        }
    }
}
