package org.deskphone.net.time;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.zone.ZoneRules;
import java.util.Objects;

/**
 * The rules the phone shows local time by, and where they came from (for the status page and the log).
 * Rules rather than a {@code ZoneId}: a POSIX string or a hand-set summer time has no tz-database name.
 */
public record LocalZone(ZoneRules rules, String source) {

    public LocalZone {
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(source, "source");
    }

    public LocalDateTime local(Instant instant) {
        return LocalDateTime.ofInstant(instant, rules.getOffset(instant));
    }

    @Override
    public String toString() {
        return source;
    }
}
