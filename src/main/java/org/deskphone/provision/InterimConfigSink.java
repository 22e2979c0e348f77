package org.deskphone.provision;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * A stand-in for the configuration store (issue 3) until it lands on main: just enough reading of
 * {@code .cfg} and {@code config.xml} files, Yealink AES-128-ECB decryption and a flat key-value store
 * persisted in one properties file, so that {@code deskphone provision} and the tests work end to end.
 * It knows no parameter catalogue: names are matched without letter case and without Yealink's
 * {@code static.} prefix, a restart is needed for network settings only (Yealink digest §6 A21), and secrets
 * are recognised by name. <strong>At merge, an adapter over the real store replaces this class.</strong>
 */
public final class InterimConfigSink implements ConfigSink {
    private final Optional<Path> file;
    private final Map<String, String> values = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    private InterimConfigSink(Optional<Path> file) {
        this.file = file;
    }

    /** A store kept in {@code file} (loaded now when it exists, saved after every commit). */
    public static InterimConfigSink at(Path file) throws IOException {
        InterimConfigSink sink = new InterimConfigSink(Optional.of(file));
        if (Files.exists(file)) {
            Properties properties = new Properties();
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(in);
            }
            properties.stringPropertyNames().forEach(name -> sink.values.put(name, properties.getProperty(name)));
        }
        return sink;
    }

    /** A store in memory only. */
    public static InterimConfigSink inMemory() {
        return new InterimConfigSink(Optional.empty());
    }

    /** Sets a value directly, as the web UI or a test would. */
    public void set(String name, String value) {
        values.put(canonical(name), value);
    }

    @Override
    public Optional<String> get(String name) {
        return Optional.ofNullable(values.get(canonical(name))).filter(value -> !value.isBlank());
    }

    @Override
    public ParsedFile read(FetchedFile fetched) throws ConfigRejected {
        byte[] content = fetched.content();
        if (encrypted(content)) {
            content = decrypt(fetched);
        }
        String text = new String(content, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String head = text.stripLeading();
        if (head.startsWith("<")) {
            return new Parsed(fetched, xml(fetched.source(), text));
        }
        if (firstSettingLine(text).startsWith("#!version:")) {
            return new Parsed(fetched, cfg(text));
        }
        throw new ConfigRejected(fetched.source() + ": not a Yealink .cfg file (its first line must be #!version:1.0.0.1, "
                + "Yealink L201-203) nor an ALE config.xml (<settings>)");
    }

    @Override
    public ApplyReport apply(List<ParsedFile> files) {
        Map<String, ApplyReport.Change> changes = new LinkedHashMap<>();
        for (ParsedFile parsed : files) {
            for (String[] assignment : ((Parsed) parsed).assignments) {
                String name = canonical(assignment[0]);
                String value = assignment[1];
                String old = values.get(name);
                if (value == null ? old == null : value.equals(old)) {
                    continue;
                }
                if (value == null) {
                    values.remove(name);
                } else {
                    values.put(name, value);
                }
                changes.remove(name);
                changes.put(name, new ApplyReport.Change(assignment[0], value, secret(name), needsRestart(name)));
            }
        }
        boolean restart = changes.values().stream().anyMatch(ApplyReport.Change::restart);
        List<String> warnings = new ArrayList<>();
        try {
            save();
        } catch (IOException e) {
            warnings.add("cannot save the configuration: " + e.getMessage());
        }
        return new ApplyReport(new ArrayList<>(changes.values()), List.of(), warnings, restart);
    }

    @Override
    public ApplyReport resourceInstalled(ResourceKind kind, Path resource) {
        try {
            String text = Files.readString(resource, StandardCharsets.UTF_8);
            // Yealink's contact file has two roots and no declaration (Yealink digest §6 A22).
            String wrapped = "<resource>" + text.replaceFirst("^\\s*<\\?xml[^>]*\\?>", "") + "</resource>";
            builder().parse(new InputSource(new StringReader(wrapped)));
            return new ApplyReport(List.of(new ApplyReport.Change(kind.folder() + " file", resource.getFileName().toString(),
                    false, false)), List.of(), List.of(), false);
        } catch (IOException | SAXException | ParserConfigurationException e) {
            return new ApplyReport(List.of(), List.of(new ApplyReport.Rejection(resource.toString(),
                    "not a " + kind.folder() + " file: " + e.getMessage())), List.of(), false);
        }
    }

    private static boolean encrypted(byte[] content) {
        int peek = Math.min(content.length, 64);
        for (int i = 0; i < peek; i++) {
            int b = content[i] & 0xff;
            if (b < 0x09 || b > 0x0d && b < 0x20 && b != 0x1b) {
                return true;
            }
        }
        return false;
    }

    /** Yealink's scheme: AES-128-ECB, the key's 16 ASCII bytes as the key (Yealink digest §1.6, §6 A9). */
    private static byte[] decrypt(FetchedFile fetched) throws ConfigRejected {
        String key = fetched.aesKey().orElseThrow(() -> new ConfigRejected(fetched.source()
                + ": the file is encrypted and no AES key is configured for it (" + fetched.role() + ")"));
        if (key.length() != 16 || !key.matches("[0-9A-Za-z]{16}") || fetched.content().length % 16 != 0) {
            throw new ConfigRejected(fetched.source() + ": cannot decrypt: the AES key must be 16 characters from 0-9, A-Z, a-z "
                    + "(Yealink L653-655) and the file whole AES blocks");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/ECB/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key.getBytes(StandardCharsets.US_ASCII), "AES"));
            byte[] plain = cipher.doFinal(fetched.content());
            int end = plain.length;
            while (end > 0 && plain[end - 1] == 0) {
                end--;
            }
            int pad = end == plain.length && end > 0 ? plain[end - 1] : 0;
            if (pad > 0 && pad <= 16) {
                end -= pad; // PKCS#7, as openssl writes when asked to pad
            }
            byte[] trimmed = Arrays.copyOf(plain, end);
            String text = new String(trimmed, StandardCharsets.UTF_8).stripLeading();
            if (!text.startsWith("#") && !text.startsWith("<")) {
                throw new ConfigRejected(fetched.source() + ": cannot decrypt: wrong AES key (the result is not a configuration file)");
            }
            return trimmed;
        } catch (GeneralSecurityException e) {
            throw new ConfigRejected(fetched.source() + ": cannot decrypt: " + e.getMessage(), e);
        }
    }

    private static String firstSettingLine(String text) {
        for (String line : text.split("\r?\n")) {
            String trimmed = line.trim();
            if (!trimmed.isEmpty() && !trimmed.startsWith("##")) {
                return trimmed;
            }
        }
        return "";
    }

    /** {@code key = value} lines; {@code %NULL%}/{@code !NULL!} reset, a blank value changes nothing (Yealink L2017-2021). */
    private static List<String[]> cfg(String text) {
        List<String[]> assignments = new ArrayList<>();
        for (String line : text.split("\r?\n")) {
            String trimmed = line.trim();
            int equals = trimmed.indexOf('=');
            if (trimmed.startsWith("#") || equals <= 0) {
                continue;
            }
            String key = trimmed.substring(0, equals).replaceAll("\\s", "");
            String value = trimmed.substring(equals + 1).trim();
            if (value.isEmpty()) {
                continue;
            }
            boolean reset = value.equalsIgnoreCase("%NULL%") || value.equalsIgnoreCase("!NULL!");
            assignments.add(new String[] {key, reset ? null : value});
        }
        return assignments;
    }

    /** {@code <settings><setting id value [define="default"]/></settings>} (ALE L2967-2979, L2306-2320). */
    private static List<String[]> xml(String source, String text) throws ConfigRejected {
        try {
            Element root = builder().parse(new InputSource(new StringReader(text))).getDocumentElement();
            if (!root.getTagName().equalsIgnoreCase("settings")) {
                throw new ConfigRejected(source + ": an XML file whose root is <" + root.getTagName()
                        + ">, not an ALE config.xml (<settings>)");
            }
            List<String[]> assignments = new ArrayList<>();
            NodeList settings = root.getElementsByTagName("setting");
            for (int i = 0; i < settings.getLength(); i++) {
                Element setting = (Element) settings.item(i);
                String id = setting.getAttribute("id").trim();
                if (id.isEmpty()) {
                    continue;
                }
                if (setting.getAttribute("define").equalsIgnoreCase("default")) {
                    assignments.add(new String[] {id, null});
                } else if (setting.hasAttribute("value")) {
                    assignments.add(new String[] {id, setting.getAttribute("value")});
                }
            }
            return assignments;
        } catch (SAXParseException e) {
            throw new ConfigRejected(source + ":" + e.getLineNumber() + ": not well-formed XML: " + e.getMessage(), e);
        } catch (SAXException | IOException | ParserConfigurationException e) {
            throw new ConfigRejected(source + ": not well-formed XML: " + e.getMessage(), e);
        }
    }

    private static DocumentBuilder builder() throws ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        DocumentBuilder builder = factory.newDocumentBuilder();
        builder.setErrorHandler(null);
        return builder;
    }

    private static String canonical(String name) {
        String trimmed = name.trim();
        return trimmed.regionMatches(true, 0, "static.", 0, 7) ? trimmed.substring(7) : trimmed;
    }

    private static boolean secret(String name) {
        return name.toLowerCase(Locale.ROOT).matches(".*(password|passwd|pwd|aes_key|aeskey|secret).*");
    }

    private static boolean needsRestart(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.startsWith("network.") || lower.startsWith("devicenetwork");
    }

    private void save() throws IOException {
        if (file.isEmpty()) {
            return;
        }
        Path target = file.get();
        Files.createDirectories(target.getParent());
        Properties properties = new Properties();
        values.forEach(properties::setProperty);
        Path temporary = target.resolveSibling(target.getFileName() + ".new");
        try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
            properties.store(out, "deskphone configuration (interim store, until the configuration store lands)");
        }
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static final class Parsed implements ParsedFile {
        private final FetchedFile fetched;
        private final List<String[]> assignments;

        Parsed(FetchedFile fetched, List<String[]> assignments) {
            this.fetched = fetched;
            this.assignments = assignments;
        }

        @Override
        public FetchedFile fetched() {
            return fetched;
        }

        @Override
        public Optional<String> value(String name) {
            String wanted = canonical(name);
            Optional<String> found = Optional.empty();
            for (String[] assignment : assignments) {
                if (canonical(assignment[0]).equalsIgnoreCase(wanted)) {
                    found = Optional.ofNullable(assignment[1]);
                }
            }
            return found.filter(value -> !value.isBlank());
        }
    }
}
