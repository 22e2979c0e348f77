package org.deskphone.config.format;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLStreamConstants;

/**
 * The ALE {@code config.xml} dialect (ALE digest §3.2): a {@code <settings>} root holding
 * {@code <setting id="..." value="..." [override="true"]/>} elements, attributes in any order
 * (L13535), ids trimmed (the manual's own {@code " PhoneProgKey4Type"}), XML entities decoded
 * ({@code &quot;} in the {@code LdapFieldsMapping} default, L3911–3915), and
 * {@code define="default"} to restore a parameter's default (L2306–2320). Parsed with the JDK's
 * StAX with DTDs and external entities off and bounded size and depth ({@link SafeXml}).
 */
public final class XmlFormat {
    private XmlFormat() {
    }

    /**
     * Reads a {@code config.xml} file. A setting without an id, or with neither value nor define, is
     * skipped with a warning.
     *
     * @throws FormatException when the file is not well-formed XML, is hostile or has another root
     */
    public static SettingsFile read(String source, byte[] content) throws FormatException {
        List<Setting> settings = new ArrayList<>();
        List<Problem> warnings = new ArrayList<>();
        try (SafeXml xml = SafeXml.open(source, content)) {
            if (xml.next() != XMLStreamConstants.START_ELEMENT) {
                throw xml.fail("no root element");
            }
            if (!xml.name().equalsIgnoreCase("settings")) {
                throw xml.fail("the root element is <" + xml.name() + ">, not <settings>");
            }
            while (xml.nextElement()) {
                if (!xml.name().equalsIgnoreCase("setting")) {
                    warnings.add(Problem.warning(source, xml.line(), "<" + xml.name() + "> is not a <setting>; ignored"));
                    xml.skipElement();
                    continue;
                }
                Setting setting = setting(source, xml, warnings);
                if (setting != null) {
                    settings.add(setting);
                }
                xml.skipElement();
            }
        }
        return new SettingsFile(source, Dialect.XML, settings, warnings);
    }

    private static Setting setting(String source, SafeXml xml, List<Problem> warnings) {
        int line = xml.line();
        for (int i = 0; i < xml.attributeCount(); i++) {
            String name = xml.attributeName(i).toLowerCase(Locale.ROOT);
            if (!name.equals("id") && !name.equals("value") && !name.equals("define") && !name.equals("override")) {
                warnings.add(Problem.warning(source, line, "unknown attribute '" + xml.attributeName(i) + "' ignored"));
            }
        }
        String id = xml.attribute("id");
        if (id == null || id.isBlank()) {
            warnings.add(Problem.warning(source, line, "<setting> without an id; ignored"));
            return null;
        }
        id = id.strip();
        boolean override = false;
        String overrideText = xml.attribute("override");
        if (overrideText != null) {
            if (overrideText.strip().equalsIgnoreCase("true")) {
                override = true;
            } else if (!overrideText.strip().equalsIgnoreCase("false")) {
                warnings.add(Problem.warning(source, line, id + ": override=\"" + overrideText + "\" is neither true nor false; read as false"));
            }
        }
        String define = xml.attribute("define");
        if (define != null) {
            if (define.strip().equalsIgnoreCase("default")) {
                return new Setting(id, null, line, override);
            }
            warnings.add(Problem.warning(source, line, id + ": define=\"" + define + "\" is not understood (only define=\"default\"); ignored"));
            return null;
        }
        String value = xml.attribute("value");
        if (value == null) {
            warnings.add(Problem.warning(source, line, id + ": no value and no define=\"default\"; ignored"));
            return null;
        }
        return new Setting(id, value.strip(), line, override);
    }

    /**
     * Writes {@code settings} as a {@code config.xml} file that reads back to the same settings.
     *
     * @throws IllegalArgumentException for a key or value that XML 1.0 cannot carry
     */
    public static String write(List<Setting> settings) {
        StringBuilder out = new StringBuilder(48 * settings.size() + 64)
                .append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<settings>\n");
        for (Setting setting : settings) {
            appendElement(out, setting);
        }
        return out.append("</settings>\n").toString();
    }

    /** Appends one {@code <setting .../>} line. */
    public static void appendElement(StringBuilder out, Setting setting) {
        String key = setting.key();
        if (key.isEmpty() || !key.equals(key.strip())) {
            throw new IllegalArgumentException("'" + key + "' cannot be a setting id");
        }
        out.append("  <setting id=\"");
        escape(out, key);
        if (setting.isReset()) {
            out.append("\" define=\"default\"");
        } else {
            if (!setting.value().equals(setting.value().strip())) {
                throw new IllegalArgumentException(key + ": a value with surrounding blanks would not read back");
            }
            out.append("\" value=\"");
            escape(out, setting.value());
            out.append('"');
        }
        if (setting.override()) {
            out.append(" override=\"true\"");
        }
        out.append("/>\n");
    }

    static void escape(StringBuilder out, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\t' -> out.append("&#9;");
                default -> {
                    if (c < 0x20 || c == 0xFFFE || c == 0xFFFF) {
                        throw new IllegalArgumentException(String.format("U+%04X cannot be written in XML 1.0", (int) c));
                    }
                    if (Character.isSurrogate(c)) {
                        if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                            out.append(c).append(text.charAt(++i));
                            continue;
                        }
                        throw new IllegalArgumentException("an unpaired surrogate cannot be written in XML");
                    }
                    out.append(c);
                }
            }
        }
    }
}
