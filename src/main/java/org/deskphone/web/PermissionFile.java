package org.deskphone.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.deskphone.config.Catalogue;
import org.deskphone.config.Parameter;
import org.deskphone.config.Permission;
import org.deskphone.config.format.CfgFormat;
import org.deskphone.config.format.Dialect;
import org.deskphone.config.format.FormatException;
import org.deskphone.config.format.Setting;
import org.deskphone.config.format.SettingsFile;
import org.deskphone.config.format.XmlFormat;

/**
 * The ALE permission file {@code UserAccessPermission.xml} (L2890-3025): {@code <setting id="ITEM"
 * value="X1X2"/>} per item, in the syntax of {@code config.xml} (or {@code ITEM = X1X2} lines). Items are
 * the web UI's pages and sections ({@code WBM*}, see {@link Pages}), the phone UI's ({@code MMI*}, kept for
 * the phone's menus), and single parameters by either dialect's name. The manual's {@code ITEM = X1X2} lines
 * and a {@code .cfg} with its header are read too. Provisioning stores it in
 * {@code <data>/resources/web-permissions/} ({@code web_item_level.url}, {@code DeviceUserAccessPermissionUrl});
 * the security page uploads it there too.
 */
final class PermissionFile {
    static final String NAME = "UserAccessPermission.xml";
    static final PermissionFile NONE = new PermissionFile(Map.of(), Map.of(), List.of());

    /** Page, section and phone-UI items by lower-cased id. */
    private final Map<String, Permission> items;
    /** Parameters by canonical name, whichever name the file used. */
    private final Map<String, Permission> parameters;
    private final List<String> warnings;

    private PermissionFile(Map<String, Permission> items, Map<String, Permission> parameters, List<String> warnings) {
        this.items = Map.copyOf(items);
        this.parameters = Map.copyOf(parameters);
        this.warnings = List.copyOf(warnings);
    }

    /**
     * Reads one permission file.
     *
     * @throws FormatException when it is not a settings file at all
     */
    static PermissionFile parse(String source, byte[] content) throws FormatException {
        String start = new String(content, 0, Math.min(content.length, 256), java.nio.charset.StandardCharsets.ISO_8859_1).stripLeading();
        SettingsFile file = start.startsWith("<") ? XmlFormat.read(source, content)
                : start.startsWith("#!version") ? CfgFormat.read(source, content) : lines(source, content);
        Map<String, Permission> items = new LinkedHashMap<>();
        Map<String, Permission> parameters = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        file.warnings().forEach(problem -> warnings.add(problem.toString()));
        for (Setting setting : file.settings()) {
            String where = source + ":" + setting.line() + ": ";
            if (setting.value() == null) {
                continue;
            }
            Permission permission;
            try {
                permission = Permission.parse(setting.value());
            } catch (IllegalArgumentException e) {
                warnings.add(where + setting.key() + ": " + e.getMessage() + "; ignored");
                continue;
            }
            String key = setting.key().strip();
            if (isItem(key)) {
                items.put(key.toLowerCase(Locale.ROOT), permission);
                continue;
            }
            Optional<Parameter> parameter = Catalogue.builtIn().lookup(Dialect.XML, key);
            if (parameter.isPresent()) {
                parameters.put(parameter.get().name(), permission);
            } else {
                warnings.add(where + key + " is neither an item of the web UI or the phone UI nor a parameter; ignored");
            }
        }
        return new PermissionFile(items, parameters, warnings);
    }

    /** The manual's own notation, {@code ItemName = X1X2} per line (L2895), with {@code #} comments. */
    private static SettingsFile lines(String source, byte[] content) throws FormatException {
        List<Setting> settings = new ArrayList<>();
        String[] lines = new String(content, java.nio.charset.StandardCharsets.UTF_8).split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int equals = line.indexOf('=');
            if (equals <= 0) {
                throw new FormatException(source, i + 1, "expected ITEM = X1X2 (ALE L2895)");
            }
            settings.add(new Setting(line.substring(0, equals).strip(), line.substring(equals + 1).strip(), i + 1, false));
        }
        return new SettingsFile(source, Dialect.CFG, settings, List.of());
    }

    /**
     * Every permission file in {@code folder}, oldest first, later files winning per item; files that cannot
     * be read are reported as warnings and skipped.
     */
    static PermissionFile read(Path folder) {
        if (!Files.isDirectory(folder)) {
            return NONE;
        }
        Map<String, Permission> items = new LinkedHashMap<>();
        Map<String, Permission> parameters = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> sorted = files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith("."))
                    .sorted(Comparator.comparing(PermissionFile::modified).thenComparing(Path::toString)).toList();
            for (Path path : sorted) {
                try {
                    PermissionFile one = parse(path.getFileName().toString(), Files.readAllBytes(path));
                    items.putAll(one.items);
                    parameters.putAll(one.parameters);
                    warnings.addAll(one.warnings);
                } catch (FormatException e) {
                    warnings.add(e.getMessage() + " (the whole file is ignored)");
                }
            }
        } catch (IOException e) {
            warnings.add(folder + ": " + e.getMessage());
        }
        return new PermissionFile(items, parameters, warnings);
    }

    /** The code the file gives {@code parameter}, under whichever of its names the file used. */
    Optional<Permission> parameter(Parameter parameter) {
        return Optional.ofNullable(parameters.get(parameter.name()));
    }

    /** The code the file gives {@code item} (a page or section item, or a parameter's name). */
    Optional<Permission> item(String item) {
        return item == null ? Optional.empty() : Optional.ofNullable(items.get(item.toLowerCase(Locale.ROOT)));
    }

    /** Every item and parameter the file names, for the security page. */
    Map<String, Permission> entries() {
        Map<String, Permission> all = new java.util.TreeMap<>(items);
        all.putAll(parameters);
        return all;
    }

    List<String> warnings() {
        return warnings;
    }

    boolean isEmpty() {
        return items.isEmpty() && parameters.isEmpty();
    }

    private static boolean isItem(String key) {
        if (key.regionMatches(true, 0, "MMI", 0, 3)) {
            return true;
        }
        for (Pages.Page page : Pages.ALL) {
            if (page.item().equalsIgnoreCase(key) || page.sections().stream().anyMatch(s -> s.item().equalsIgnoreCase(key))) {
                return true;
            }
        }
        return false;
    }

    private static long modified(Path path) {
        try {
            return Files.getLastModifiedTime(path).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }
}
