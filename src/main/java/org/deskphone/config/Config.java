package org.deskphone.config;

import java.time.LocalTime;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The configuration at one moment: immutable, so any thread may read it (web UI, LCD) while the phone
 * loop moves on. Every read is by canonical name, including indexed names
 * ({@code account.2.sip_server.1.address}); a name that is not in the catalogue is a programming error
 * and throws {@link IllegalArgumentException}. Precedence, highest first: local changes, provisioned
 * files (later over earlier), factory defaults; see {@link ConfigStore} for how provisioning and local
 * changes interact.
 */
public final class Config {
    /** A value in canonical form and where it came from. */
    public record Value(String text, Source source) {
    }

    private final Catalogue catalogue;
    private final Layers layers;
    private volatile SortedMap<String, Value> explicit;

    Config(Catalogue catalogue, Layers layers) {
        this.catalogue = catalogue;
        this.layers = layers;
    }

    public Catalogue catalogue() {
        return catalogue;
    }

    /** The effective value and its source. */
    public Value value(String name) {
        Parameter parameter = catalogue.parameter(name);
        String local = layers.local().get(name);
        if (local != null) {
            return new Value(local, Source.LOCAL);
        }
        Value provisioned = layers.provisioned().get(name);
        return provisioned != null ? provisioned : new Value(parameter.defaultValue(), Source.FACTORY);
    }

    /** The value as text in canonical form; empty when blank. */
    public String string(String name) {
        return value(name).text();
    }

    public Source source(String name) {
        return value(name).source();
    }

    public Parameter parameter(String name) {
        return catalogue.parameter(name);
    }

    public boolean isBlank(String name) {
        return string(name).isEmpty();
    }

    /** A boolean parameter ({@code 1} is true); blank reads as false. */
    public boolean bool(String name) {
        String text = string(name);
        switch (text) {
            case "1":
                return true;
            case "0":
            case "":
                return false;
            default:
                throw new IllegalStateException(name + " is not a boolean parameter (its value is " + parameter(name).type() + ")");
        }
    }

    /**
     * An integer parameter.
     *
     * @throws IllegalStateException when it is blank (check {@link #isBlank} for parameters that may be)
     */
    public int integer(String name) {
        String text = string(name);
        if (text.isEmpty()) {
            throw new IllegalStateException(name + " is blank");
        }
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalStateException(name + " is not an integer parameter (" + parameter(name).type() + ")");
        }
    }

    /** A number parameter (SIP timers); blank throws like {@link #integer}. */
    public double decimal(String name) {
        String text = string(name);
        if (text.isEmpty()) {
            throw new IllegalStateException(name + " is blank");
        }
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalStateException(name + " is not a number parameter (" + parameter(name).type() + ")");
        }
    }

    /** A list parameter split at its separator; empty when blank. */
    public List<String> list(String name) {
        ValueType type = parameter(name).type();
        if (type.kind() != ValueType.Kind.LIST) {
            throw new IllegalStateException(name + " is not a list parameter (" + type + ")");
        }
        String text = string(name);
        return text.isEmpty() ? List.of() : List.of(text.split(java.util.regex.Pattern.quote(String.valueOf(type.separator()))));
    }

    /** A time parameter (HH:MM). */
    public LocalTime time(String name) {
        String text = string(name);
        if (text.isEmpty()) {
            throw new IllegalStateException(name + " is blank");
        }
        return LocalTime.parse(text);
    }

    /** Every value that is not a factory default, by canonical name. */
    public SortedMap<String, Value> explicitValues() {
        SortedMap<String, Value> values = explicit;
        if (values == null) {
            TreeMap<String, Value> merged = new TreeMap<>(layers.provisioned());
            layers.local().forEach((name, text) -> merged.put(name, new Value(text, Source.LOCAL)));
            values = Collections.unmodifiableSortedMap(merged);
            explicit = values;
        }
        return values;
    }

    /** Keys that provisioned files set but the catalogue does not know, kept as the files wrote them. */
    public SortedMap<String, Value> unknown() {
        return Collections.unmodifiableSortedMap(new TreeMap<>(layers.unknown()));
    }

    /** The local changes alone (what ALE keeps in {@code <MAC>-local.xml}), by canonical name. */
    public Map<String, String> localChanges() {
        return layers.local();
    }

    /** The files the last provisioning run applied, in order, with their MD5s. */
    public List<AppliedFile> provisionedFiles() {
        return layers.applied();
    }

    Layers layers() {
        return layers;
    }
}
