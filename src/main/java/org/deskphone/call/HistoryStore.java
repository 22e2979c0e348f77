package org.deskphone.call;

import java.util.List;

/**
 * Where the call history is kept between restarts. {@link #save} is called on the phone loop with the
 * whole history, newest first; an implementation writes it elsewhere and never blocks the loop.
 */
public interface HistoryStore {

    void save(List<HistoryEntry> entries);

    /** Keeps nothing (tests, a phone without a data folder). */
    HistoryStore NONE = entries -> { };
}
