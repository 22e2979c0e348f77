package org.deskphone.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;
import org.deskphone.call.Forward;
import org.deskphone.call.LineStatus;
import org.deskphone.call.Notice;
import org.deskphone.call.Telephone;
import org.deskphone.config.Access;
import org.deskphone.config.ChangeResult;
import org.deskphone.config.ConfigStore;
import org.deskphone.config.Parameter;
import org.deskphone.config.ValueType;

/**
 * The phone's menu: status, history and directory; the features a user turns (DND, call forward, call
 * waiting, auto answer, anonymous calls); the basic settings (language, ring tone, time format, phone
 * lock); and, behind the administrator password ({@code security.password.admin}), the advanced settings.
 * Every setting is shown only to the access level that may change it, as the permission model says (ALE
 * §4.2, L2890-2945; the phone shows no read-only items, ALE digest A-7), and is changed in the configuration
 * store as a local change.
 */
final class Menus {
    /** The advanced settings the keypad reaches: an account's essentials and the phone-wide call settings. */
    private static final List<String> ADVANCED = List.of("account.1.enable", "account.1.label", "account.1.user_name",
            "account.1.password", "account.1.sip_server.1.address", "account.1.sip_server.1.port", "sip.default_account",
            "sip.max_call", "features.dnd_refuse_code", "features.normal_refuse_code", "phone_setting.phone_lock.enable",
            "phone_setting.custom_softkey_enable", "auto_provision.server.url");
    private static final List<String> RING_TONES = List.of("Ring1.wav", "Ring2.wav", "Ring3.wav", "Ring4.wav", "Ring5.wav",
            "Ring6.wav", "Ring7.wav", "Ring8.wav");

    private final Faceplate face;
    private final Telephone phone;
    private final ConfigStore store;

    Menus(Faceplate face, Telephone phone, ConfigStore store) {
        this.face = face;
        this.phone = phone;
        this.store = store;
    }

    private Texts t() {
        return face.texts();
    }

    ListPage main() {
        return new ListPage(t().get("M_MENU"), () -> List.of(
                open(t().get("M_STATUS"), this::status),
                open(t().get("M_HISTORY"), () -> face.history(0)),
                open(t().get("M_DIRECTORY"), face::directory),
                open(t().get("M_FEATURES"), this::features),
                open(t().get("M_SETTINGS"), this::settings),
                new ListPage.Item(t().get("M_ADVANCED"), "", () -> {
                    face.open(new EntryPage(t().get("M_PASSWORD"), "", true, true, password -> {
                        if (password.equals(phone.settings().text("security.password.admin"))) {
                            face.open(advanced());
                            return true;
                        }
                        face.show(Notice.of("wrong_password"));
                        return false;
                    }));
                    return Page.Outcome.STAY;
                })));
    }

    /** The device and its accounts. */
    ListPage status() {
        return new ListPage(t().get("M_STATUS"), () -> {
            List<ListPage.Item> items = new ArrayList<>();
            for (LineStatus line : phone.status().lines()) {
                items.add(ListPage.Item.info("L" + line.account() + " " + line.label(), line.registered() ? "\u260E"
                        : t().get(line.failed() ? "S_REG_FAILED" : "S_NOT_REGISTERED")));
            }
            for (String line : face.deviceStatus()) {
                items.add(ListPage.Item.info(line, ""));
            }
            return items;
        });
    }

