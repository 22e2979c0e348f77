package org.deskphone.ui;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.deskphone.call.PhoneSettings;
import org.tinylog.Logger;

/**
 * The phone's words in the language the settings choose: English built in, other languages from language
 * files in ALE's custom-language format (seed L10386-10420): one translation per line,
 * {@code <source id> TAB <language> TAB <text>}. German ships with the phone
 * ({@code org/deskphone/ui/lang/German.txt}); files provisioning installs add or override languages. A text
 * the file lacks stays English. Immutable.
 */
public final class Texts {
    /** ALE's {@code SettingLanguage} codes 0-30 (L10341; there is no 29); 99 is the custom language. */
    static final List<String> ALE_LANGUAGES = List.of("English", "French", "German", "Italian", "Spanish", "Dutch", "Portuguese",
            "Hungarian", "Czech", "Slovak", "Slovenian", "Estonian", "Polish", "Lithuanian", "Latvian", "Turkish", "Greek", "Swedish",
            "Norwegian", "Danish", "Finnish", "Icelandic", "Chinese_simplified", "Chinese_traditional", "Korean", "Japanese", "Arabic",
            "Hebrew", "Russian", "", "Thai");
    private static final Map<String, String> ALIASES = Map.of("deutsch", "german", "francais", "french", "nederlands", "dutch");
    private static final Map<String, String> ENGLISH = new LinkedHashMap<>();

    static {
        // Idle screen
        english("S_NO_ACCOUNT", "No account");
        english("S_NETWORK_UNAVAILABLE", "network unavailable");
        english("S_REGISTERING", "registering");
        english("S_REG_FAILED", "reg. failed");
        english("S_NOT_REGISTERED", "not registered");
        english("S_LOCKED", "Locked");
        english("S_MISSED", "%d missed");
        english("S_VOICEMAIL", "VM %d");
        // Call screens
        english("S_DIAL", "Dial");
        english("S_TRANSFER_TO", "Transfer to");
        english("S_ADD_PARTY", "Add party");
        english("S_CALLING", "Calling");
        english("S_RINGBACK", "Ringing");
        english("S_INCOMING", "Incoming");
        english("S_WAITING", "Waiting");
        english("S_TALKING", "Talking");
        english("S_ON_HOLD", "On hold");
        english("S_HELD", "Held");
        english("S_CONFERENCE", "Conference");
        english("S_CALL_FAILED", "Call failed");
        english("S_MUTED", "Muted");
        english("S_SECURE", "SRTP");
        english("S_TRANSFERRING", "Transferring");
        english("S_INTERCOM", "Intercom");
        english("S_REDIAL_IN", "Redial %d/%d");
        english("S_ANONYMOUS", "Anonymous");
        // Why a call failed
        english("busy", "Busy");
        english("blocked", "Number blocked");
        english("locked", "Locked: emergency only");
        english("no_match", "No such number");
        english("no_answer", "No answer");
        english("failed", "Call failed");
        // Notices
        english("not_supported", "Not supported: %s");
        english("not_allowed", "Not allowed");
        english("mute_not_allowed", "Mute not allowed");
        english("transfer_failed", "Transfer failed");
        english("call_failed", "Call failed");
        english("semi_attended_off", "Wait for an answer");
        english("conference_full", "Conference full (%s)");
        english("conference_no_mixer", "No audio mixer");
        english("dnd_on", "DND on");
        english("dnd_off", "DND off");
        english("forward_on", "Forward on");
        english("forward_off", "Forward off");
        english("call_waiting_on", "Call waiting on");
        english("call_waiting_off", "Call waiting off");
        english("no_voicemail", "No voicemail number");
        english("no_number", "No number");
        english("no_call", "No call");
        english("wrong_pin", "Wrong PIN");
        english("wrong_password", "Wrong password");
        english("saved", "Saved");
        english("emergency_only", "Emergency calls only");
        // Soft keys (at most 4 characters: a 16-column display has four slots of 4)
        english("K_CALL", "Call");
        english("K_BACKSPACE", "Del");
        english("K_IME", "IME");
        english("K_CANCEL", "Exit");
        english("K_DIRECTORY", "Dir");
        english("K_HISTORY", "Hist");
        english("K_BLIND_TRANSFER", "BXfr");
        english("K_END", "End");
        english("K_TRANSFER", "Xfer");
        english("K_NEW_CALL", "New");
        english("K_TAKE", "Take");
        english("K_SILENT", "Quiet");
        english("K_FORWARD", "Fwd");
        english("K_REJECT", "Rej");
        english("K_HOLD", "Hold");
        english("K_CONFERENCE", "Conf");
        english("K_SWAP", "Swap");
        english("K_RESUME", "Res");
        english("K_MANAGE", "Mng");
        english("K_SPLIT", "Splt");
        english("K_MORE", "More");
        english("K_EMPTY", "");
        english("K_OK", "OK");
        english("K_BACK", "Back");
        english("K_ON", "On");
        english("K_OFF", "Off");
        english("K_MENU", "Menu");
        english("K_DND", "DND");
        english("K_UNLOCK", "Unlk");
        // Menus and pages
        english("M_MENU", "Menu");
        english("M_STATUS", "Status");
        english("M_HISTORY", "History");
        english("M_DIRECTORY", "Directory");
        english("M_FEATURES", "Features");
        english("M_SETTINGS", "Settings");
        english("M_ADVANCED", "Advanced");
        english("M_DND", "DND");
        english("M_FORWARD", "Call forward");
        english("M_FORWARD_ALWAYS", "Always");
        english("M_FORWARD_BUSY", "Busy");
        english("M_FORWARD_NO_ANSWER", "No answer");
        english("M_TARGET", "Forward to");
        english("M_CALL_WAITING", "Call waiting");
        english("M_AUTO_ANSWER", "Auto answer");
        english("M_ANONYMOUS", "Anonymous call");
        english("M_REJECT_ANONYMOUS", "Refuse anonymous");
        english("M_LANGUAGE", "Language");
        english("M_RING_TONE", "Ring tone");
        english("M_TIME_FORMAT", "Time format");
        english("M_PHONE_LOCK", "Phone lock");
        english("M_LOCK_NOW", "Lock now");
        english("M_CHANGE_PIN", "Change PIN");
        english("M_AUTO_LOCK", "Auto lock (s)");
        english("M_PIN", "PIN");
        english("M_NEW_PIN", "New PIN");
        english("M_PASSWORD", "Admin password");
        english("M_ACCOUNT", "Account %d");
        english("M_ALL_CALLS", "All calls");
        english("M_MISSED_CALLS", "Missed");
        english("M_PLACED_CALLS", "Placed");
        english("M_RECEIVED_CALLS", "Received");
        english("M_FORWARDED_CALLS", "Forwarded");
        english("M_EMPTY", "(empty)");
        english("M_SEARCH", "Search");
        english("M_BLACKLIST", "Blacklist");
        english("M_ON", "on");
        english("M_OFF", "off");
    }

