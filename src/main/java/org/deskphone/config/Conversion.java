package org.deskphone.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.deskphone.config.format.CfgFormat;
import org.deskphone.config.format.Dialect;
import org.deskphone.config.format.FileKind;
import org.deskphone.config.format.FormatException;
import org.deskphone.config.format.Problem;
import org.deskphone.config.format.Setting;
import org.deskphone.config.format.SettingsFile;
import org.deskphone.config.format.XmlFormat;

/**
 * Settings between the two dialects, and the configuration out of the phone. Both write canonical
 * names: in a {@code .cfg} the dotted names, in XML the ALE id where the ALE manual has one and the
 * dotted name otherwise (the store reads both back). Booleans are {@code 0}/{@code 1} in a
 * {@code .cfg} and {@code true}/{@code false} in XML.
 */
public final class Conversion {
    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(pass(word|wd)?|pwd|secret|aes|token|credential|_pin).*");

    /** A converted file and what did not carry over exactly. */
    public record Result(String text, List<Problem> problems) {
        public Result {
            problems = List.copyOf(problems);
        }
    }

    private Conversion() {
    }

    /**
     * Converts a settings file of either dialect (told from its content) to {@code target}. Values that
     * do not fit their parameter, or that the target dialect cannot write (an XML password with
     * surrounding blanks has no {@code .cfg} form), are left out with a warning; unknown keys are carried
     * over as they are; blank {@code .cfg} values, which change nothing, are left out.
     *
     * @throws FormatException when the file is not a readable settings file
     */
    public static Result convert(String source, byte[] content, Dialect target) throws FormatException {
        Catalogue catalogue = Catalogue.builtIn();
        SettingsFile file = ProvisioningRun.read(source, content, FileKind.detect(content));
        Config defaults = new Config(catalogue, Layers.EMPTY);
        Assignments assignments = Assignments.of(file, catalogue, defaults::string);
        List<Problem> problems = new ArrayList<>(assignments.problems);
        List<Setting> out = new ArrayList<>();
        for (Assignments.Assignment assignment : assignments.assignments) {
            boolean override = target == Dialect.XML && assignment.override();
            Setting setting;
            if (assignment.parameter() == null) {
                setting = new Setting(assignment.key(), assignment.value(), 0, override);
            } else {
                Parameter parameter = assignment.parameter();
                String value = assignment.value() == null ? null
                        : target == Dialect.XML ? parameter.type().toXml(assignment.value()) : assignment.value();
                setting = new Setting(keyIn(target, parameter), value, 0, override);
            }
            try {
                write(target, List.of(setting));
                out.add(setting);
            } catch (IllegalArgumentException e) {
                problems.add(Problem.warning(source, assignment.line(), e.getMessage() + " in " + target + "; left out"));
            }
        }
        return new Result(write(target, out), problems);
    }

    private static String write(Dialect dialect, List<Setting> settings) {
        return dialect == Dialect.CFG ? CfgFormat.write(settings) : XmlFormat.write(settings);
    }

    /**
     * The configuration as a settings file of {@code dialect}, without passwords: secret parameters,
     * unknown keys that look secret and passwords written in URLs are left out (ALE L14943: the exported
     * configuration contains no passwords). {@code all} adds every parameter at its default.
     */
    public static String export(Config config, Dialect dialect, boolean all) {
        List<Setting> out = new ArrayList<>();
        Map<String, Config.Value> explicit = config.explicitValues();
        if (all) {
            config.catalogue().all().forEach(parameter -> add(out, dialect, parameter, config.string(parameter.name())));
        } else {
            explicit.forEach((name, value) -> add(out, dialect, config.parameter(name), value.text()));
        }
        config.unknown().forEach((key, value) -> {
            if (!looksSecret(key)) {
                out.add(Setting.of(key, Parameter.withoutUrlPassword(value.text())));
            }
        });
        return write(dialect, out);
    }

    /** True for unknown keys whose name says they hold a secret; they are masked and never exported. */
    public static boolean looksSecret(String key) {
        return SECRET_NAME.matcher(key).matches();
    }

    private static void add(List<Setting> out, Dialect dialect, Parameter parameter, String value) {
        if (parameter.isSecret()) {
            return;
        }
        String text = Parameter.withoutUrlPassword(value);
        out.add(Setting.of(keyIn(dialect, parameter), dialect == Dialect.XML ? parameter.type().toXml(text) : text));
    }

    private static String keyIn(Dialect dialect, Parameter parameter) {
        return dialect == Dialect.XML && parameter.xmlId() != null ? parameter.xmlId() : parameter.name();
    }

}
