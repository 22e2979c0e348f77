package org.deskphone.web;

import java.util.List;
import org.deskphone.hal.Key;

/**
 * Which settings each of the board's keys reads: the keys page's picture opens them when a key is clicked.
 * The keys feature, which gives keys their functions, fills it in; until then {@link #MANUALS} is the web
 * UI's own reading of the two manuals.
 */
public interface KeyMap {

    /**
     * Line key N: Yealink's {@code linekey.N} (L5906) and ALE's programmable key {@code programkey.N}
     * ({@code ProgramKeyNType}, L11752); soft key N: ALE's {@code softkey.N} ({@code DynamicSoftKeyN},
     * L11904) and Yealink's {@code programablekey.N} (L6043); programmable key N: Yealink's memory key
     * {@code memorykey.N} (L5706).
     */
    KeyMap MANUALS = key -> switch (key.kind()) {
        case LINE -> List.of("linekey." + key.index() + ".", "programkey." + key.index() + ".");
        case SOFT -> List.of("softkey." + key.index() + ".", "programablekey." + key.index() + ".");
        case PROGRAMMABLE -> List.of("memorykey." + key.index() + ".");
        default -> List.of();
    };

    /** Name prefixes of the settings {@code key} reads, most specific first; empty for keys without settings. */
    List<String> settings(Key key);
}
