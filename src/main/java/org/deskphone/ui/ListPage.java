package org.deskphone.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.deskphone.hal.Geometry;
import org.deskphone.hal.Key;

/**
 * A titled list to scroll with Up and Down and act on with OK: menus, the call history, the directory, the
 * status. Items come from a supplier, so that the list shows the state of the moment; tabs (the history's
 * lists) change with Left and Right. The selected row is marked {@code >}; arrows at the right end of the
 * title say more rows are above or below.
 */
class ListPage implements Page {
    /** The scroll icons (see {@code org.deskphone.hal.pi.Icons}). */
    static final String UP = "\u2191";
    static final String DOWN = "\u2193";

    /** One row: its words, what stands at its right end, and what OK does (returns the outcome). */
    record Item(String label, String right, Supplier<Outcome> ok) {
        static Item info(String label, String right) {
            return new Item(label, right, () -> Outcome.STAY);
        }
    }

    /** A tab: its title and its items. */
    record Tab(String title, Supplier<List<Item>> items) {
    }

    private final List<Tab> tabs;
    private int tab;
    private int selected;
    private int top;

    ListPage(String title, Supplier<List<Item>> items) {
        this(List.of(new Tab(title, items)));
    }

    ListPage(List<Tab> tabs) {
        this.tabs = List.copyOf(tabs);
    }

    List<Item> items() {
        return tabs.get(tab).items().get();
    }

    int selectedIndex() {
        return selected;
    }

    int tabIndex() {
        return tab;
    }

    void selectTab(int index) {
        tab = Math.floorMod(index, tabs.size());
        selected = 0;
        top = 0;
    }

    @Override
    public List<String> rows(Geometry geometry, int available, Texts texts) {
        List<Item> items = items();
        int columns = geometry.columns();
        List<String> rows = new ArrayList<>();
        selected = Math.max(0, Math.min(selected, items.size() - 1));
        int visible = Math.max(1, available - 1);
        if (selected < top) {
            top = selected;
        } else if (selected >= top + visible) {
            top = selected - visible + 1;
        }
        String arrows = (top > 0 ? UP : "") + (top + visible < items.size() ? DOWN : "");
        String title = tabs.size() > 1 ? "<" + tabs.get(tab).title() + ">" : tabs.get(tab).title();
        if (available >= 2) {
            rows.add(Rows.spread(title, arrows, columns));
        }
        if (items.isEmpty()) {
            rows.add(" " + texts.get("M_EMPTY"));
            return rows;
        }
        for (int i = top; i < items.size() && rows.size() < available; i++) {
            Item item = items.get(i);
            rows.add(Rows.spread((i == selected ? ">" : " ") + item.label(), item.right(), columns));
        }
        return rows;
    }

    @Override
    public List<String> softKeys(Texts texts) {
        return List.of(texts.get("K_OK"), "", "", texts.get("K_BACK"));
    }

    @Override
    public Outcome key(Key key) {
        List<Item> items = items();
        switch (key.kind()) {
            case UP -> selected = Math.max(0, selected - 1);
            case DOWN -> selected = Math.min(Math.max(0, items.size() - 1), selected + 1);
            case LEFT -> selectTab(tab - 1);
            case RIGHT -> selectTab(tab + 1);
            case OK -> {
                return items.isEmpty() || selected >= items.size() ? Outcome.STAY : items.get(selected).ok().get();
            }
            case CANCEL, MENU -> {
                return Outcome.CLOSE;
            }
            case SOFT -> {
                if (key.index() == 1) {
                    return key(Key.of(Key.Kind.OK));
                }
                if (key.index() == 4) {
                    return Outcome.CLOSE;
                }
            }
            default -> {
                return Outcome.PASS;
            }
        }
        return Outcome.STAY;
    }
}
