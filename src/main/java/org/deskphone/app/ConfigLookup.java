package org.deskphone.app;

import java.util.Optional;
import org.deskphone.config.Config;
import org.deskphone.config.ConfigStore;
import org.deskphone.net.SettingLookup;

/**
 * The configuration as the network reads it: the value provisioning or the user set, by canonical
 * name, or empty for one left at its factory default (the network picks its defaults by which
 * manual's parameters were set).
 */
final class ConfigLookup {

    private ConfigLookup() {
    }

    static SettingLookup of(ConfigStore store) {
        return name -> of(store.current()).get(name);
    }

    /** The same for one snapshot (a command that reads the saved configuration without running a phone). */
    static SettingLookup of(Config config) {
        return name -> {
            config.parameter(name); // a name the catalogue lacks is a programming error: fail loudly, not silently unset
            Config.Value value = config.explicitValues().get(name);
            return value == null ? Optional.empty() : Optional.of(value.text().trim()).filter(text -> !text.isEmpty());
        };
    }
}
