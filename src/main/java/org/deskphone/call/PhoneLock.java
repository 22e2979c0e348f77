package org.deskphone.call;

import java.time.Duration;
import java.util.function.Supplier;
import org.deskphone.loop.PhoneLoop;
import org.deskphone.loop.Timer;
import org.tinylog.Logger;

/**
 * Phone lock (ALE §5.3, seed L3063-3154; Yealink keypad lock, L10695-10760). Locked, the phone places only
 * emergency calls (ALE L3074) and still answers and ends calls; Yealink's lock types narrow what is locked to
 * the menu key or the function keys. It locks from a key or the menu, or by itself after the configured
 * idle time, and unlocks with the PIN. On the phone loop.
 */
public final class PhoneLock {

    /** What a locked phone refuses. */
    public enum Level {
        /** The menu key only (Yealink lock type 1). */
        MENU,
        /** Function keys: the menu, feature and programmable keys; dialling stays free (Yealink type 2). */
        FUNCTIONS,
        /** Everything but emergency calls and answering (ALE; Yealink type 3). */
        ALL
    }

    private final PhoneLoop loop;
    private final Supplier<PhoneSettings> settings;
    private final Runnable changed;
    private boolean locked;
    private Timer autoLock;

    public PhoneLock(PhoneLoop loop, Supplier<PhoneSettings> settings, Runnable changed) {
        this.loop = loop;
        this.settings = settings;
        this.changed = changed;
    }

    public boolean locked() {
        return locked;
    }

    /** Whether the phone may be locked at all: ALE's {@code SettingPhoneLockEnable} (L3094) or a Yealink lock type. */
    public boolean available() {
        PhoneSettings s = settings.get();
        if (s.isSet("phone_setting.lock")) {
            return s.integer("phone_setting.lock") > 0;
        }
        return s.bool("phone_setting.phone_lock.enable");
    }

    /** What the lock refuses: Yealink's type when set, else all but emergency calls (ALE). */
    public Level level() {
        PhoneSettings s = settings.get();
        return switch (s.isSet("phone_setting.lock") ? s.integer("phone_setting.lock") : 3) {
            case 1 -> Level.MENU;
            case 2 -> Level.FUNCTIONS;
            default -> Level.ALL;
        };
    }

    /** Dialling is limited to emergency numbers. */
    public boolean emergencyOnly() {
        return locked && level() == Level.ALL;
    }

    /** Locks now, if the phone may be locked. */
    public boolean lock() {
        if (!available()) {
            return false;
        }
        cancelAutoLock();
        if (!locked) {
            locked = true;
            Logger.info("phone locked");
            changed.run();
        }
        return true;
    }

    /** Unlocks when {@code pin} is the configured one ({@code phone_setting.phone_lock.unlock_pin}). */
    public boolean unlock(String pin) {
        if (!locked) {
            return true;
        }
        if (!pin.equals(settings.get().text("phone_setting.phone_lock.unlock_pin"))) {
            Logger.info("phone unlock refused: wrong PIN");
            return false;
        }
        locked = false;
        Logger.info("phone unlocked");
        activity();
        changed.run();
        return true;
    }

    /**
     * The user did something (a key, the hook): the auto-lock timer starts over. It locks after
     * {@code phone_setting.phone_lock.lock_time_out} seconds (ALE L3126, Yealink L10745) when ALE's auto lock
     * (L3110) or a Yealink lock type is on.
     */
    public void activity() {
        cancelAutoLock();
        if (locked) {
            return;
        }
        Duration after = autoLockAfter();
        if (!after.isZero()) {
            autoLock = loop.schedule(after, this::lock);
        }
    }

    /** A call keeps the phone from locking itself; {@link #activity()} starts the timer again. */
    public void busy() {
        cancelAutoLock();
    }

    Duration autoLockAfter() {
        PhoneSettings s = settings.get();
        int seconds = s.integer("phone_setting.phone_lock.lock_time_out");
        boolean on = s.bool("phone_setting.phone_lock.auto_lock") || s.isSet("phone_setting.lock") && s.integer("phone_setting.lock") > 0;
        return on && seconds > 0 && available() ? Duration.ofSeconds(seconds) : Duration.ZERO;
    }

    private void cancelAutoLock() {
        if (autoLock != null) {
            autoLock.cancel();
            autoLock = null;
        }
    }
}
