package org.deskphone.ui;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.deskphone.call.CallHistory;
import org.deskphone.call.Sound;
import org.deskphone.call.Telephone;
import org.deskphone.config.ConfigStore;
import org.deskphone.config.ProvisioningFile;
import org.deskphone.dialplan.DialPlan;
import org.deskphone.dialplan.DialPlanSettings;
import org.deskphone.hal.Geometry;
import org.deskphone.hal.HookState;
import org.deskphone.hal.Key;
import org.deskphone.hal.KeyEvent;
import org.deskphone.hal.Led;
import org.deskphone.hal.LedState;
import org.deskphone.hal.mock.MockDisplay;
import org.deskphone.hal.mock.MockLeds;
import org.deskphone.keys.KeyLayout;
import org.deskphone.loop.PhoneLoop;
import org.deskphone.loop.VirtualClock;

/**
 * One phone for a scenario test: the telephone and its faceplate on a virtual clock, a mock display of the
 * chosen geometry, mock LEDs, and {@link FakeTelephony} as SIP. The test presses keys and moves the hook
 * as a person would, plays the far end, and reads the LCD text, the LEDs and the sounds.
 */
final class PhoneRig {
    final VirtualClock clock = new VirtualClock(Instant.parse("2026-11-22T09:58:30Z"));
    final PhoneLoop loop = new PhoneLoop(clock);
    final ConfigStore store;
    final FakeTelephony sip = new FakeTelephony(clock);
    final List<Sound> sounds = new ArrayList<>();
    final MockDisplay display;
    final MockLeds leds = new MockLeds();
    final Telephone phone;
    final Faceplate faceplate;

    PhoneRig(Geometry geometry, String... cfgLines) {
        this(geometry, cfgLines.length == 0 ? List.of()
                : List.of(ProvisioningFile.of("test.cfg", "#!version:1.0.0.1\n" + String.join("\n", cfgLines) + "\n")));
    }

    /** A phone provisioned with ALE {@code config.xml} settings. */
    static PhoneRig ale(String settings) {
        return new PhoneRig(Geometry.text(20, 4), List.of(ProvisioningFile.of("config.xml",
                "<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n<settings>\n" + settings + "\n</settings>\n")));
    }

    PhoneRig(Geometry geometry, List<ProvisioningFile> files) {
        loop.runPending();
        store = ConfigStore.inMemory(loop);
        if (!files.isEmpty()) {
            var report = store.applyProvisioning(files);
            loop.runPending();
            if (!report.problems().isEmpty()) {
                throw new AssertionError("the test's provisioning has problems: " + report.problems());
            }
        }
        display = new MockDisplay(geometry);
        phone = new Telephone(loop, sip, sounds::add, store, this::dialPlan, CallHistory.empty());
        faceplate = new Faceplate(loop, phone, display, leds, store, KeyLayout.Counts.PC).idle(new Faceplate.IdleSource() {
            @Override
            public LocalDateTime now() {
                return LocalDateTime.ofInstant(clock.now(), ZoneOffset.UTC);
            }

            @Override
            public DateTimeFormatter timeFormat() {
                return DateTimeFormatter.ofPattern("HH:mm");
            }

            @Override
            public DateTimeFormatter dateFormat() {
                return DateTimeFormatter.ofPattern("EEE MMM d", java.util.Locale.ENGLISH);
            }

            @Override
            public boolean networkAvailable() {
                return true;
            }

            @Override
            public String product() {
                return "deskphone";
            }
        });
        sip.linesChanged();
        faceplate.redraw();
        loop.runPending();
    }

    /** The plan the configuration describes, as the phone's {@code PhoneDialPlan} compiles it. */
    private DialPlan dialPlan() {
        try {
            return DialPlan.compile(DialPlanSettings.from(store.current()));
        } catch (org.deskphone.dialplan.DialPlanException e) {
            throw new AssertionError("the test's dial plan does not compile", e);
        }
    }

    PhoneRig() {
        this(Geometry.text(20, 4));
    }

    void lift() {
        faceplate.hook(HookState.OFF_HOOK);
        loop.runPending();
    }

    void hangUp() {
        faceplate.hook(HookState.ON_HOOK);
        loop.runPending();
    }

    void press(Key key) {
        faceplate.key(new KeyEvent(key, true));
        faceplate.key(new KeyEvent(key, false));
        loop.runPending();
    }

    void press(Key.Kind kind) {
        press(Key.of(kind));
    }

    /** Presses the soft key labelled {@code label} on the screen now. */
    void soft(String label) {
        List<String> labels = softLabels();
        int slot = labels.indexOf(label);
        if (slot < 0) {
            throw new AssertionError("no soft key '" + label + "' among " + labels + " on\n" + text());
        }
        press(Key.soft(slot + 1));
    }

    List<String> softLabels() {
        return faceplate.softKeyLabels();
    }

    void dial(String digits) {
        for (char c : digits.toCharArray()) {
            press(Key.dialPad(c));
        }
    }

    void passes(Duration time) {
        loop.advance(time);
    }

    String text() {
        return display.text();
    }

    Sound playing() {
        return sounds.isEmpty() ? Sound.SILENCE : sounds.get(sounds.size() - 1);
    }

    LedState led(Led led) {
        return leds.state(led);
    }
}
