package org.deskphone.app;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
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
 * {@code deskphone config check|show|set|reset|convert|encrypt|decrypt}: the configuration files and the store
 * from the command line. Results go to standard output; one-line errors to standard error.
 */
final class ConfigCommand implements Command {
    private static final Gson JSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();
    private static final String USAGE = String.join("\n",
            "usage: deskphone config <verb> ...",
            "  check [--key KEY] FILE...            validate .cfg, config.xml, contact, replace-rule and dial-now files;",
            "                                       prints FILE:LINE: error|warning: message, exits 1 on any error",
            "  show [--data DIR] [--all] [--json]   the effective configuration, each value's source as a comment;",
            "                                       secrets masked (--all adds the factory defaults)",
            "  set [--data DIR] NAME=VALUE...       local changes on a stopped phone, as its administrator; names",
            "                                       canonical or either manual's; all or nothing",
            "  reset [--data DIR] NAME...           drop local changes: the provisioned value or the default shows",
            "  convert --to cfg|xml FILE            FILE in the other dialect, with canonical names, on standard output",
            "  encrypt --key KEY [--scheme yealink|deskphone] IN OUT",
            "  decrypt --key KEY IN OUT             AES-encrypt or decrypt a provisioning file");

    @Override
    public String summary() {
        return "check, show, set, reset, convert, encrypt or decrypt configuration ('deskphone config' for more)";
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
            case "set":
                return ConfigEdit.set(arguments, files, console);
            case "reset":
                return ConfigEdit.reset(arguments, files, console);
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
        JsonArray parameters = new JsonArray();
        if (all) {
            config.catalogue().all().forEach(p -> parameters.add(entry(p.name(), p.display(config.string(p.name())),
                    config.source(p.name()).toString())));
        } else {
            config.explicitValues().forEach((name, value) -> parameters.add(entry(name, config.parameter(name).display(value.text()),
                    value.source().toString())));
        }
        JsonArray unknown = new JsonArray();
        config.unknown().forEach((key, value) -> unknown.add(entry(key, Conversion.looksSecret(key) ? Parameter.MASK : value.text(),
                value.source().toString())));
        JsonArray files = new JsonArray();
        for (AppliedFile file : config.provisionedFiles()) {
            JsonObject applied = new JsonObject();
            applied.addProperty("name", file.name());
            applied.addProperty("md5", file.md5());
            applied.addProperty("applied_at", file.appliedAt().toString());
            files.add(applied);
        }
        JsonObject json = new JsonObject();
        json.add("parameters", parameters);
        json.add("unknown", unknown);
        json.add("provisioned_files", files);
        out.println(JSON.toJson(json));
    }

    private static JsonObject entry(String name, String value, String source) {
        JsonObject entry = new JsonObject();
        entry.addProperty("name", name);
        entry.addProperty("value", value);
        entry.addProperty("source", source);
        return entry;
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
