package org.deskphone.web;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.deskphone.config.Access;
import org.deskphone.loop.Clock;

/**
 * The web UI's logins, kept in memory. A session ends after a time without requests (the ALE manual's
 * auto logout: 10 minutes, L3056-3060; Yealink's {@code features.relog_offtime} when it is set), at logout,
 * or when its level's password changes. Ids and CSRF tokens are 256 random bits. One instance lives as
 * long as the process, so that a phone restart (a setting that needs one) does not log everybody out.
 */
public final class WebSessions {
    /** More than this many sessions and the least recently used one ends. */
    static final int MAX_SESSIONS = 64;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What looking up a session found. */
    sealed interface Lookup {
        record Found(Session session) implements Lookup {
        }

        /** The id was known but the session had been idle too long; it is gone now. */
        record Expired() implements Lookup {
        }

        record Unknown() implements Lookup {
        }
    }

    private final Clock clock;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private volatile Supplier<Duration> idleLimit = () -> Duration.ofMinutes(10);

    public WebSessions(Clock clock) {
        this.clock = clock;
    }

    /** How long a session may stay idle; read at every request, so a settings change applies at once. */
    void idleLimit(Supplier<Duration> limit) {
        idleLimit = limit;
    }

    Duration idleLimit() {
        return idleLimit.get();
    }

    Session open(Access level, String user, boolean defaultPassword) {
        if (sessions.size() >= MAX_SESSIONS) {
            sessions.values().stream().min(Comparator.comparingLong(Session::lastSeen))
                    .ifPresent(oldest -> sessions.remove(oldest.id()));
        }
        Session session = new Session(token(), token(), level, user, defaultPassword, clock.millis());
        sessions.put(session.id(), session);
        return session;
    }

    /** The session {@code id} names, touched as used now; an idle one expires here. */
    Lookup find(String id, boolean touch) {
        Session session = id == null ? null : sessions.get(id);
        if (session == null) {
            return new Lookup.Unknown();
        }
        long now = clock.millis();
        if (now - session.lastSeen() > idleLimit.get().toMillis()) {
            sessions.remove(id);
            return new Lookup.Expired();
        }
        if (touch) {
            session.seen(now);
        }
        return new Lookup.Found(session);
    }

    /** True while the session is still there and not idle too long; for streams that outlive a request. */
    boolean alive(Session session) {
        return sessions.get(session.id()) == session && clock.millis() - session.lastSeen() <= idleLimit.get().toMillis();
    }

    void end(Session session) {
        sessions.remove(session.id());
    }

    /** Ends every session of {@code level} except {@code keep} (may be null): its password changed. */
    void endAll(Access level, Session keep) {
        sessions.values().removeIf(s -> s.level() == level && s != keep);
    }

    /** Ends every session: a factory reset. */
    public void clear() {
        sessions.clear();
    }

    int count() {
        return sessions.size();
    }

    Optional<Session> any() {
        return sessions.values().stream().findAny();
    }

    static String token() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
