package org.deskphone.call;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.deskphone.config.Catalogue;
import org.deskphone.config.Config;
import org.deskphone.config.Parameter;
import org.deskphone.config.format.Dialect;
import org.deskphone.config.Source;
import org.deskphone.config.ValueType;

/**
 * The settings the phone's features read, by canonical name, with the catalogue's defaults: the
 * configuration store's snapshot, under which an overlay of local values may lie ({@code <data>/sip.cfg},
 * the interim local settings). A value changed locally in the store (menus, web UI) wins over the overlay;
 * the overlay wins over provisioned values and defaults, as it does for SIP. Immutable.
 */
public final class PhoneSettings {
    private final Config config;
    private final Map<String, String> overlay;

    /** {@code overlay}: canonical names to values in canonical form. */
    public PhoneSettings(Config config, Map<String, String> overlay) {
        this.config = Objects.requireNonNull(config, "config");
        this.overlay = Map.copyOf(overlay);
    }

    public static PhoneSettings of(Config config) {
        return new PhoneSettings(config, Map.of());
    }

    public Config config() {
        return config;
    }

    /** The value as text in canonical form; empty when blank. */
    public String text(String name) {
        name = canonical(name);
        Config.Value value = config.value(name);
        if (value.source().kind() != Source.Kind.LOCAL && overlay.containsKey(name)) {
            return overlay.get(name);
        }
        return value.text();
    }

    /** Whether the value is set rather than a factory default (which of two dialects' settings to follow). */
    public boolean isSet(String name) {
        name = canonical(name);
        return overlay.containsKey(name) || config.source(name).kind() != Source.Kind.FACTORY;
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
