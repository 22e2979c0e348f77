package org.deskphone.ui;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.deskphone.call.CallInfo;
import org.deskphone.call.CallState;
import org.deskphone.call.Directory;
import org.deskphone.call.Forward;
import org.deskphone.call.HistoryEntry;
import org.deskphone.call.Intercom;
import org.deskphone.call.LineStatus;
import org.deskphone.call.Notice;
import org.deskphone.call.PhoneLock;
import org.deskphone.call.PhoneSettings;
import org.deskphone.call.PhoneStatus;
import org.deskphone.call.Telephone;
import org.deskphone.config.ConfigStore;
import org.deskphone.config.format.Contact;
import org.deskphone.dialplan.Source;
import org.deskphone.hal.Display;
import org.deskphone.hal.Geometry;
import org.deskphone.hal.HookState;
import org.deskphone.hal.Key;
import org.deskphone.hal.KeyEvent;
import org.deskphone.hal.Led;
import org.deskphone.hal.LedState;
import org.deskphone.hal.Leds;
import org.deskphone.hal.Screen;
import org.deskphone.keys.KeyBinding;
import org.deskphone.keys.KeyFunction;
import org.deskphone.keys.KeyLayout;
import org.deskphone.keys.KeyState;
import org.deskphone.keys.LedPanel;
import org.deskphone.keys.SoftKey;
import org.deskphone.keys.SoftKeyLayouts;
import org.deskphone.loop.PhoneLoop;
import org.deskphone.loop.Timer;
import org.tinylog.Logger;

/**
 * The phone's face: keys and the hook in; the LCD and the LEDs out. Keys go to the page the user opened (a
 * menu, a list, a field), else to the {@link Telephone} as the call state, the soft-key layout and the key
 * layout say; after every change the screen is drawn again for the display's geometry (16x2 and 20x4
 * character displays, pixel panels with their text grid) and the LEDs are set. While a call is up the
 * screen is redrawn every second (talk time), else every minute (the clock). On the phone loop.
 */
public final class Faceplate {
    private static final Duration NOTICE_SHOWN = Duration.ofSeconds(3);

    /** What the idle screen shows besides calls: the clock in the configured zone and formats, and the network. */
    public interface IdleSource {
        LocalDateTime now();

        DateTimeFormatter timeFormat();

        DateTimeFormatter dateFormat();

        boolean networkAvailable();

        String product();
    }

    private final PhoneLoop loop;
    private final Telephone phone;
    private final Display display;
    private final Leds leds;
    private final ConfigStore store;
    private final KeyLayout.Counts counts;
    private final Deque<Page> pages = new ArrayDeque<>();
    private final Menus menus;
    private IdleSource idle = new SystemIdle();
    private Supplier<List<String>> statusLines = List::of;
    private Supplier<List<String>> languageFiles = List::of;
    private Texts texts = Texts.english();
    private KeyLayout layout;
    private Notice notice;
    private Timer noticeTimer;
    private Timer tick;
    private int softPage;
    private CallState lastState = CallState.IDLE;
    private int candidate = -1;
    private Map<Led, LedState> shownLeds = Map.of();
    private volatile List<KeyState> keyStates = List.of();

    public Faceplate(PhoneLoop loop, Telephone phone, Display display, Leds leds, ConfigStore store, KeyLayout.Counts counts) {
        this.loop = Objects.requireNonNull(loop, "loop");
        this.phone = Objects.requireNonNull(phone, "phone");
        this.display = Objects.requireNonNull(display, "display");
        this.leds = Objects.requireNonNull(leds, "leds");
        this.store = Objects.requireNonNull(store, "store");
        this.counts = Objects.requireNonNull(counts, "counts");
        this.menus = new Menus(this, phone, store);
        this.layout = KeyLayout.read(phone.settings(), counts);
        this.texts = Texts.of(phone.settings(), List.of());
        phone.onChange(this::phoneChanged);
        phone.onNotice(this::show);
    }

