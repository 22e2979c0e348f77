package org.deskphone.config;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One parameter the phone understands, such as {@code account.2.sip_server.1.address}: its type,
 * default, whether a change needs a restart, who may read and write it, and its ALE id. Obtained from
 * the {@link Catalogue}; equal when the names are.
 */
public final class Parameter {
    /** What a secret looks like in logs, {@code config show} and API responses. */
    public static final String MASK = "********";
    private static final Pattern URL_PASSWORD = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*://[^/:@\\s]*):([^/@\\s]*)@");

    private final Template template;
    private final int[] indices;
    private final String name;

    Parameter(Template template, int[] indices) {
        this.template = template;
        this.indices = indices.clone();
        this.name = template.instantiate(this.indices);
    }

    /** The canonical name, in the Yealink dotted style. */
    public String name() {
        return name;
    }

    /** The family's name with its placeholders, such as {@code account.X.sip_server.Y.address}. */
    public String family() {
        return template.name();
    }

    /** The values of the family's placeholders, in order ({@code [2, 1]} above). */
    public List<Integer> indices() {
        List<Integer> list = new ArrayList<>(indices.length);
        for (int index : indices) {
            list.add(index);
        }
        return list;
    }

    public ValueType type() {
        return template.type();
    }

    /** The factory default, in canonical form. */
    public String defaultValue() {
        return template.defaultFor(indices);
    }

    /** True when a change takes effect only after a restart ("It takes effect after reboot"). */
    public boolean needsRestart() {
        return template.restart();
    }

    /** True for passwords, keys and PINs: never logged, masked when shown, left out of exports. */
    public boolean isSecret() {
        return template.secret();
    }

    public Permission permission() {
        return template.permission();
    }

    /** The catalogue section, for grouping on screens: network, provisioning, account, ... */
    public String section() {
        return template.section();
    }

    /** The ALE {@code config.xml} id, or null when the ALE manual has no such parameter. */
    public String xmlId() {
        String xml = template.xmlName();
        if (xml == null) {
            return null;
        }
        List<Character> placeholders = template.placeholders();
        for (int i = 0; i < placeholders.size(); i++) {
            xml = xml.replace("{" + placeholders.get(i) + "}", Integer.toString(indices[i]));
        }
        return xml;
    }

    /**
     * Checks and normalises a value for this parameter.
     *
     * @throws IllegalArgumentException with a message naming the parameter, the value (unless secret) and
     *     what is permitted
     */
    public String normalize(String value) {
        try {
            return type().normalize(value);
        } catch (IllegalArgumentException e) {
            String shown = isSecret() ? "the value" : "'" + value.strip() + "'";
            throw new IllegalArgumentException(name + ": " + shown + " " + e.getMessage());
        }
    }

    /** {@code value} as it may be shown: secrets masked, passwords in URLs masked. */
    public String display(String value) {
        return mask(isSecret(), value);
    }

    /** Masks {@code value} when it is secret, and any password written in a URL ({@code ftp://u:p@host}). */
    static String mask(boolean secret, String value) {
        if (value == null) {
            return null;
        }
        if (secret) {
            return value.isEmpty() ? "" : MASK;
        }
        Matcher url = URL_PASSWORD.matcher(value);
        return url.find() ? url.replaceFirst("$1:" + Matcher.quoteReplacement(MASK) + "@") : value;
    }

    /** {@code value} without any password written in a URL, for exports. */
    static String withoutUrlPassword(String value) {
        Matcher url = URL_PASSWORD.matcher(value);
        return url.find() ? url.replaceFirst("$1@") : value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Parameter p && p.name.equals(name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return name;
    }
}
