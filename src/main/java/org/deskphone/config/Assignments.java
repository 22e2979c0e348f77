package org.deskphone.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.deskphone.config.format.CfgFormat;
import org.deskphone.config.format.Dialect;
import org.deskphone.config.format.Problem;
import org.deskphone.config.format.Setting;
import org.deskphone.config.format.SettingsFile;

/**
 * A settings file read against the catalogue: each key resolved to its parameter (or kept as an
 * unknown key), each value checked and normalised. Values that do not fit are skipped with a warning
 * naming the parameter, the line and what is permitted; the rest of the file stands.
 */
final class Assignments {
    /**
     * One assignment to apply: {@code parameter} null for an unknown key, {@code value} null for a
     * reset to the default.
     */
    record Assignment(Parameter parameter, String key, String value, int line, boolean override) {
    }

    /** Yealink's one key for three passwords: {@code security.user_password = admin:newpass} (L5416–5431). */
    static final String USER_PASSWORD = "security.user_password";
    private static final String[] ROLES = {"admin", "var", "user"};

    final List<Assignment> assignments = new ArrayList<>();
    final List<Problem> problems = new ArrayList<>();
    /** Values assigned so far in this file, so that a later line sees an earlier one. */
    private final Map<String, String> assigned = new HashMap<>();

    private Assignments() {
    }

    /**
     * Reads {@code file}. {@code current} gives the current value of a parameter, used to recognise
     * the configured login names in {@code security.user_password}.
     */
    static Assignments of(SettingsFile file, Catalogue catalogue, Function<String, String> current) {
        Assignments result = new Assignments();
        result.problems.addAll(file.warnings());
        for (Setting setting : file.settings()) {
            result.add(file, setting, catalogue, current);
        }
        return result;
    }

    private void add(SettingsFile file, Setting setting, Catalogue catalogue, Function<String, String> current) {
        String key = setting.key();
        String value = setting.value();
        if (value != null && CfgFormat.isReset(value)) {
            value = null; // the .cfg reset tokens mean the same in XML; nobody means them literally
            setting = new Setting(key, null, setting.line(), setting.override());
        }
        boolean blank = value != null && value.isEmpty();
        if (blank && file.dialect() == Dialect.CFG) {
            return; // "key =" leaves the value as it is; %NULL% resets (Yealink digest §6 A7)
        }
        Names.Pattern[] outOfRange = new Names.Pattern[1];
        Names.Match match = catalogue.resolve(file.dialect(), key, outOfRange);
        if (match == null && isUserPassword(key)) {
            userPassword(file, setting, catalogue, current);
            return;
        }
        if (match == null) {
            keepUnknown(file, setting, outOfRange[0]);
            return;
        }
        Parameter parameter = catalogue.intern(match);
        if (value == null) {
            assignments.add(new Assignment(parameter, key, null, setting.line(), setting.override()));
            assigned.remove(parameter.name());
            return;
        }
        try {
            String normalized = parameter.normalize(value);
            assignments.add(new Assignment(parameter, key, normalized, setting.line(), setting.override()));
            assigned.put(parameter.name(), normalized);
        } catch (IllegalArgumentException e) {
            String alias = key.equals(parameter.name()) ? "" : key + " -> ";
            problems.add(Problem.warning(file.source(), setting.line(), alias + e.getMessage() + "; skipped"));
        }
    }

    private void keepUnknown(SettingsFile file, Setting setting, Names.Pattern outOfRange) {
        String key = setting.key();
        if (!StoreFile.storableKey(key)) {
            problems.add(Problem.warning(file.source(), setting.line(), "'" + key + "' is not a parameter name; ignored"));
            return;
        }
        String why = outOfRange == null ? "unknown parameter '" + key + "'"
                : "'" + key + "' has an index outside the range of " + outOfRange.template().name() + " ("
                        + ranges(outOfRange.template()) + ")";
        problems.add(Problem.warning(file.source(), setting.line(), why + "; kept as an unknown key"));
        String value = setting.value();
        if (value != null && value.chars().anyMatch(c -> c < 0x20 && c != '\t' || c == 0x7f)) {
            problems.add(Problem.warning(file.source(), setting.line(), "'" + key + "': control characters in the value; ignored"));
            return;
        }
        assignments.add(new Assignment(null, key, value, setting.line(), setting.override()));
    }

    private void userPassword(SettingsFile file, Setting setting, Catalogue catalogue, Function<String, String> current) {
        String value = setting.value();
        if (value != null && value.equals(":")) {
            return; // "user_password = :" is a template's way of saying nothing
        }
        int colon = value == null ? -1 : value.indexOf(':');
        if (colon <= 0) {
            problems.add(Problem.warning(file.source(), setting.line(),
                    USER_PASSWORD + " must be written user:password (Yealink L5416–5431); skipped"));
            return;
        }
        String user = value.substring(0, colon).strip();
        String role = null;
        for (String candidate : ROLES) {
            String login = "security.user_name." + candidate;
            if (candidate.equalsIgnoreCase(user) || user.equals(assigned.getOrDefault(login, current.apply(login)))) {
                role = candidate;
            }
        }
        if (role == null) {
            problems.add(Problem.warning(file.source(), setting.line(), USER_PASSWORD + ": '" + user
                    + "' is not the admin, var or user login name; skipped"));
            return;
        }
        Parameter parameter = catalogue.parameter("security.password." + role);
        try {
            assignments.add(new Assignment(parameter, setting.key(), parameter.normalize(value.substring(colon + 1)), setting.line(), setting.override()));
        } catch (IllegalArgumentException e) {
            problems.add(Problem.warning(file.source(), setting.line(), USER_PASSWORD + " -> " + e.getMessage() + "; skipped"));
        }
    }

    private static boolean isUserPassword(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        return lower.equals(USER_PASSWORD) || lower.equals("static." + USER_PASSWORD);
    }

    private static String ranges(Template template) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < template.placeholders().size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            out.append(template.placeholders().get(i)).append(' ').append(template.min()[i]).append("..").append(template.max()[i]);
        }
        return out.toString();
    }
}
