package org.deskphone.config;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads {@code catalogue.txt}; its header comment describes the grammar. Errors name the line. */
final class CatalogueReader {
    private static final Pattern FIXED = Pattern.compile("(.*)\\[([A-Z])=([0-9]+)\\]");
    private static final Pattern RANGE = Pattern.compile("([0-9]+)\\.\\.([0-9]+)");

    private final String source;
    private final Map<String, int[]> ranges = new HashMap<>();
    private final Map<String, List<String>> names = new HashMap<>();
    private final List<Template> templates = new ArrayList<>();
    private final Names canonical = new Names();
    private final Names cfg = new Names();
    private final Names xml = new Names();
    private String section = "general";
    private String access = "2";
    private int line;

    private CatalogueReader(String source) {
        this.source = source;
    }

    static Catalogue read(String source, InputStream in) throws IOException {
        CatalogueReader reader = new CatalogueReader(source);
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String text;
            while ((text = lines.readLine()) != null) {
                reader.line++;
                try {
                    reader.line(text.strip());
                } catch (RuntimeException e) {
                    throw new IllegalStateException(source + ":" + reader.line + ": " + e.getMessage(), e);
                }
            }
        }
        return new Catalogue(reader.templates, reader.canonical, reader.cfg, reader.xml);
    }

    private void line(String text) {
        if (text.isEmpty() || text.startsWith("#")) {
            return;
        }
        if (text.startsWith("@")) {
            directive(text);
            return;
        }
        String[] columns = text.split("(?<!\\\\)\\|", -1);
        for (int i = 0; i < columns.length; i++) {
            columns[i] = columns[i].strip().replace("\\|", "|");
        }
        if (columns.length < 3) {
            throw new IllegalArgumentException("an entry needs at least name | type | default");
        }
        String name = columns[0].strip();
        String expandable = namedPlaceholder(name);
        if (expandable != null) {
            String prefix = name.substring(0, Names.placeholderAt(name, expandable.charAt(0), 0) + 1);
            for (String value : names.get(prefix)) {
                String[] copy = columns.clone();
                copy[0] = name.replace(prefix, prefix.substring(0, prefix.length() - 1) + value.toLowerCase(java.util.Locale.ROOT));
                if (copy.length > 5) {
                    copy[5] = copy[5].replace("{" + expandable + "}", value);
                }
                if (copy.length > 4) {
                    copy[4] = copy[4].replace(prefix, prefix.substring(0, prefix.length() - 1) + value.toLowerCase(java.util.Locale.ROOT));
                }
                entry(copy);
            }
            return;
        }
        entry(columns);
    }

    private void entry(String[] columns) {
        String name = columns[0].strip();
        if (!name.matches("[a-z0-9_]+(\\.([a-z0-9_]+|[A-Z]))*")) {
            throw new IllegalArgumentException("'" + name + "' is not a dotted lower-case name");
        }
        ValueType type = ValueType.parse(columns[1]);
        String defaultValue = columns[2].strip();
        boolean restart = false;
        boolean secret = type.kind() == ValueType.Kind.PASSWORD;
        String code = access;
        if (columns.length > 3) {
            for (String flag : columns[3].strip().split("\\s+")) {
                if (flag.isEmpty()) {
                    continue;
                }
                if (flag.equals("restart")) {
                    restart = true;
                } else if (flag.equals("secret")) {
                    secret = true;
                } else if (flag.startsWith("access=")) {
                    code = flag.substring("access=".length());
                } else {
                    throw new IllegalArgumentException("unknown flag '" + flag + "'");
                }
            }
        }
        List<Character> placeholders = Names.placeholdersOf(name);
        int[] min = new int[placeholders.size()];
        int[] max = new int[placeholders.size()];
        for (int i = 0; i < placeholders.size(); i++) {
            String prefix = name.substring(0, Names.placeholderAt(name, placeholders.get(i), 0) + 1);
            int[] range = ranges.get(prefix);
            if (range == null) {
                throw new IllegalArgumentException("no @index for " + prefix);
            }
            min[i] = range[0];
            max[i] = range[1];
        }
        List<String> xmlNames = list(columns, 5);
        Template template = new Template(name, List.copyOf(placeholders), min, max, type, defaultValue, restart, secret,
                Permission.parse(code), section, xmlNames.isEmpty() ? null : FIXED.matcher(xmlNames.get(0)).matches()
                        ? null : xmlNames.get(0), columns.length > 6 ? columns[6].strip() : "");
        checkDefault(template);
        templates.add(template);
        canonical.add(Names.braced(name), template, Map.of());
        cfg.add(Names.braced(name), template, Map.of());
        for (String alias : list(columns, 4)) {
            add(cfg, alias, template, true);
        }
        for (String id : xmlNames) {
            add(xml, id, template, false);
        }
    }

    private void add(Names table, String spelling, Template template, boolean dotted) {
        Map<Character, Integer> fixed = new HashMap<>();
        Matcher matcher = FIXED.matcher(spelling);
        while (matcher.matches()) {
            fixed.put(matcher.group(2).charAt(0), Integer.parseInt(matcher.group(3)));
            spelling = matcher.group(1).strip();
            matcher = FIXED.matcher(spelling);
        }
        table.add(dotted ? Names.braced(spelling) : spelling, template, fixed);
    }

    /** Defaults must be valid and already canonical, so that "is it the default?" is string equality. */
    private static void checkDefault(Template template) {
        for (int[] probe : new int[][] {template.min(), template.max()}) {
            String value = template.defaultFor(probe);
            try {
                if (!template.type().normalize(value).equals(value)) {
                    throw new IllegalArgumentException("default '" + value + "' of " + template.name()
                            + " is not in canonical form ('" + template.type().normalize(value) + "')");
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("default '" + value + "' of " + template.name() + ": " + e.getMessage());
            }
        }
    }

    private void directive(String text) {
        String[] words = text.split("\\s+");
        switch (words[0]) {
            case "@section" -> section = words[1];
            case "@access" -> {
                Permission.parse(words[1]);
                access = words[1];
            }
            case "@index" -> {
                Matcher range = RANGE.matcher(words[2]);
                if (!range.matches()) {
                    throw new IllegalArgumentException("@index needs FROM..TO, not " + words[2]);
                }
                ranges.put(words[1], new int[] {Integer.parseInt(range.group(1)), Integer.parseInt(range.group(2))});
            }
            case "@names" -> names.put(words[1], List.of(words).subList(2, words.length));
            default -> throw new IllegalArgumentException("unknown directive " + words[0]);
        }
    }

    /** The placeholder of {@code name} that ranges over names rather than numbers, if any. */
    private String namedPlaceholder(String name) {
        for (Character placeholder : Names.placeholdersOf(name)) {
            String prefix = name.substring(0, Names.placeholderAt(name, placeholder, 0) + 1);
            if (names.containsKey(prefix)) {
                return String.valueOf(placeholder);
            }
        }
        return null;
    }

    private static List<String> list(String[] columns, int index) {
        List<String> list = new ArrayList<>();
        if (columns.length > index) {
            for (String item : columns[index].split(",")) {
                if (!item.isBlank()) {
                    list.add(item.strip());
                }
            }
        }
        return list;
    }
}
