package org.deskphone.config;

import java.util.List;
import java.util.Set;
import org.deskphone.config.format.Problem;

/**
 * The outcome of a local change from the web UI or the phone's menus. A change is all or nothing: when
 * any value is refused (no permission, out of range) nothing applies and {@code problems} says why, one
 * message per parameter, naming it and what is permitted.
 */
public record ChangeResult(boolean accepted, Set<String> changed, boolean needsRestart, List<Problem> problems) {

    public ChangeResult {
        changed = Set.copyOf(changed);
        problems = List.copyOf(problems);
    }
}