    /** Where the idle screen's clock and network state come from. */
    public Faceplate idle(IdleSource source) {
        this.idle = Objects.requireNonNull(source, "source");
        return this;
    }

    /** The status page's lines about the device (version, addresses, MAC...). */
    public Faceplate statusLines(Supplier<List<String>> lines) {
        this.statusLines = Objects.requireNonNull(lines, "lines");
        return this;
    }

    /** The contents of the language files provisioning installed. */
    public Faceplate languageFiles(Supplier<List<String>> files) {
        this.languageFiles = Objects.requireNonNull(files, "files");
        reconfigure();
        return this;
    }

    /** Reads the key layout and the language again: the configuration changed. */
    public void reconfigure() {
        PhoneSettings s = phone.settings();
        layout = KeyLayout.read(s, counts);
        texts = Texts.of(s, languageFiles.get());
        redraw();
    }

    /** The configurable keys with what they do and their LEDs now: for the web UI's keys page; any thread. */
    public List<KeyState> keyStates() {
        return keyStates;
    }

    public KeyLayout layout() {
        return layout;
    }

    Texts texts() {
        return texts;
    }

    List<String> deviceStatus() {
        return statusLines.get();
    }

    // ------------------------------------------------------------------ input

    /** A key event from the keypad; only presses act (long presses are not used yet). */
    public void key(KeyEvent event) {
        if (!event.down()) {
            return;
        }
        Key key = event.key();
        phone.lock().activity();
        dismissNotice();
        try {
            press(key);
        } finally {
            redraw();
        }
    }

    /** The handset moved. */
    public void hook(HookState state) {
        pages.clear();
        phone.handset(state == HookState.OFF_HOOK);
        redraw();
    }

    private void press(Key key) {
        Page page = pages.peek();
        if (page != null) {
            Page.Outcome outcome = page.key(key);
            if (outcome == Page.Outcome.CLOSE) {
                pages.remove(page);
            }
            if (outcome != Page.Outcome.PASS) {
                return;
            }
            pages.clear();
        }
        PhoneStatus status = phone.status();
        CallState state = status.state();
        PhoneLock lock = phone.lock();
        if (lock.locked() && !allowedWhenLocked(key, state, lock.level())) {
            if (state == CallState.IDLE && (key.kind() == Key.Kind.MENU || key.kind() == Key.Kind.OK
                    || key.kind() == Key.Kind.SOFT && key.index() == 1)) {
                openUnlock();
            } else {
                show(Notice.of(lock.level() == PhoneLock.Level.ALL ? "emergency_only" : "not_allowed"));
            }
            return;
        }
        if (key.isDialPad()) {
            candidate = -1;
            phone.key(key.symbol());
            return;
        }
        if (state == CallState.IDLE && key.kind() != Key.Kind.SOFT) {
            Optional<KeyBinding> remapped = layout.remapped(key.kind());
            if (remapped.isPresent()) {
                perform(remapped.get());
                return;
            }
        }
        switch (key.kind()) {
            case SOFT -> softKey(key.index(), state);
            case LINE, PROGRAMMABLE -> perform(layout.binding(key));
            case HOLD -> phone.hold();
            case TRANSFER -> phone.transfer();
            case CONFERENCE -> phone.conference();
            case REDIAL -> {
                if (state == CallState.IDLE) {
                    open(history(1));
                } else {
                    phone.redial();
                }
            }
            case DND -> phone.toggleDnd(0);
            case MUTE -> phone.mute();
            case SPEAKER -> phone.speaker();
            case HEADSET -> phone.headset();
            case MESSAGE -> phone.voicemail(0);
            case MENU -> open(menus.main());
            case UP, DOWN -> upDown(key.kind() == Key.Kind.UP ? -1 : 1, state);
            case LEFT -> {
                if (state == CallState.DIAL || state == CallState.TRANS_DIAL || state == CallState.CONF_DIAL) {
                    phone.backspace();
                } else if (state == CallState.IDLE) {
                    open(history(0));
                }
            }
            case RIGHT -> {
                if (state == CallState.IDLE) {
                    open(directory());
                }
            }
            case OK -> ok(state);
            case CANCEL -> phone.cancel();
            default -> Logger.debug("key {} has no use yet", key);
        }
    }

