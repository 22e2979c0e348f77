package org.deskphone.sip;

import java.util.Map;
import java.util.Optional;

/**
 * Read access to the configuration by parameter name, as the user agent needs it. The configuration
 * store implements it; until the store is wired, {@link #of(Map)} serves plain values.
 */
@FunctionalInterface
public interface SettingLookup {

    /** The value of {@code name} (either dialect's spelling), or empty when it is not set. */
    Optional<String> get(String name);

    static SettingLookup of(Map<String, String> values) {
        return name -> Optional.ofNullable(values.get(name)).map(String::trim).filter(v -> !v.isEmpty());
    }
}
