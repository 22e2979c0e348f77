package org.deskphone.web;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.deskphone.config.Access;
import org.deskphone.config.Config;
import org.deskphone.config.ConfigStore;
import org.deskphone.config.Parameter;
import org.tinylog.Logger;

/**
 * Logging in and changing passwords. The three login names come from the configuration
 * ({@code security.user_name.*}: ALE {@code DeviceSecurity{User,Var,Admin}Name}, L2759-2781; defaults
 * admin/123456, user/user and var/var, L2747-2748); the var login exists only with the three-level
 * permissions on ({@code security.var_enable}, L2831). Passwords are checked by {@link Passwords}, failures
 * counted by {@link LoginGuard}.
 */
final class Logins {
    /** A made-up name counts for lockout as this one, so that guessing names cannot grow the table. */
    private static final String UNKNOWN_NAME = "\u0000unknown";

    /** How a login ended. */
    sealed interface Outcome {
        record Success(Session session) implements Outcome {
        }

        record Refused() implements Outcome {
        }

        record Locked(Duration retryAfter) implements Outcome {
        }
    }

    private final ConfigStore config;
    private final Passwords passwords;
    private final LoginGuard guard;
    private final WebSessions sessions;

    Logins(ConfigStore config, Passwords passwords, LoginGuard guard, WebSessions sessions) {
        this.config = config;
        this.passwords = passwords;
        this.guard = guard;
        this.sessions = sessions;
    }

    Outcome login(String address, String user, String password) {
        Config now = config.current();
        List<Access> candidates = levels(now, user);
        String counted = candidates.isEmpty() ? UNKNOWN_NAME : user;
        Duration wait = guard.wait(address, counted);
        if (!wait.isZero()) {
            return new Outcome.Locked(wait);
        }
        for (Access level : candidates) {
            if (passwords.matches(level, password, configured(now, level))) {
                guard.succeeded(address, counted);
                boolean factory = password.equals(passwordParameter(now, level).defaultValue());
                Logger.info("web login: {} ({}) from {}", user, Passwords.name(level), address);
                return new Outcome.Success(sessions.open(level, user, factory));
            }
        }
        Duration lock = guard.failed(address, counted);
        return lock.isZero() ? new Outcome.Refused() : new Outcome.Locked(lock);
    }

    /**
     * Sets {@code level}'s password. The new one is checked as the configuration checks it (3-32
     * characters, the administrator's 4-32: L2792-2822). Other sessions of that level end.
     *
     * @throws WebError 422 for a password the configuration would refuse
     */
    void setPassword(Session by, Access level, String password) {
        Config now = config.current();
        try {
            passwordParameter(now, level).normalize(password);
        } catch (IllegalArgumentException e) {
            throw new WebError(422, e.getMessage());
        }
        if (!password.equals(password.strip())) {
            throw new WebError(422, "a password must not start or end with blanks");
        }
        try {
            passwords.set(level, password, configured(now, level));
        } catch (IOException e) {
            throw new WebError(500, "the password could not be saved: " + e.getMessage());
        }
        sessions.endAll(level, by);
        if (by.level() == level) {
            by.passwordChanged();
        }
        Logger.info("web password of {} changed by {}", Passwords.name(level), by.user());
    }

    /** True when {@code password} is {@code level}'s current password. */
    boolean check(Access level, String password) {
        return passwords.matches(level, password, configured(config.current(), level));
    }

    /** True while {@code level} has its factory password: nothing set here, nothing provisioned. */
    boolean factoryPassword(Access level) {
        Config now = config.current();
        String configured = configured(now, level);
        return !passwords.setHere(level, configured) && configured.equals(passwordParameter(now, level).defaultValue());
    }

    /** The configuration's password of {@code level} changed (provisioning): it applies again. */
    void configurationChanged(Access level) {
        passwords.configurationChanged(level);
        sessions.endAll(level, null);
    }

    /** The login names in force, by level; var only with the three-level permissions on. */
    static Optional<String> name(Config config, Access level) {
        if (level == Access.VAR && !config.bool(Permissions.VAR_ENABLE)) {
            return Optional.empty();
        }
        return Optional.of(config.string("security.user_name." + Passwords.name(level)));
    }

    /** The levels whose login name is {@code user}, highest first. */
    private static List<Access> levels(Config config, String user) {
        List<Access> levels = new ArrayList<>();
        for (Access level : new Access[] {Access.ADMIN, Access.VAR, Access.USER}) {
            if (name(config, level).filter(n -> !n.isEmpty() && n.equals(user)).isPresent()) {
                levels.add(level);
            }
        }
        return levels;
    }

    private static String configured(Config config, Access level) {
        return config.string(passwordParameter(config, level).name());
    }

    static Parameter passwordParameter(Config config, Access level) {
        return config.parameter("security.password." + Passwords.name(level));
    }
}
