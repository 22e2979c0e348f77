package org.deskphone.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.deskphone.call.Directory;
import org.deskphone.call.Telephone;
import org.deskphone.config.format.Contact;
import org.deskphone.dialplan.Source;
import org.deskphone.hal.Geometry;
import org.deskphone.hal.Key;

/**
 * The local directory: the contacts, narrowed by what is typed (digits, or letters after the IME key) as
 * the ALE manual searches (L4058-4064, "contains" or "starts with" per {@code SettingDirectorySearchType});
 * Left and Right step through the selected contact's numbers; OK or Send calls the number shown.
 */
final class DirectoryPage implements Page {
    private final String title;
    private final Telephone phone;
    private final boolean startsWith;
    private final StringBuilder search = new StringBuilder();
    private final MultiTap typing = new MultiTap();
    private final ListPage list;
    private int numberIndex;

    DirectoryPage(String title, Telephone phone, boolean startsWith) {
        this.title = title;
        this.phone = phone;
        this.startsWith = startsWith;
        this.list = new ListPage(title, this::items);
    }

    private List<Contact> matches() {
        return phone.currentDirectory().search(search.toString(), startsWith);
    }

    private List<ListPage.Item> items() {
        List<ListPage.Item> items = new ArrayList<>();
        for (Contact contact : matches()) {
            List<String> numbers = Directory.numbers(contact);
            String number = numbers.isEmpty() ? "" : numbers.get(Math.min(numberIndex, numbers.size() - 1));
            items.add(new ListPage.Item(Directory.name(contact), number, () -> call(number)));
        }
        return items;
    }

    private Outcome call(String number) {
        if (number.isBlank()) {
            return Outcome.STAY;
        }
        phone.call(number, 0, Source.DIRECTORY, "", Map.of());
        return Outcome.CLOSE;
    }

    @Override
    public List<String> rows(Geometry geometry, int available, Texts texts) {
        List<String> rows = new ArrayList<>(list.rows(geometry, available, texts));
        if (!rows.isEmpty() && available >= 2) {
            String field = search.length() == 0 ? "" : search + "_";
            rows.set(0, Rows.spread(title, field, geometry.columns()));
        }
        return rows;
    }

    @Override
    public List<String> softKeys(Texts texts) {
        return List.of(texts.get("K_CALL"), texts.get("K_BACKSPACE"), typing.mode().label, texts.get("K_BACK"));
    }

    @Override
    public Outcome key(Key key) {
        if (key.isDialPad()) {
            typing.type(key.symbol(), search);
            numberIndex = 0;
            return Outcome.STAY;
        }
        switch (key.kind()) {
            case LEFT -> numberIndex = Math.max(0, numberIndex - 1);
            case RIGHT -> numberIndex++;
            case SOFT -> {
                switch (key.index()) {
                    case 1 -> {
                        return list.key(Key.of(Key.Kind.OK));
                    }
                    case 2 -> {
                        if (search.length() > 0) {
                            search.setLength(search.length() - 1);
                        }
                        typing.commit();
                    }
                    case 3 -> typing.nextMode();
                    default -> {
                        return Outcome.CLOSE;
                    }
                }
            }
            default -> {
                return list.key(key);
            }
        }
        return Outcome.STAY;
    }
}
