package org.deskphone.config;

import java.util.Set;

/**
 * One committed change, delivered on the phone loop: the configuration before and after, the canonical
 * names whose value changed, whether any of them needs a restart to take effect, and what made it: a
 * provisioning run (whose client restarts the phone itself, when no call is up) or a local change.
 */
public record ConfigChange(Config before, Config after, Set<String> changed, boolean needsRestart, Origin origin) {

    public enum Origin {
        PROVISIONING, LOCAL
    }

    public ConfigChange {
        changed = Set.copyOf(changed);
    }

    /** True when {@code prefix} itself, or any name under it ({@code prefix + "."...}), changed. */
    public boolean touches(String prefix) {
        for (String name : changed) {
            if (name.equals(prefix) || name.startsWith(prefix) && name.charAt(prefix.length()) == '.') {
                return true;
            }
        }
        return false;
    }
}
