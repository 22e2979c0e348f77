package org.deskphone.provision;

import java.util.Optional;

/**
 * A configuration file the store has read (decrypted, dialect detected, parsed) but not applied. The run
 * looks into it before the commit: for a new server URL to follow (ALE L2269-2305) and for the resource
 * URLs it names (Yealink L1547-1551).
 */
public interface ParsedFile {

    /** The file as fetched. */
    FetchedFile fetched();

    /**
     * The value this file gives the setting {@code name} (either dialect's spelling), or empty when the
     * file does not set it or sets it blank. A reset to the default counts as not set.
     */
    Optional<String> value(String name);
}
