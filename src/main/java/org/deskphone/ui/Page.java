package org.deskphone.ui;

import java.util.List;
import org.deskphone.hal.Geometry;
import org.deskphone.hal.Key;

/**
 * Something the user opened over the idle or call screen: a menu, a list (history, directory, status), a
 * field to type into. It draws the rows above the soft keys and takes the keys it wants.
 */
interface Page {

    /** What a key did to the page. */
    enum Outcome {
        /** Taken; the page stays. */
        STAY,
        /** Taken; the page closes. */
        CLOSE,
        /** Not the page's: the phone handles it as if no page were open. */
        PASS
    }

    /** The rows above the soft keys, at most {@code available}. */
    List<String> rows(Geometry geometry, int available, Texts texts);

    /** The soft-key labels, left to right (already in words). */
    List<String> softKeys(Texts texts);

    /** A key went down; soft keys come as {@link Key.Kind#SOFT} with their slot number. */
    Outcome key(Key key);
}