    /** What a locked phone still does: dial (emergency numbers), the hook keys, answer and end calls, leave pages. */
    private static boolean allowedWhenLocked(Key key, CallState state, PhoneLock.Level level) {
        if (level == PhoneLock.Level.MENU) {
            return key.kind() != Key.Kind.MENU && !(state == CallState.IDLE && key.kind() == Key.Kind.SOFT);
        }
        if (key.isDialPad()) {
            return true;
        }
        return switch (key.kind()) {
            case SPEAKER, HEADSET, CANCEL -> true;
            case OK -> state != CallState.IDLE;
            case SOFT -> state != CallState.IDLE;
            case HOLD, MUTE, UP, DOWN, LEFT, RIGHT -> level == PhoneLock.Level.FUNCTIONS || state != CallState.IDLE;
            default -> false;
        };
    }

    private void ok(CallState state) {
        switch (state) {
            case IDLE -> open(menus.main());
            case DIAL, TRANS_DIAL, CONF_DIAL, DIAL_EMPTY, TRANS_DIAL_EMPTY, CONF_DIAL_EMPTY -> dialSelected();
            case RINGING, NEW_CALLIN, CONF_NEW_CALLIN -> phone.answer();
            default -> { }
        }
    }

    private void upDown(int step, CallState state) {
        if (state == CallState.DIAL || state == CallState.DIAL_EMPTY) {
            List<Candidate> found = candidates();
            if (!found.isEmpty()) {
                candidate = Math.floorMod(candidate + step, found.size());
            }
            return;
        }
        phone.select(step);
    }

    /** Send while dialling: the candidate picked with Up/Down, else what was typed. */
    private void dialSelected() {
        List<Candidate> found = candidates();
        if (candidate >= 0 && candidate < found.size()) {
            Candidate picked = found.get(candidate);
            candidate = -1;
            phone.call(picked.number(), 0, picked.source(), "", Map.of());
        } else {
            phone.send();
        }
    }

    private void softKey(int slot, CallState state) {
        if (state == CallState.IDLE) {
            if (phone.lock().locked()) {
                openUnlock();
                return;
            }
            perform(layout.binding(Key.soft(slot)));
            return;
        }
        List<SoftKey> shown = softKeys(state);
        if (slot < 1 || slot > shown.size()) {
            return;
        }
        switch (shown.get(slot - 1)) {
            case CALL -> dialSelected();
            case BACKSPACE -> phone.backspace();
            case CANCEL -> phone.cancel();
            case DIRECTORY -> open(directory());
            case HISTORY -> open(history(0));
            case BLIND_TRANSFER -> phone.blindTransfer();
            case END -> {
                if (state == CallState.NEW_CALLIN || state == CallState.CONF_NEW_CALLIN) {
                    phone.endTalking();
                } else {
                    phone.end();
                }
            }
            case TRANSFER -> phone.transfer();
            case NEW_CALL -> phone.newCall(phone.status().focus().map(CallInfo::account).filter(a -> a > 0).orElse(phone.defaultAccount()));
            case TAKE -> phone.answer();
            case SILENT -> phone.silence();
            case FORWARD -> open(new EntryPage(texts.get("M_TARGET"), phone.forwarding(0, Forward.Kind.ALWAYS).target(), false, true,
                    target -> {
                        phone.forwardRinging(target);
                        return true;
                    }));
            case REJECT -> phone.reject();
            case HOLD, RESUME -> phone.hold();
            case CONFERENCE -> phone.conference();
            case SWAP -> phone.swap();
            case SPLIT -> phone.split();
            case MANAGE -> open(conferenceParties());
            case MORE -> softPage++;
            case IME, EMPTY -> { }
        }
    }

