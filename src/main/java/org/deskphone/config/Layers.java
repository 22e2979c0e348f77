package org.deskphone.config;

import java.util.List;
import java.util.Map;

/**
 * The store's state, immutable: what provisioning set (by canonical name, each value with the file it
 * came from), the local changes on top, the unknown keys kept as the files wrote them, and the files of
 * the last provisioning run. Factory defaults are not stored; they are the catalogue's.
 */
record Layers(Map<String, Config.Value> provisioned, Map<String, String> local, Map<String, Config.Value> unknown,
        List<AppliedFile> applied) {

    static final Layers EMPTY = new Layers(Map.of(), Map.of(), Map.of(), List.of());

    Layers {
        provisioned = Map.copyOf(provisioned);
        local = Map.copyOf(local);
        unknown = Map.copyOf(unknown);
        applied = List.copyOf(applied);
    }
}
