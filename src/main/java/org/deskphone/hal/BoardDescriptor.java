package org.deskphone.hal;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * What a board is made of, read from {@code board/<name>/board.properties}: which drivers to use, the
 * display's geometry, the audio device, the model identity the phone reports when provisioning, and
 * where it keeps its data. Board-specific keys (pins, buses) are read by the board's own drivers.
 */
public final class BoardDescriptor {
    public static final String FILE_NAME = "board.properties";

    private final String name;
    private final Path source;
    private final Map<String, String> values;

    public BoardDescriptor(String name, Path source, Map<String, String> values) {
        this.name = name;
        this.source = source;
        this.values = Collections.unmodifiableMap(new TreeMap<>(values));
    }

    /** Reads {@code board/<name>/board.properties} under {@code boardsFolder}. */
    public static BoardDescriptor load(Path boardsFolder, String name) throws IOException {
        if (!name.matches("[A-Za-z0-9._-]+")) {
            throw new IOException("board name '" + name + "' may use only letters, digits, '.', '_' and '-'");
        }
        Path file = boardsFolder.resolve(name).resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            throw new IOException("no board '" + name + "': " + file + " does not exist");
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        Map<String, String> values = new TreeMap<>();
        properties.stringPropertyNames().forEach(key -> values.put(key, properties.getProperty(key).trim()));
        BoardDescriptor descriptor = new BoardDescriptor(name, file, values);
        descriptor.display();
        descriptor.drivers();
        return descriptor;
    }

    public String name() {
        return name;
    }

    /** The file this descriptor came from, for error messages. */
    public Path source() {
        return source;
    }

    /** The driver family: {@code mock} for the PC, {@code pi} for a Raspberry Pi. */
    public String drivers() {
        return require("drivers");
    }

    /** The model name the phone reports to provisioning servers and in its User-Agent. */
    public String model() {
        return get("model").orElse("deskphone-" + name);
    }

    public Geometry display() {
        String value = require("display");
        try {
            return Geometry.parse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": display: " + e.getMessage(), e);
        }
    }

    public Optional<String> get(String key) {
        String value = values.get(key);
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    public String require(String key) {
        return get(key).orElseThrow(() -> new IllegalArgumentException(source + ": missing key '" + key + "'"));
    }

    public boolean flag(String key, boolean fallback) {
        return get(key).map(value -> {
            if (value.equalsIgnoreCase("true") || value.equals("1")) {
                return true;
            }
            if (value.equalsIgnoreCase("false") || value.equals("0")) {
                return false;
            }
            throw new IllegalArgumentException(source + ": " + key + " must be true or false, not '" + value + "'");
        }).orElse(fallback);
    }

    public Map<String, String> values() {
        return values;
    }

    @Override
    public String toString() {
        return name + " (" + source + ")";
    }
}
