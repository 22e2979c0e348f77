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
import org.deskphone.hal.BoardDescriptor;
import org.deskphone.provision.ConfigSink;
import org.deskphone.sip.LocalEndpoint;
import org.deskphone.sip.SettingLookup;
import org.deskphone.sip.SipConfiguration;
import org.deskphone.sip.SipSettings;
import org.tinylog.Logger;

/**
 * Where the SIP user agent's settings come from until the configuration store is wired: the file
 * {@code <data>/sip.cfg}, one {@code name = value} per line in either manual's names ({@code account.1.user_name}
 * or {@code Account1UserName}; see {@link SipConfiguration}), {@code #} for comments, then what provisioning
 * stored (its interim store, {@code <data>/config/provisioned.properties}). The listening addresses
 * come from the board descriptor's {@code sip.addresses} (default: loopback only, so that a PC sends
 * nothing beyond it unless told to). At merge with the configuration store, {@link #lookup} becomes the
 * store's read access and the file goes away.
 */
final class SipSetup {
    static final String FILE = "sip.cfg";

    private SipSetup() {
    }

    static SipSettings settings(DataFolder data, BoardDescriptor board, Map<String, String> overrides) throws IOException {
        Map<String, String> values = new HashMap<>(read(data.root().resolve(FILE)));
        values.putAll(overrides);
        Path certificate = data.folder("sip").resolve("device-certificate.p12");
        return SipConfiguration.read(lookup(values, PhoneProvisioning.store(data)), addresses(board),
                Version.product() + " " + board.model(), Optional.of(certificate));
    }

    /** {@code sip.cfg} (and the command line) first, then what provisioning stored. */
    static SettingLookup lookup(Map<String, String> local, ConfigSink provisioned) {
        SettingLookup own = SettingLookup.of(local);
        return name -> own.get(name).or(() -> provisioned.get(name));
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
