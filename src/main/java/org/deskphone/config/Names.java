package org.deskphone.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the catalogue entry behind a key as a file writes it. Every name is reduced to a <em>shape</em>:
 * lower case, blanks removed, each run of digits (and each placeholder) replaced by {@code #}. Keys of
 * one shape are few, so a lookup is one hash probe and a comparison of the numbers, whatever the size
 * of the catalogue; matching is case-insensitive (Yealink digest §6 A3, ALE digest §11 A-8).
 */
final class Names {
    /** One spelling of a template: numbers in the shape are placeholders or literal digits. */
    record Pattern(String shape, char[] slots, int[] literals, Template template, Map<Character, Integer> fixed,
            String spelling) {
    }

    /** A resolved name: the template and its indices. */
    record Match(Template template, int[] indices) {
    }

    private final Map<String, List<Pattern>> byShape = new HashMap<>();

    /**
     * Adds a spelling with {@code {X}} placeholders. Placeholders in {@code fixed} take that value;
     * a placeholder written right next to digits is expanded over its range, since the digits would
     * run together in a key.
     *
     * @throws IllegalArgumentException when another template already owns this spelling
     */
    void add(String spelling, Template template, Map<Character, Integer> fixed) {
        Character adjacent = adjacentPlaceholder(spelling);
        if (adjacent != null) {
            int slot = template.placeholders().indexOf(adjacent);
            for (int value = template.min()[slot]; value <= template.max()[slot]; value++) {
                Map<Character, Integer> withValue = new HashMap<>(fixed);
                withValue.put(adjacent, value);
                add(spelling.replace("{" + adjacent + "}", Integer.toString(value)), template, withValue);
            }
            return;
        }
        StringBuilder shape = new StringBuilder(spelling.length());
        List<Character> slots = new ArrayList<>();
        List<Integer> literals = new ArrayList<>();
        int i = 0;
        while (i < spelling.length()) {
            char c = spelling.charAt(i);
            if (c == '{' && i + 2 < spelling.length() && spelling.charAt(i + 2) == '}') {
                char placeholder = spelling.charAt(i + 1);
                if (!template.placeholders().contains(placeholder)) {
                    throw new IllegalArgumentException(spelling + ": {" + placeholder + "} is not a placeholder of " + template.name());
                }
                shape.append('#');
                slots.add(placeholder);
                literals.add(0);
                i += 3;
            } else if (isDigit(c)) {
                int end = i;
                while (end < spelling.length() && isDigit(spelling.charAt(end))) {
                    end++;
                }
                shape.append('#');
                slots.add('\0');
                literals.add(Integer.parseInt(spelling.substring(i, end)));
                i = end;
            } else {
                if (!Character.isWhitespace(c)) {
                    shape.append(Character.toLowerCase(c));
                }
                i++;
            }
        }
        char[] slotArray = new char[slots.size()];
        int[] literalArray = new int[slots.size()];
        for (int k = 0; k < slotArray.length; k++) {
            slotArray[k] = slots.get(k);
            literalArray[k] = literals.get(k);
        }
        for (char placeholder : template.placeholders()) {
            if (!slots.contains(placeholder) && !fixed.containsKey(placeholder)) {
                throw new IllegalArgumentException(spelling + ": placeholder " + placeholder + " of " + template.name()
                        + " is neither written nor fixed with [" + placeholder + "=n]");
            }
        }
        Pattern pattern = new Pattern(shape.toString(), slotArray, literalArray, template, Map.copyOf(fixed), spelling);
        List<Pattern> patterns = byShape.computeIfAbsent(pattern.shape(), s -> new ArrayList<>(1));
        for (Pattern other : patterns) {
            if (java.util.Arrays.equals(other.slots(), slotArray) && java.util.Arrays.equals(other.literals(), literalArray)) {
                if (other.template() == template && other.fixed().equals(pattern.fixed())) {
                    return;
                }
                throw new IllegalArgumentException("'" + spelling + "' of " + template.name() + " is already '"
                        + other.spelling() + "' of " + other.template().name());
            }
        }
        patterns.add(pattern);
    }

    /**
     * The template and indices behind {@code key}, or null. {@code outOfRange}, when not null, receives
     * the pattern that matched except for an index out of its range, for a precise message.
     */
    Match find(String key, Pattern[] outOfRange) {
        StringBuilder shape = new StringBuilder(key.length());
        int[] numbers = new int[8];
        int count = 0;
        int i = 0;
        while (i < key.length()) {
            char c = key.charAt(i);
            if (isDigit(c)) {
                int end = i;
                long value = 0;
                while (end < key.length() && isDigit(key.charAt(end))) {
                    value = Math.min(Integer.MAX_VALUE, value * 10 + (key.charAt(end) - '0'));
                    end++;
                }
                if (count == numbers.length) {
                    return null;
                }
                numbers[count++] = (int) value;
                shape.append('#');
                i = end;
            } else {
                if (!Character.isWhitespace(c)) {
                    shape.append(Character.toLowerCase(c));
                }
                i++;
            }
        }
        List<Pattern> patterns = byShape.get(shape.toString());
        if (patterns == null) {
            return null;
        }
        for (Pattern pattern : patterns) {
            int[] indices = match(pattern, numbers, count);
            if (indices == null) {
                continue;
            }
            if (pattern.template().inRange(indices)) {
                return new Match(pattern.template(), indices);
            }
            if (outOfRange != null) {
                outOfRange[0] = pattern;
            }
        }
        return null;
    }

    private static int[] match(Pattern pattern, int[] numbers, int count) {
        char[] slots = pattern.slots();
        if (slots.length != count) {
            return null;
        }
        List<Character> placeholders = pattern.template().placeholders();
        int[] indices = new int[placeholders.size()];
        boolean[] bound = new boolean[indices.length];
        for (Map.Entry<Character, Integer> fixed : pattern.fixed().entrySet()) {
            int slot = placeholders.indexOf(fixed.getKey());
            indices[slot] = fixed.getValue();
            bound[slot] = true;
        }
        for (int k = 0; k < count; k++) {
            if (slots[k] == '\0') {
                if (pattern.literals()[k] != numbers[k]) {
                    return null;
                }
            } else {
                int slot = placeholders.indexOf(slots[k]);
                if (bound[slot] && indices[slot] != numbers[k]) {
                    return null;
                }
                indices[slot] = numbers[k];
                bound[slot] = true;
            }
        }
        return indices;
    }

    /** The position of placeholder {@code p} in a dotted template at or after {@code from}. */
    static int placeholderAt(String template, char p, int from) {
        for (int i = from; i < template.length(); i++) {
            if (template.charAt(i) == p && (i == 0 || template.charAt(i - 1) == '.')
                    && (i + 1 == template.length() || template.charAt(i + 1) == '.')) {
                return i;
            }
        }
        throw new IllegalArgumentException("no placeholder " + p + " in " + template);
    }

    /** The placeholders of a dotted template, in order: segments that are one upper-case letter. */
    static List<Character> placeholdersOf(String dotted) {
        List<Character> placeholders = new ArrayList<>();
        for (String segment : dotted.split("\\.", -1)) {
            if (segment.length() == 1 && segment.charAt(0) >= 'A' && segment.charAt(0) <= 'Z') {
                if (placeholders.contains(segment.charAt(0))) {
                    throw new IllegalArgumentException(dotted + ": placeholder " + segment + " appears twice");
                }
                placeholders.add(segment.charAt(0));
            }
        }
        return placeholders;
    }

    /** {@code account.X.enable} to {@code account.{X}.enable}. */
    static String braced(String dotted) {
        StringBuilder out = new StringBuilder(dotted.length() + 4);
        String[] segments = dotted.split("\\.", -1);
        for (int i = 0; i < segments.length; i++) {
            if (i > 0) {
                out.append('.');
            }
            String segment = segments[i];
            if (segment.length() == 1 && segment.charAt(0) >= 'A' && segment.charAt(0) <= 'Z') {
                out.append('{').append(segment).append('}');
            } else {
                out.append(segment);
            }
        }
        return out.toString();
    }

    private static Character adjacentPlaceholder(String spelling) {
        for (int i = 0; i + 2 < spelling.length(); i++) {
            if (spelling.charAt(i) == '{' && spelling.charAt(i + 2) == '}') {
                boolean before = i > 0 && isDigit(spelling.charAt(i - 1));
                boolean after = i + 3 < spelling.length() && (isDigit(spelling.charAt(i + 3)) || spelling.charAt(i + 3) == '{');
                if (before || after) {
                    return spelling.charAt(i + 1);
                }
            }
        }
        return null;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