    private ListPage features() {
        return new ListPage(t().get("M_FEATURES"), () -> {
            List<ListPage.Item> items = new ArrayList<>();
            items.add(toggle(t().get("M_DND"), () -> phone.dnd(0), on -> {
                phone.toggleDnd(0);
                return true;
            }));
            items.add(open(t().get("M_FORWARD"), this::forwarding));
            if (writable("call_waiting.enable", Access.USER)) {
                items.add(toggle(t().get("M_CALL_WAITING"), () -> phone.status().callWaiting(), on -> {
                    phone.toggleCallWaiting();
                    return true;
                }));
            }
            for (int account : accounts()) {
                String suffix = accounts().size() > 1 ? " L" + account : "";
                String p = "account." + account + ".";
                if (writable(p + "auto_answer", Access.USER)) {
                    items.add(toggle(t().get("M_AUTO_ANSWER") + suffix, () -> phone.settings().bool(p + "auto_answer"),
                            on -> change(Access.USER, Map.of(p + "auto_answer", on ? "1" : "0"))));
                }
                if (writable(p + "anonymous_call", Access.USER)) {
                    items.add(toggle(t().get("M_ANONYMOUS") + suffix, () -> phone.settings().bool(p + "anonymous_call"),
                            on -> phone.setAnonymous(account, on)));
                }
                if (writable(p + "reject_anonymous_call", Access.USER)) {
                    items.add(toggle(t().get("M_REJECT_ANONYMOUS") + suffix, () -> phone.settings().bool(p + "reject_anonymous_call"),
                            on -> phone.setRejectAnonymous(account, on)));
                }
            }
            return items;
        });
    }

    private ListPage forwarding() {
        return new ListPage(t().get("M_FORWARD"), () -> List.of(
                open(t().get("M_FORWARD_ALWAYS"), () -> forward(Forward.Kind.ALWAYS, "M_FORWARD_ALWAYS")),
                open(t().get("M_FORWARD_BUSY"), () -> forward(Forward.Kind.BUSY, "M_FORWARD_BUSY")),
                open(t().get("M_FORWARD_NO_ANSWER"), () -> forward(Forward.Kind.NO_ANSWER, "M_FORWARD_NO_ANSWER"))));
    }

    /** One kind of forwarding: on or off, and where to. */
    private ListPage forward(Forward.Kind kind, String title) {
        return new ListPage(t().get(title), () -> {
            Forward now = phone.forwarding(0, kind);
            return List.of(
                    toggle(t().get(title), () -> phone.forwarding(0, kind).on(), on -> phone.setForward(0, kind, on, null)),
                    new ListPage.Item(t().get("M_TARGET"), now.target(), () -> {
                        face.open(new EntryPage(t().get("M_TARGET"), now.target(), false, true,
                                target -> !target.isBlank() && phone.setForward(0, kind, phone.forwarding(0, kind).on(), target)));
                        return Page.Outcome.STAY;
                    }));
        });
    }

    private ListPage settings() {
        return new ListPage(t().get("M_SETTINGS"), () -> {
            List<ListPage.Item> items = new ArrayList<>();
            items.add(open(t().get("M_LANGUAGE"), () -> choice(t().get("M_LANGUAGE"), List.of("English", "German"),
                    phone.settings().text("lang.gui"), language -> change(Access.USER, Map.of("lang.gui", language,
                            "phone_setting.language", language.equals("German") ? "2" : "0")))));
            if (writable("phone_setting.ring_type", Access.USER)) {
                items.add(open(t().get("M_RING_TONE"), () -> choice(t().get("M_RING_TONE"), RING_TONES,
                        phone.settings().text("phone_setting.ring_type"), ring -> change(Access.USER, Map.of("phone_setting.ring_type", ring)))));
            }
            if (writable("local_time.time_format", Access.USER)) {
                items.add(open(t().get("M_TIME_FORMAT"), () -> choice(t().get("M_TIME_FORMAT"), List.of("12h", "24h"),
                        phone.settings().integer("local_time.time_format") == 1 ? "24h" : "12h",
                        format -> change(Access.USER, Map.of("local_time.time_format", format.equals("24h") ? "1" : "0")))));
            }
            if (phone.lock().available()) {
                items.add(open(t().get("M_PHONE_LOCK"), this::lock));
            }
            return items;
        });
    }

