package org.deskphone.app;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.ArrayList;
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

/**
 * Where the SIP user agent's settings come from: the configuration store, by either manual's names (see
 * {@link SipConfiguration}), which provisioning, the web UI, the menus and {@code deskphone config set}
 * write into. The listening addresses come from the board descriptor's {@code sip.addresses} (default:
 * loopback only, so that a PC sends nothing beyond it unless told to).
 */
final class SipSetup {
    private SipSetup() {
    }

    static SipSettings settings(DataFolder data, Config config, BoardDescriptor board, Map<String, String> overrides) throws IOException {
        Path certificate = data.folder("sip").resolve("device-certificate.p12");
        return SipConfiguration.read(lookup(overrides, config), addresses(board),
                Version.product() + " " + board.model(), Optional.of(certificate));
    }

    /**
     * The command line's overrides first, then what the configuration store holds beyond its factory
     * defaults (SipConfiguration has the manuals' defaults itself and must see which dialect's parameter was
     * really set).
     */
    static SettingLookup lookup(Map<String, String> overrides, Config config) {
        SettingLookup own = SettingLookup.of(overrides);
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

    /** Whether a configuration change touches what the user agent was started with. */
    static boolean concernsSip(ConfigChange change) {
        return change.changed().stream().anyMatch(name -> name.startsWith("account.") || name.startsWith("sip.")
                || name.startsWith("call_waiting.") || name.startsWith("features.normal_refuse_code")
                || name.startsWith("security.trust_certificates") || name.startsWith("voice_mail."));
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