    /**
     * Does what a configured key's function says; a function this phone does not carry out says so on the
     * display. During a call, speed-dial and transfer keys transfer as {@code transfer.dsskey_deal_type} says.
     */
    void perform(KeyBinding binding) {
        int account = binding.account();
        String value = binding.value().strip();
        boolean inCall = phone.status().calls().stream().anyMatch(c -> c.status() == CallInfo.Status.TALKING);
        PhoneSettings s = phone.settings();
        switch (binding.function()) {
            case NONE -> { }
            case LINE, ACCOUNT -> phone.line(Math.max(1, account));
            case SWITCH_ACCOUNT -> phone.newCall(nextAccount());
            case SPEED_DIAL -> {
                String[] parts = value.split(",", 2);
                if (parts[0].isBlank()) {
                    show(new Notice("no_number", binding.shown()));
                } else if (inCall) {
                    phone.transferByKey(parts[0].strip(), account);
                } else {
                    phone.call(parts[0].strip(), account, Source.MANUAL, parts.length > 1 ? parts[1].strip() : "", Map.of());
                }
            }
            case DND -> phone.toggleDnd(account);
            case FORWARD -> forwardKey(account, value);
            case TRANSFER -> {
                if (!value.isEmpty() && inCall) {
                    phone.transferByKey(value, account);
                } else {
                    phone.transfer();
                }
            }
            case HOLD -> phone.hold();
            case CONFERENCE -> phone.conference();
            case RECALL -> phone.recall();
            case REDIAL -> phone.redial();
            case DIRECTORY, LOCAL_DIRECTORY -> open(directory());
            case HISTORY -> open(history(0));
            case MENU -> open(menus.main());
            case STATUS -> open(menus.status());
            case VOICEMAIL -> {
                if (value.isEmpty()) {
                    phone.voicemail(account);
                } else {
                    phone.call(value, account, Source.MANUAL, "", Map.of());
                }
            }
            case PREFIX -> phone.prefix(account, value);
            case DTMF -> phone.sendDtmf(value);
            case PHONE_LOCK -> {
                if (phone.lock().locked()) {
                    openUnlock();
                } else if (!phone.lock().lock()) {
                    show(Notice.of("not_allowed"));
                }
            }
            case HEADSET -> phone.headset();
            case CALL_WAITING -> phone.toggleCallWaiting();
            case MUTE -> phone.mute();
            case INTERCOM, PAGING -> {
                if (value.isEmpty()) {
                    show(new Notice("no_number", binding.shown()));
                } else {
                    phone.call(value, account, Source.MANUAL, "", Intercom.headers(s, Math.max(1, account)));
                }
            }
            case DIRECT_PICKUP -> dialCode(account, code(s, account, "direct_pickup_code", "features.pickup.direct_pickup_code") + value,
                    binding);
            case GROUP_PICKUP -> dialCode(account, value.isEmpty() ? code(s, account, "group_pickup_code", "features.pickup.group_pickup_code")
                    : value, binding);
            case CALL_PARK -> {
                String park = value.isEmpty() ? s.text("features.call_park.park_code") : value;
                if (!inCall) {
                    show(Notice.of("no_call"));
                } else if (park.isBlank()) {
                    show(new Notice("no_number", binding.shown()));
                } else {
                    phone.transferByKeyBlind(park);
                }
            }
            case RETRIEVE_PARK -> dialCode(account, value.isEmpty() ? s.text("features.call_park.retrieve_code") : value, binding);
            default -> show(new Notice("not_supported", binding.shown()));
        }
    }

    private void dialCode(int account, String number, KeyBinding binding) {
        if (number.isBlank()) {
            show(new Notice("no_number", binding.shown()));
        } else {
            phone.call(number, account, Source.MANUAL, "", Map.of());
        }
    }

    /** A pickup code: the account's (Yealink {@code account.X.*_pickup_code}) when set, else the phone's. */
    private static String code(PhoneSettings s, int account, String accountName, String phoneName) {
        String own = account > 0 ? s.text("account." + account + "." + accountName) : "";
        return own.isBlank() ? s.text(phoneName) : own;
    }

