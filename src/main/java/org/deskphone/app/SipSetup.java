package org.deskphone.app;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.deskphone.config.Catalogue;
import org.deskphone.config.Config;
import org.deskphone.config.ConfigChange;
import org.deskphone.config.Source;
import org.deskphone.config.format.Dialect;
import org.deskphone.hal.BoardDescriptor;
import org.deskphone.sip.LocalEndpoint;
import org.deskphone.sip.SettingLookup;
import org.deskphone.sip.SipConfiguration;
import org.deskphone.sip.SipSettings;
import org.tinylog.Logger;

/**
 * Where the SIP user agent's settings come from: the configuration store, by either manual's names (see
 * {@link SipConfiguration}), which provisioning writes into; before it, the file {@code <data>/sip.cfg},
 * one {@code name = value} per line with {@code #} for comments, which stands for local settings until the
 * store can be set from the web UI or the keypad. The listening addresses come from the board descriptor's
 * {@code sip.addresses} (default: loopback only, so that a PC sends nothing beyond it unless told to).
 */
final class SipSetup {
    static final String FILE = "sip.cfg";

    private SipSetup() {
    }

    static SipSettings settings(DataFolder data, Config config, BoardDescriptor board, Map<String, String> overrides) throws IOException {
        Map<String, String> values = new HashMap<>(read(data.root().resolve(FILE)));
        values.putAll(overrides);
        Path certificate = data.folder("sip").resolve("device-certificate.p12");
        return SipConfiguration.read(lookup(values, config), addresses(board),
                Version.product() + " " + board.model(), Optional.of(certificate));
    }

    /**
     * {@code sip.cfg} (and the command line) first, then what the configuration store holds beyond its
     * factory defaults (SipConfiguration has the manuals' defaults itself and must see which dialect's
     * parameter was really set).
     */
    static SettingLookup lookup(Map<String, String> local, Config config) {
        SettingLookup own = SettingLookup.of(local);
        SettingLookup store = fromStore(config);
        return name -> own.get(name).or(() -> store.get(name));
    }

    /** A value the store holds by a name of either dialect, when it was set (locally or by provisioning). */
    static SettingLookup fromStore(Config config) {
        Catalogue catalogue = config.catalogue();
        return name -> catalogue.find(name).or(() -> catalogue.lookup(Dialect.CFG, name)).or(() -> catalogue.lookup(Dialect.XML, name))
                .map(parameter -> config.value(parameter.name()))
                .filter(value -> value.source().kind() != Source.Kind.FACTORY && !value.text().isEmpty())
                .map(Config.Value::text);
    }

    /**
     * {@code <data>/sip.cfg} by canonical names, for the phone's features to read under the store's values
     * (see {@code PhoneSettings}); names the catalogue does not know are left out, and a file that cannot be
     * read is an empty overlay (logged).
     */
    static Map<String, String> localOverlay(DataFolder data, org.deskphone.config.ConfigStore store) {
        Map<String, String> overlay = new HashMap<>();
        Catalogue catalogue = store.current().catalogue();
        try {
            read(data.root().resolve(FILE)).forEach((name, value) -> catalogue.find(name)
                    .or(() -> catalogue.lookup(Dialect.CFG, name)).or(() -> catalogue.lookup(Dialect.XML, name))
                    .ifPresent(parameter -> overlay.put(parameter.name(), value)));
        } catch (IOException e) {
            Logger.warn("{}: {}", data.root().resolve(FILE), e.getMessage());
        }
        return overlay;
    }

    /** Whether a configuration change touches what the user agent was started with. */
    static boolean concernsSip(ConfigChange change) {
        return change.changed().stream().anyMatch(name -> name.startsWith("account.") || name.startsWith("sip.")
                || name.startsWith("call_waiting.") || name.startsWith("features.normal_refuse_code")
                || name.startsWith("security.trust_certificates") || name.startsWith("voice_mail."));
    }

    /** Reads {@code name = value} lines; a line that is neither that nor a comment is reported with its number. */
    static Map<String, String> read(Path file) throws IOException {
        Map<String, String> values = new HashMap<>();
        if (!Files.isRegularFile(file)) {
            return values;
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("#!")) {
                continue;
            }
            int equals = line.indexOf('=');
            if (equals <= 0) {
                Logger.warn("{} line {}: not 'name = value'; ignored", file, i + 1);
                continue;
            }
            values.put(line.substring(0, equals).strip(), line.substring(equals + 1).strip());
        }
        return values;
    }

    static List<InetAddress> addresses(BoardDescriptor board) throws UnknownHostException {
        List<InetAddress> addresses = new ArrayList<>();
        for (String text : board.get("sip.addresses").orElse("127.0.0.1,::1").split(",")) {
            if (!text.isBlank()) {
                addresses.add(InetAddress.getByName(text.strip()));
            }
        }
        return addresses;
    }

    /** {@code udp:127.0.0.1:5060,tcp:...}: the ready line's {@code sip=} value. */
    static String describe(List<LocalEndpoint> endpoints) {
        return endpoints.stream().map(LocalEndpoint::toString).collect(Collectors.joining(","));
    }
}
