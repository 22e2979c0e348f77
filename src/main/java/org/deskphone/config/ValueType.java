package org.deskphone.config;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The type of a parameter's value: what may be written and how it is normalised. Values are held as
 * text in their canonical form (the {@code .cfg} form: booleans {@code 0}/{@code 1}, times
 * {@code HH:MM}, lists without blanks around the separators), so that two spellings of one value
 * compare equal. Declared in the catalogue with a small grammar, for example {@code bool},
 * {@code int 1..65535}, {@code int? 0,15,30}, {@code enum IPv4,IPv6}, {@code string 64},
 * {@code string 0..100 /[0-9#*]*}/}, {@code password 3..32}, {@code url 512}, {@code host}, {@code ip},
 * {@code time}, {@code float 0.5..10}, {@code list , 5 int 128..254}; a {@code ?} after the kind lets
 * a number, choice or time be blank.
 */
public final class ValueType {
    public enum Kind {
        BOOL, INT, ENUM, STRING, PASSWORD, URL, HOST, IP, TIME, FLOAT, LIST
    }

    private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]{1,10}");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?([0-9]{1,9}(\\.[0-9]{0,6})?|\\.[0-9]{1,6})");
    private static final Pattern TIME = Pattern.compile("([01]?[0-9]|2[0-3]):([0-5][0-9])");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9._:%\\[\\]-]{1,255}");
    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");
    /** Strings without a stated limit: generous, but bounded (Yealink digest §6 A40). */
    static final int DEFAULT_MAX_LENGTH = 511;

    private final Kind kind;
    private final String spec;
    private final boolean blankAllowed;
    private final BigDecimal min;
    private final BigDecimal max;
    private final List<String> choices;
    private final int minLength;
    private final int maxLength;
    private final Pattern pattern;
    private final char separator;
    private final int maxItems;
    private final ValueType element;

    private ValueType(Kind kind, String spec, boolean blankAllowed, BigDecimal min, BigDecimal max, List<String> choices,
            int minLength, int maxLength, Pattern pattern, char separator, int maxItems, ValueType element) {
        this.kind = kind;
        this.spec = spec;
        this.blankAllowed = blankAllowed;
        this.min = min;
        this.max = max;
        this.choices = choices;
        this.minLength = minLength;
        this.maxLength = maxLength;
        this.pattern = pattern;
        this.separator = separator;
        this.maxItems = maxItems;
        this.element = element;
    }

    /**
     * Reads a type declaration of the catalogue grammar.
     *
     * @throws IllegalArgumentException naming what is wrong with it
     */
    public static ValueType parse(String spec) {
        String text = spec.strip();
        int space = text.indexOf(' ');
        String word = space < 0 ? text : text.substring(0, space);
        String rest = space < 0 ? "" : text.substring(space + 1).strip();
        boolean optional = word.endsWith("?");
        if (optional) {
            word = word.substring(0, word.length() - 1);
        }
        Kind kind;
        try {
            kind = Kind.valueOf(word.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown type '" + word + "' in '" + spec + "'");
        }
        switch (kind) {
            case BOOL:
            case HOST:
            case IP:
            case TIME:
                if (!rest.isEmpty()) {
                    throw new IllegalArgumentException("'" + word + "' takes no arguments: '" + spec + "'");
                }
                return new ValueType(kind, text, optional || kind == Kind.HOST || kind == Kind.IP, null, null, List.of(),
                        0, kind == Kind.HOST ? 255 : 64, null, '\0', 0, null);
            case INT:
            case FLOAT:
                if (rest.contains("..")) {
                    String[] bounds = rest.split("\\.\\.", 2);
                    return new ValueType(kind, text, optional, new BigDecimal(bounds[0].strip()),
                            new BigDecimal(bounds[1].strip()), List.of(), 0, 0, null, '\0', 0, null);
                }
                if (kind == Kind.INT && !rest.isEmpty()) {
                    List<String> values = new ArrayList<>();
                    for (String value : rest.split(",")) {
                        values.add(new BigDecimal(value.strip()).toBigIntegerExact().toString());
                    }
                    return new ValueType(kind, text, optional, null, null, List.copyOf(values), 0, 0, null, '\0', 0, null);
                }
                return new ValueType(kind, text, optional, null, null, List.of(), 0, 0, null, '\0', 0, null);
            case ENUM:
                if (rest.isEmpty()) {
                    throw new IllegalArgumentException("enum without choices: '" + spec + "'");
                }
                List<String> choices = new ArrayList<>();
                for (String choice : rest.split(",")) {
                    choices.add(choice.strip());
                }
                return new ValueType(kind, text, optional, null, null, List.copyOf(choices), 0, 0, null, '\0', 0, null);
            case STRING:
            case PASSWORD:
            case URL:
                return text(kind, text, rest);
            case LIST:
                return list(text, rest);
            default:
                throw new IllegalArgumentException(spec);
        }
    }

    private static ValueType text(Kind kind, String spec, String rest) {
        Pattern pattern = null;
        int slash = rest.indexOf('/');
        if (slash >= 0) {
            int last = rest.lastIndexOf('/');
            if (last == slash) {
                throw new IllegalArgumentException("unclosed /pattern/ in '" + spec + "'");
            }
            pattern = Pattern.compile(rest.substring(slash + 1, last));
            rest = rest.substring(0, slash).strip();
        }
        int minLength = 0;
        int maxLength = DEFAULT_MAX_LENGTH;
        if (rest.contains("..")) {
            String[] bounds = rest.split("\\.\\.", 2);
            minLength = Integer.parseInt(bounds[0].strip());
            maxLength = Integer.parseInt(bounds[1].strip());
        } else if (!rest.isEmpty()) {
            maxLength = Integer.parseInt(rest);
        }
        return new ValueType(kind, spec, minLength == 0, null, null, List.of(), minLength, maxLength, pattern, '\0', 0, null);
    }

    private static ValueType list(String spec, String rest) {
        if (rest.isEmpty()) {
            throw new IllegalArgumentException("list without a separator: '" + spec + "'");
        }
        boolean blankSeparated = rest.startsWith("space ");
        char separator = blankSeparated ? ' ' : rest.charAt(0);
        String tail = rest.substring(blankSeparated ? "space ".length() : 1).strip();
        int maxItems = 64;
        int gap = tail.indexOf(' ');
        if (gap > 0 && tail.substring(0, gap).chars().allMatch(Character::isDigit)) {
            maxItems = Integer.parseInt(tail.substring(0, gap));
            tail = tail.substring(gap + 1).strip();
        }
        ValueType element = parse(tail);
        if (element.kind == Kind.LIST) {
            throw new IllegalArgumentException("lists of lists are not supported: '" + spec + "'");
        }
        return new ValueType(Kind.LIST, spec, true, null, null, List.of(), 0, 0, null, separator, maxItems, element);
    }

    public Kind kind() {
        return kind;
    }

    /** The permitted choices of an enum or of an integer given as a set; empty otherwise. */
    public List<String> choices() {
        return choices;
    }

    /** The separator of a list, or NUL. */
    public char separator() {
        return separator;
    }

    /** The declaration, as written in the catalogue. */
    public String spec() {
        return spec;
    }

    /**
     * Checks {@code raw} (trimmed first) and returns its canonical form.
     *
     * @throws IllegalArgumentException whose message says what is permitted, without the value
     */
    public String normalize(String raw) {
        String value = raw.strip();
        if (value.isEmpty()) {
            if (blankAllowed) {
                return "";
            }
            throw new IllegalArgumentException("is blank, but must be " + describe());
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 && c != '\t' || c == 0x7f) {
                throw new IllegalArgumentException("must not contain control characters");
            }
        }
        switch (kind) {
            case BOOL:
                return bool(value);
            case INT:
                return integer(value);
            case FLOAT:
                return decimal(value);
            case ENUM:
                for (String choice : choices) {
                    if (choice.equalsIgnoreCase(value)) {
                        return choice;
                    }
                }
                throw invalid();
            case TIME: {
                var matcher = TIME.matcher(value);
                if (!matcher.matches()) {
                    throw invalid();
                }
                return String.format("%02d:%s", Integer.parseInt(matcher.group(1)), matcher.group(2));
            }
            case HOST:
                if (!HOST.matcher(value).matches()) {
                    throw invalid();
                }
                return value;
            case IP:
                if (!IPV4.matcher(value).matches() && !(value.contains(":") && IPV6.matcher(value).matches())) {
                    throw invalid();
                }
                return value;
            case URL:
                if (value.chars().anyMatch(Character::isWhitespace)) {
                    throw new IllegalArgumentException("contains blanks; permitted: " + describe());
                }
                return checkText(value);
            case STRING:
            case PASSWORD:
                return checkText(value);
            case LIST:
                return list(value);
            default:
                throw new IllegalStateException(kind.toString());
        }
    }

    /** The permitted values in words, for messages: "an integer from 0 to 65535". */
    public String describe() {
        String blank = blankAllowed && kind != Kind.STRING && kind != Kind.URL && kind != Kind.PASSWORD
                && kind != Kind.LIST && kind != Kind.HOST && kind != Kind.IP ? " (or blank)" : "";
        switch (kind) {
            case BOOL:
                return "0 or 1 (true or false)" + blank;
            case INT:
                return (choices.isEmpty() ? min == null ? "an integer" : "an integer from " + min.toPlainString() + " to " + max.toPlainString()
                        : "one of " + String.join(", ", choices)) + blank;
            case FLOAT:
                return (min == null ? "a number" : "a number from " + min.toPlainString() + " to " + max.toPlainString()) + blank;
            case ENUM:
                return "one of " + String.join(", ", choices) + blank;
            case TIME:
                return "a time HH:MM from 00:00 to 23:59" + blank;
            case HOST:
                return "an IP address or a domain name";
            case IP:
                return "an IPv4 or IPv6 address";
            case LIST:
                return "a list of up to " + maxItems + " items separated by '" + separator + "', each " + element.describe();
            default:
                String length = minLength > 0 ? minLength + " to " + maxLength + " characters" : "at most " + maxLength + " characters";
                String what = kind == Kind.URL ? "a URL of " : kind == Kind.PASSWORD ? "a password of " : "text of ";
                return what + length + (pattern != null ? " matching " + pattern.pattern() : "");
        }
    }

    /** The value in the XML dialect: booleans become {@code true}/{@code false}. */
    String toXml(String canonical) {
        if (kind == Kind.BOOL && !canonical.isEmpty()) {
            return canonical.equals("1") ? "true" : "false";
        }
        return canonical;
    }

    @Override
    public String toString() {
        return spec;
    }

    private String bool(String value) {
        switch (value.toLowerCase(Locale.ROOT)) {
            case "1":
            case "true":
            case "yes":
            case "on":
            case "enable":
            case "enabled":
                return "1";
            case "0":
            case "false":
            case "no":
            case "off":
            case "disable":
            case "disabled":
                return "0";
            default:
                throw invalid();
        }
    }

    private String integer(String value) {
        if (!INTEGER.matcher(value).matches()) {
            throw invalid();
        }
        long number = Long.parseLong(value.startsWith("+") ? value.substring(1) : value);
        String text = Long.toString(number);
        if (!choices.isEmpty()) {
            if (!choices.contains(text)) {
                throw invalid();
            }
        } else if (min != null && (number < min.longValue() || number > max.longValue())) {
            throw invalid();
        }
        return text;
    }

    private String decimal(String value) {
        if (!DECIMAL.matcher(value).matches()) {
            throw invalid();
        }
        BigDecimal number = new BigDecimal(value.startsWith("+") ? value.substring(1) : value);
        if (min != null && (number.compareTo(min) < 0 || number.compareTo(max) > 0)) {
            throw invalid();
        }
        String text = number.stripTrailingZeros().toPlainString();
        return text.equals("-0") ? "0" : text;
    }

    private String checkText(String value) {
        int length = value.codePointCount(0, value.length());
        if (length < minLength || length > maxLength || pattern != null && !pattern.matcher(value).matches()) {
            throw invalid();
        }
        return value;
    }

    private String list(String value) {
        String[] parts = separator == ' ' ? value.split("\\s+") : value.split(Pattern.quote(String.valueOf(separator)), -1);
        if (parts.length > maxItems) {
            throw new IllegalArgumentException("has " + parts.length + " items; permitted: " + describe());
        }
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < parts.length; i++) {
            String item;
            try {
                item = element.normalize(parts[i]);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("has a wrong item " + (i + 1) + "; permitted: " + describe());
            }
            if (item.isEmpty()) {
                throw new IllegalArgumentException("has an empty item " + (i + 1) + "; permitted: " + describe());
            }
            if (i > 0) {
                out.append(separator);
            }
            out.append(item);
        }
        return out.toString();
    }

    private IllegalArgumentException invalid() {
        return new IllegalArgumentException("is not " + describe());
    }
}
