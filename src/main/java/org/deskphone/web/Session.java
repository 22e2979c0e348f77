package org.deskphone.web;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import org.deskphone.config.Access;

/**
 * One login: who (the login name and its access level), the token every state-changing request must
 * carry (CSRF), and when it was last used. The id travels only in an HttpOnly cookie.
 */
final class Session {
    private final String id;
    private final String csrf;
    private final Access level;
    private final String user;
    private volatile boolean defaultPassword;
    private volatile long lastSeen;

    Session(String id, String csrf, Access level, String user, boolean defaultPassword, long now) {
        this.id = id;
        this.csrf = csrf;
        this.level = level;
        this.user = user;
        this.defaultPassword = defaultPassword;
        this.lastSeen = now;
    }

    String id() {
        return id;
    }

    String csrf() {
        return csrf;
    }

    Access level() {
        return level;
    }

    String user() {
        return user;
    }

    /** True when the login used the level's factory password: the pages ask to change it. */
    boolean defaultPassword() {
        return defaultPassword;
    }

    /** The session's user chose a new password: no more warning. */
    void passwordChanged() {
        defaultPassword = false;
    }

    long lastSeen() {
        return lastSeen;
    }

    void seen(long now) {
        lastSeen = now;
    }

    /** True when {@code token} is this session's CSRF token; compared in constant time. */
    boolean csrfMatches(String token) {
        return token != null && MessageDigest.isEqual(csrf.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
    }

    boolean atLeast(Access needed) {
        return level.ordinal() >= needed.ordinal();
    }
}