    private final String language;
    private final Map<String, String> texts;

    private Texts(String language, Map<String, String> texts) {
        this.language = language;
        this.texts = Map.copyOf(texts);
    }

    private static void english(String id, String text) {
        ENGLISH.put(id, text);
    }

    public static Texts english() {
        return new Texts("English", ENGLISH);
    }

    /**
     * The texts of the language the settings choose: Yealink's {@code lang.gui} (L7552) when it is set, else
     * ALE's {@code SettingLanguage} (L10341; 99 takes the custom language file, L10421). {@code files} are
     * the contents of installed language files, read after the built-in ones.
     */
    public static Texts of(PhoneSettings settings, List<String> files) {
        String wanted;
        if (settings.isSet("lang.gui") || !settings.isSet("phone_setting.language")) {
            wanted = settings.text("lang.gui");
        } else {
            int code = settings.integer("phone_setting.language");
            wanted = code == 99 ? "*" : code >= 0 && code < ALE_LANGUAGES.size() ? ALE_LANGUAGES.get(code) : "English";
        }
        return forLanguage(wanted, files);
    }

    /** The texts of {@code language} ({@code *}: whatever language the files give). */
    public static Texts forLanguage(String language, List<String> files) {
        String key = canonical(language);
        if (key.equals("english")) {
            return english();
        }
        Map<String, String> texts = new HashMap<>(ENGLISH);
        builtIn("German").ifPresent(content -> merge(texts, content, key, "lang/German.txt"));
        for (String file : files) {
            merge(texts, file, key, "language file");
        }
        return new Texts(language, texts);
    }

    public String language() {
        return language;
    }

    public String get(String id) {
        return texts.getOrDefault(id, ENGLISH.getOrDefault(id, id));
    }

    /** The text with its {@code %d} and {@code %s} filled in. */
    public String format(String id, Object... arguments) {
        try {
            return String.format(Locale.ROOT, get(id), arguments);
        } catch (java.util.IllegalFormatException e) {
            return String.format(Locale.ROOT, ENGLISH.getOrDefault(id, id), arguments);
        }
    }

    /** Every text id, for the translators' check. */
    static Map<String, String> englishTexts() {
        return ENGLISH;
    }

    private static Optional<String> builtIn(String name) {
        try (InputStream in = Texts.class.getResourceAsStream("lang/" + name + ".txt")) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            Logger.warn("cannot read the built-in {} texts: {}", name, e.getMessage());
            return Optional.empty();
        }
    }

    /** Takes the lines of {@code content} for {@code language} ({@code *}: every line). */
    private static void merge(Map<String, String> texts, String content, String language, String source) {
        int number = 0;
        for (String line : content.split("\r?\n")) {
            number++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\t", 3);
            if (fields.length < 3) {
                Logger.warn("{} line {}: not 'id TAB language TAB text'; ignored", source, number);
                continue;
            }
            if (language.equals("*") || canonical(fields[1]).equals(language)) {
                texts.put(fields[0].strip(), fields[2].strip());
            }
        }
    }

    private static String canonical(String language) {
        String key = language.strip().toLowerCase(Locale.ROOT);
        return ALIASES.getOrDefault(key, key.isEmpty() ? "english" : key);
    }
}
