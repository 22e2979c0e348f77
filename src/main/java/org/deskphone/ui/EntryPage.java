package org.deskphone.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.deskphone.hal.Geometry;
import org.deskphone.hal.Key;

/**
 * A field to type into: a number, a PIN (shown as stars), or text by multi-tap (the IME soft key switches
 * between digits, small and capital letters; the same key again steps through its letters, another key or
 * Right takes the letter). OK hands the value to the page's action, which says whether it was taken; Cancel
 * leaves, Del (or Left) takes back a character.
 */
final class EntryPage implements Page {
    private final String prompt;
    private final boolean secret;
    private final boolean text;
    private final Function<String, Boolean> action;
    private final StringBuilder value;
    private final MultiTap typing = new MultiTap();

    /** {@code action} gets the value on OK and says whether it was taken (the page then closes). */
    EntryPage(String prompt, String initial, boolean secret, boolean text, Function<String, Boolean> action) {
        this.prompt = prompt;
        this.secret = secret;
        this.text = text;
        this.action = action;
        this.value = new StringBuilder(initial);
    }

    String value() {
        return value.toString();
    }

    @Override
    public List<String> rows(Geometry geometry, int available, Texts texts) {
        List<String> rows = new ArrayList<>();
        String shown = secret ? "*".repeat(value.length()) : value.toString();
        if (available >= 2) {
            rows.add(Rows.spread(prompt, text ? typing.mode().label : "", geometry.columns()));
        }
        String field = shown + "_";
        rows.add(field.length() > geometry.columns() ? field.substring(field.length() - geometry.columns()) : field);
        return rows;
    }

    @Override
    public List<String> softKeys(Texts texts) {
        return List.of(texts.get("K_OK"), texts.get("K_BACKSPACE"), text ? typing.mode().label : "", texts.get("K_CANCEL"));
    }

    @Override
    public Outcome key(Key key) {
        if (key.isDialPad()) {
            typing.type(key.symbol(), value);
            return Outcome.STAY;
        }
        switch (key.kind()) {
            case OK -> {
                return action.apply(value.toString()) ? Outcome.CLOSE : Outcome.STAY;
            }
            case CANCEL -> {
                return Outcome.CLOSE;
            }
            case LEFT -> delete();
            case RIGHT -> typing.commit();
            case SOFT -> {
                switch (key.index()) {
                    case 1 -> {
                        return key(Key.of(Key.Kind.OK));
                    }
                    case 2 -> delete();
                    case 3 -> {
                        if (text) {
                            typing.nextMode();
                        }
                    }
                    default -> {
                        return Outcome.CLOSE;
                    }
                }
            }
            default -> {
                return Outcome.PASS;
            }
        }
        return Outcome.STAY;
    }

    private void delete() {
        if (value.length() > 0) {
            value.setLength(value.length() - 1);
        }
        typing.commit();
    }
}
