package org.deskphone.call;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.deskphone.config.Catalogue;
import org.deskphone.config.Config;
import org.deskphone.config.Parameter;
import org.deskphone.config.format.Dialect;
import org.deskphone.config.Source;
import org.deskphone.config.ValueType;

/**
 * The settings the phone's features read, by canonical name or either manual's spelling, with the
 * catalogue's defaults: a view of one configuration store snapshot. Immutable.
 */
public final class PhoneSettings {
    private final Config config;

    private PhoneSettings(Config config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    public static PhoneSettings of(Config config) {
        return new PhoneSettings(config);
    }

    public Config config() {
        return config;
    }

    /** The value as text in canonical form; empty when blank. */
    public String text(String name) {
        return config.value(canonical(name)).text();
    }

    /** Whether the value is set rather than a factory default (which of two dialects' settings to follow). */
    public boolean isSet(String name) {
        return config.source(canonical(name)).kind() != Source.Kind.FACTORY;
    }

    /**
     * The canonical name of a parameter named by either manual's spelling ({@code dynamickey.Softkey1.type} is
     * {@code dynamickey.softkey1.type}); an unknown name stays as it is, and the store says it is unknown.
     */
    private String canonical(String name) {
        Catalogue catalogue = config.catalogue();
        return catalogue.find(name).or(() -> catalogue.lookup(Dialect.CFG, name)).or(() -> catalogue.lookup(Dialect.XML, name))
                .map(Parameter::name).orElse(name);
    }

    public boolean bool(String name) {
        return text(name).equals("1");
    }

    /** An integer setting; {@code fallback} when it is blank. */
    public int integer(String name, int fallback) {
        String text = text(name);
        if (text.isEmpty()) {
            return fallback;
        }
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    public int integer(String name) {
        return integer(name, 0);
    }

    /** A list setting split at its separator; empty when blank. */
    public List<String> list(String name) {
        ValueType type = config.parameter(canonical(name)).type();
        String text = text(name);
        if (text.isEmpty()) {
            return List.of();
        }
        char separator = type.kind() == ValueType.Kind.LIST ? type.separator() : ',';
        return List.of(text.split(Pattern.quote(String.valueOf(separator)))).stream().map(String::strip)
                .filter(item -> !item.isEmpty()).toList();
    }
}