    /** Phone lock (ALE "Basic Setting > Phone Lock", L3094-3141): lock now, change the PIN, lock by itself. */
    private ListPage lock() {
        return new ListPage(t().get("M_PHONE_LOCK"), () -> List.of(
                new ListPage.Item(t().get("M_LOCK_NOW"), "", () -> phone.lock().lock() ? Page.Outcome.CLOSE : Page.Outcome.STAY),
                new ListPage.Item(t().get("M_CHANGE_PIN"), "", () -> {
                    face.open(new EntryPage(t().get("M_PIN"), "", true, false, current -> {
                        if (!current.equals(phone.settings().text("phone_setting.phone_lock.unlock_pin"))) {
                            face.show(Notice.of("wrong_pin"));
                            return false;
                        }
                        face.open(new EntryPage(t().get("M_NEW_PIN"), "", true, false,
                                pin -> change(Access.USER, Map.of("phone_setting.phone_lock.unlock_pin", pin))));
                        return true;
                    }));
                    return Page.Outcome.STAY;
                }),
                new ListPage.Item(t().get("M_AUTO_LOCK"), phone.settings().text("phone_setting.phone_lock.lock_time_out"), () -> {
                    face.open(new EntryPage(t().get("M_AUTO_LOCK"), phone.settings().text("phone_setting.phone_lock.lock_time_out"), false,
                            false, seconds -> change(Access.USER, Map.of("phone_setting.phone_lock.lock_time_out", seconds,
                                    "phone_setting.phone_lock.auto_lock", seconds.equals("0") ? "0" : "1"))));
                    return Page.Outcome.STAY;
                })));
    }

    /** The advanced settings an administrator may change, each edited as its type says. */
    private ListPage advanced() {
        return new ListPage(t().get("M_ADVANCED"), () -> {
            List<ListPage.Item> items = new ArrayList<>();
            for (String name : ADVANCED) {
                if (!writable(name, Access.ADMIN)) {
                    continue;
                }
                Parameter parameter = store.current().parameter(name);
                String value = store.current().string(name);
                String shown = parameter.isSecret() && !value.isEmpty() ? Parameter.MASK : value;
                if (parameter.type().kind() == ValueType.Kind.BOOL) {
                    items.add(toggle(name, () -> store.current().bool(name), on -> change(Access.ADMIN, Map.of(name, on ? "1" : "0"))));
                } else {
                    boolean number = parameter.type().kind() == ValueType.Kind.INT;
                    items.add(new ListPage.Item(name, shown, () -> {
                        face.open(new EntryPage(name, parameter.isSecret() ? "" : value, parameter.isSecret(), !number,
                                text -> change(Access.ADMIN, Map.of(name, text))));
                        return Page.Outcome.STAY;
                    }));
                }
            }
            return items;
        });
    }

    // ------------------------------------------------------------------ items

    private ListPage.Item open(String label, Supplier<Page> page) {
        return new ListPage.Item(label, ">", () -> {
            face.open(page.get());
            return Page.Outcome.STAY;
        });
    }

    private ListPage.Item toggle(String label, BooleanSupplier now, Function<Boolean, Boolean> set) {
        boolean on = now.getAsBoolean();
        return new ListPage.Item(label, t().get(on ? "M_ON" : "M_OFF"), () -> {
            set.apply(!now.getAsBoolean());
            return Page.Outcome.STAY;
        });
    }

    private ListPage choice(String title, List<String> options, String current, Function<String, Boolean> set) {
        return new ListPage(title, () -> options.stream().map(option -> new ListPage.Item(option, option.equals(current) ? "*" : "", () -> {
            return set.apply(option) ? Page.Outcome.CLOSE : Page.Outcome.STAY;
        })).toList());
    }

    private boolean change(Access access, Map<String, String> values) {
        ChangeResult result = store.change(access, values);
        if (!result.accepted()) {
            face.show(new Notice("not_allowed", result.problems().isEmpty() ? "" : result.problems().get(0).message()));
            return false;
        }
        face.show(Notice.of("saved"));
        return true;
    }

    /** The permission of {@code name} lets {@code access} change it; the phone shows no read-only items. */
    private boolean writable(String name, Access access) {
        return store.current().parameter(name).permission().canWrite(access);
    }

    private List<Integer> accounts() {
        List<Integer> accounts = phone.status().lines().stream().map(LineStatus::account).toList();
        return accounts.isEmpty() ? List.of(1) : accounts;
    }
}