    /**
     * The forward key: turns always-forwarding off when it is on; else on to the key's value, the configured
     * target, or a target the user types.
     */
    private void forwardKey(int account, String value) {
        Forward always = phone.forwarding(account, Forward.Kind.ALWAYS);
        if (always.on()) {
            phone.setForward(account, Forward.Kind.ALWAYS, false, null);
        } else if (!value.isEmpty() || !always.target().isBlank()) {
            phone.setForward(account, Forward.Kind.ALWAYS, true, value.isEmpty() ? always.target() : value);
        } else {
            open(new EntryPage(texts.get("M_TARGET"), "", false, true,
                    target -> !target.isBlank() && phone.setForward(account, Forward.Kind.ALWAYS, true, target)));
        }
    }

    private int nextAccount() {
        List<LineStatus> lines = phone.status().lines();
        if (lines.isEmpty()) {
            return phone.defaultAccount();
        }
        int current = phone.status().focus().map(CallInfo::account).orElse(phone.defaultAccount());
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).account() == current) {
                return lines.get((i + 1) % lines.size()).account();
            }
        }
        return lines.get(0).account();
    }

    // ------------------------------------------------------------------ pages

    void open(Page page) {
        pages.push(page);
    }

    void close(Page page) {
        pages.remove(page);
    }

    boolean pageOpen() {
        return !pages.isEmpty();
    }

    private void openUnlock() {
        open(new EntryPage(texts.get("M_PIN"), "", true, false, pin -> {
            if (phone.lock().unlock(pin)) {
                return true;
            }
            show(Notice.of("wrong_pin"));
            return false;
        }));
    }

    /** The call history: All, Missed, Placed, Received, Forwarded (ALE L6019-6021); OK or Send calls back. */
    ListPage history(int firstTab) {
        List<ListPage.Tab> tabs = new ArrayList<>();
        tabs.add(new ListPage.Tab(texts.get("M_ALL_CALLS"), () -> historyItems(null)));
        tabs.add(new ListPage.Tab(texts.get("M_PLACED_CALLS"), () -> historyItems(HistoryEntry.Kind.PLACED)));
        tabs.add(new ListPage.Tab(texts.get("M_MISSED_CALLS"), () -> historyItems(HistoryEntry.Kind.MISSED)));
        tabs.add(new ListPage.Tab(texts.get("M_RECEIVED_CALLS"), () -> historyItems(HistoryEntry.Kind.RECEIVED)));
        tabs.add(new ListPage.Tab(texts.get("M_FORWARDED_CALLS"), () -> historyItems(HistoryEntry.Kind.FORWARDED)));
        phone.history().missedSeen();
        ListPage page = new DialablePage(tabs);
        page.selectTab(firstTab);
        return page;
    }

    private List<ListPage.Item> historyItems(HistoryEntry.Kind kind) {
        List<HistoryEntry> entries = kind == null ? phone.history().entries() : phone.history().entries(kind);
        List<ListPage.Item> items = new ArrayList<>();
        for (HistoryEntry entry : entries) {
            String mark = switch (entry.kind()) {
                case PLACED -> "\u2192";
                case RECEIVED -> "\u2190";
                case MISSED -> "!";
                case FORWARDED -> "\u21AA";
            };
            items.add(new ListPage.Item(entry.label(), mark, () -> {
                phone.call(entry.number(), entry.account(), Source.HISTORY, "", Map.of());
                return Page.Outcome.CLOSE;
            }));
        }
        return items;
    }

    /** The directory: digits typed search it (ALE L4058-4064), OK or Send calls the contact's first number. */
    DirectoryPage directory() {
        return new DirectoryPage(texts.get("M_DIRECTORY"), phone, phone.settings().integer("directory.search_type") == 1);
    }

    private ListPage conferenceParties() {
        return new ListPage(texts.get("S_CONFERENCE"), () -> phone.status().calls().stream().filter(CallInfo::conference)
                .map(c -> ListPage.Item.info(c.remote().label(), Rows.duration(c.talked(loop.clock().now())))).toList());
    }

    /** A list whose OK and Send (the Call soft key) call the selected entry. */
    private static final class DialablePage extends ListPage {
        DialablePage(List<Tab> tabs) {
            super(tabs);
        }

        @Override
        public List<String> softKeys(Texts texts) {
            return List.of(texts.get("K_CALL"), "", "", texts.get("K_BACK"));
        }

        @Override
        public Outcome key(Key key) {
            if (key.kind() == Key.Kind.REDIAL) {
                return super.key(Key.of(Key.Kind.OK));
            }
            return super.key(key);
        }
    }

    // ------------------------------------------------------------------ dialling candidates

    /** A number offered while dialling, from the directory or the history. */
    record Candidate(String label, String number, Source source) {
    }

    /**
     * What the typed digits may be, from the sources {@code DirectorySearchInDialingList} lists (ALE L12502;
     * 0 the local directory, 1 the history), or from both when Yealink's
     * {@code phone_setting.search_when_dialing_enable} (L10629) is set on.
     */
    List<Candidate> candidates() {
        Optional<CallInfo> focus = phone.status().focus();
        if (focus.isEmpty() || focus.get().status() != CallInfo.Status.DIALING || focus.get().number().isEmpty()) {
            return List.of();
        }
        String typed = focus.get().number();
        PhoneSettings s = phone.settings();
        List<String> sources;
        if (s.isSet("phone_setting.search_when_dialing_enable")) {
            sources = s.bool("phone_setting.search_when_dialing_enable") ? List.of("0", "1") : List.of();
        } else {
            sources = s.list("directory.search_in_dialing");
        }
        List<Candidate> found = new ArrayList<>();
        for (String source : sources) {
            if (source.equals("0")) {
                for (Contact contact : phone.currentDirectory().contacts()) {
                    for (String number : Directory.numbers(contact)) {
                        if (number.startsWith(typed) && found.stream().noneMatch(c -> c.number().equals(number))) {
                            found.add(new Candidate(Directory.name(contact), number, Source.DIRECTORY));
                        }
                    }
                }
            } else if (source.equals("1")) {
                for (HistoryEntry entry : phone.history().entries()) {
                    if (entry.number().startsWith(typed) && found.stream().noneMatch(c -> c.number().equals(entry.number()))) {
                        found.add(new Candidate(entry.label(), entry.number(), Source.HISTORY));
                    }
                }
            }
        }
        return found;
    }

    // ------------------------------------------------------------------ output

    private void phoneChanged() {
        CallState state = phone.status().state();
        if (state != lastState) {
            softPage = 0;
            candidate = -1;
            boolean callCame = lastState == CallState.IDLE && state != CallState.IDLE
                    && phone.status().calls().stream().anyMatch(c -> c.status() == CallInfo.Status.RINGING);
            if (callCame) {
                pages.clear(); // a call that rings takes the screen
            }
            lastState = state;
        }
        redraw();
    }

    /** Shows {@code shown} for a few seconds over the screen. */
    void show(Notice shown) {
        notice = shown;
        if (noticeTimer != null) {
            noticeTimer.cancel();
        }
        noticeTimer = loop.schedule(NOTICE_SHOWN, () -> {
            notice = null;
            redraw();
        });
        redraw();
    }

    private void dismissNotice() {
        if (notice != null) {
            notice = null;
            if (noticeTimer != null) {
                noticeTimer.cancel();
            }
        }
    }

    /** Draws the screen and sets the LEDs for the phone as it is now, and arranges the next redraw. */
    public void redraw() {
        PhoneStatus status = phone.status();
        Geometry geometry = display.geometry();
        Screen screen;
        Page page = pages.peek();
        if (page != null) {
            screen = withSoftKeys(geometry, page.rows(geometry, contentRows(geometry), texts), page.softKeys(texts));
        } else if (status.state() == CallState.IDLE) {
            screen = idleScreen(geometry, status);
        } else {
            screen = callScreen(geometry, status);
        }
        if (notice != null) {
            screen = overlay(screen, noticeText(notice));
        }
        display.show(screen);
        setLeds(status);
        scheduleTick(status);
    }

    /** The soft keys' labels now, slot 1 first: what the bottom row shows (for tests and the web UI's faceplate). */
    public List<String> softKeyLabels() {
        Page page = pages.peek();
        if (page != null) {
            return page.softKeys(texts);
        }
        PhoneStatus status = phone.status();
        if (status.state() == CallState.IDLE) {
            return idleSoftKeys();
        }
        return softKeys(status.state()).stream().map(this::softLabel).toList();
    }

    private List<String> idleSoftKeys() {
        List<String> soft = new ArrayList<>();
        if (phone.lock().locked()) {
            soft.add(texts.get("K_UNLOCK"));
        } else {
            for (int n = 1; n <= counts.soft(); n++) {
                soft.add(idleLabel(layout.binding(Key.soft(n))));
            }
        }
        return soft;
    }

    private Screen idleScreen(Geometry geometry, PhoneStatus status) {
        IdleScreen idleScreen = new IdleScreen(idle.product(), idle.timeFormat(), idle.dateFormat());
        StringBuilder icons = new StringBuilder();
        if (status.dnd()) {
            icons.append("\u2298");
        }
        if (status.forward()) {
            icons.append("\u21AA");
        }
        if (status.messageWaiting()) {
            icons.append("\u2709").append(status.newMessages() > 0 ? Integer.toString(status.newMessages()) : "");
        }
        String missed = status.missedCalls() > 0 ? texts.format("S_MISSED", status.missedCalls()) : "";
        return idleScreen.render(geometry, idle.now(), idleStatus(status), icons.toString(), missed, idleSoftKeys());
    }

    /** The status row: network trouble first, then the lock, then the default account and its registration. */
    private String idleStatus(PhoneStatus status) {
        if (!idle.networkAvailable()) {
            return texts.get("S_NETWORK_UNAVAILABLE");
        }
        if (status.locked()) {
            return texts.get("S_LOCKED");
        }
        Optional<LineStatus> line = status.line(phone.defaultAccount());
        if (line.isEmpty()) {
            return texts.get("S_NO_ACCOUNT");
        }
        LineStatus l = line.get();
        if (l.registered()) {
            return "\u260E" + l.label();
        }
        return l.label() + ": " + texts.get(l.failed() ? "S_REG_FAILED"
                : l.registration() instanceof org.deskphone.sip.RegistrationStatus.Registering ? "S_REGISTERING" : "S_NOT_REGISTERED");
    }

    private String idleLabel(KeyBinding binding) {
        if (!binding.label().isBlank()) {
            return binding.label();
        }
        return switch (binding.function()) {
            case HISTORY -> texts.get("K_HISTORY");
            case DIRECTORY, LOCAL_DIRECTORY -> texts.get("K_DIRECTORY");
            case DND -> texts.get("K_DND");
            case MENU -> texts.get("K_MENU");
            case FORWARD -> texts.get("K_FORWARD");
            case NONE -> "";
            default -> binding.function().label();
        };
    }

    private Screen callScreen(Geometry geometry, PhoneStatus status) {
        PhoneSettings s = phone.settings();
        Instant now = loop.clock().now();
        String lineLabel = status.focus().flatMap(c -> status.line(c.account())).map(LineStatus::label).orElse("");
        String detail = "";
        Optional<Telephone.AutoRedialDue> redial = phone.autoRedialDue();
        if (status.state() == CallState.CALL_FAILED && redial.isPresent()) {
            detail = texts.format("S_REDIAL_IN", redial.get().attempt(), redial.get().of());
        } else if (status.state() == CallState.DIAL) {
            List<Candidate> found = candidates();
            if (!found.isEmpty()) {
                Candidate shown = found.get(Math.max(0, candidate));
                detail = (candidate >= 0 ? ">" : " ") + shown.label() + (shown.label().equals(shown.number()) ? "" : " " + shown.number());
            }
        }
        List<String> rows = CallScreen.render(geometry, contentRows(geometry), texts, status, now,
                s.integer("phone_setting.call_info_display_mode"), lineLabel, detail);
        List<String> labels = softKeys(status.state()).stream().map(this::softLabel).toList();
        return withSoftKeys(geometry, rows, labels);
    }

    private List<SoftKey> softKeys(CallState state) {
        return SoftKeyLayouts.page(SoftKeyLayouts.layout(phone.settings(), state), counts.soft(), softPage);
    }

    private String softLabel(SoftKey key) {
        return texts.get("K_" + key.name());
    }

    /** The rows above the soft keys: all but the last on a display of two rows or more. */
    private static int contentRows(Geometry geometry) {
        return geometry.rows() >= 2 ? geometry.rows() - 1 : 1;
    }

    private Screen withSoftKeys(Geometry geometry, List<String> rows, List<String> labels) {
        List<String> lines = new ArrayList<>(rows);
        if (geometry.rows() >= 2) {
            while (lines.size() < geometry.rows() - 1) {
                lines.add("");
            }
            lines = new ArrayList<>(lines.subList(0, geometry.rows() - 1));
            lines.add(Rows.softKeys(labels, geometry.columns()));
        }
        return Screen.of(geometry, lines);
    }

    /** The notice over the middle row (the first on a two-row display). */
    private static Screen overlay(Screen screen, String text) {
        List<String> lines = new ArrayList<>(screen.lines());
        int row = lines.size() >= 3 ? 1 : 0;
        lines.set(row, text);
        return Screen.of(screen.geometry(), lines);
    }

    private String noticeText(Notice shown) {
        String text = texts.get(shown.text());
        if (text.contains("%s")) {
            return String.format(Locale.ROOT, text, shown.detail());
        }
        return shown.detail().isBlank() || shown.text().equals("no_number") ? text : text + ": " + shown.detail();
    }

    private void setLeds(PhoneStatus status) {
        Map<Led, LedState> wanted = LedPanel.leds(status, layout, phone.settings().bool("features.power_led_on"));
        for (Map.Entry<Led, LedState> entry : wanted.entrySet()) {
            if (!entry.getValue().equals(shownLeds.get(entry.getKey()))) {
                leds.set(entry.getKey(), entry.getValue());
            }
        }
        shownLeds = wanted;
        List<KeyState> states = new ArrayList<>();
        for (Map.Entry<Key, KeyBinding> entry : layout.bindings().entrySet()) {
            Key key = entry.getKey();
            LedState led = key.kind() == Key.Kind.SOFT ? LedState.OFF : LedPanel.keyLed(status, entry.getValue());
            states.add(new KeyState(key, entry.getValue(), led));
        }
        keyStates = List.copyOf(states);
    }

    /** Every second while a call is up (the talk time), else at the next minute (the clock). */
    private void scheduleTick(PhoneStatus status) {
        if (tick != null) {
            tick.cancel();
        }
        if (!status.calls().isEmpty()) {
            tick = loop.schedule(Duration.ofSeconds(1), this::redraw);
        } else {
            Instant now = loop.clock().now();
            Duration untilNextMinute = Duration.between(now, now.truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES));
            tick = loop.schedule(untilNextMinute, this::redraw);
        }
    }

    /** Stops redrawing (the phone stops). */
    public void stop() {
        if (tick != null) {
            tick.cancel();
        }
        if (noticeTimer != null) {
            noticeTimer.cancel();
        }
    }

    /** The clock of the machine, for a faceplate nobody gave an idle source. */
    private final class SystemIdle implements IdleSource {
        @Override
        public LocalDateTime now() {
            return LocalDateTime.ofInstant(loop.clock().now(), java.time.ZoneOffset.UTC);
        }

        @Override
        public DateTimeFormatter timeFormat() {
            return DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
        }

        @Override
        public DateTimeFormatter dateFormat() {
            return DateTimeFormatter.ofPattern("EEE MMM d", Locale.ENGLISH);
        }

        @Override
        public boolean networkAvailable() {
            return true;
        }

        @Override
        public String product() {
            return "deskphone";
        }
    }
}
