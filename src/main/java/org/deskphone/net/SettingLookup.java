package org.deskphone.net;

import java.util.Map;
import java.util.Optional;

/**
 * Read access to the configuration by canonical parameter name, the way the network needs it: a value
 * the user or provisioning set, or empty for one left at its factory default (the network's defaults
 * depend on which manual's parameters were set, so it tells "set" from "default" itself). The
 * configuration store implements it; until it is wired, {@link #of(Map)} serves plain values.
 */
@FunctionalInterface
public interface SettingLookup {

    /** The value of {@code name}, or empty when it is not set. */
    Optional<String> get(String name);

    /** Nothing set: every factory default. */
    SettingLookup NONE = name -> Optional.empty();

    static SettingLookup of(Map<String, String> values) {
        return name -> Optional.ofNullable(values.get(name)).map(String::trim).filter(v -> !v.isEmpty());
    }
}
