package org.deskphone.hal.nm;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deskphone.hal.NetworkStatus;

/**
 * NetworkManager's view of a device in terse form ({@code nmcli -t -f ... device show DEV}): one
 * {@code FIELD:value} per line, colons inside values written {@code \:}.
 */
final class NmcliStatus {
    /** The fields asked for, in nmcli's names. */
    static final String FIELDS = "GENERAL.STATE,IP4.ADDRESS,IP4.GATEWAY,IP4.DNS,IP6.ADDRESS,IP6.GATEWAY,IP6.DNS";

    private final Map<String, List<String>> fields = new LinkedHashMap<>();

    private NmcliStatus() {
    }

    static NmcliStatus parse(String terse) {
        NmcliStatus status = new NmcliStatus();
        for (String line : terse.split("\n")) {
            int colon = unescapedColon(line);
            if (colon < 0) {
                continue;
            }
            String field = line.substring(0, colon).replaceAll("\\[\\d+]$", "");
            String value = line.substring(colon + 1).replace("\\:", ":").replace("\\\\", "\\").trim();
            if (!value.isEmpty() && !value.equals("--")) {
                status.fields.computeIfAbsent(field, f -> new ArrayList<>()).add(value);
            }
        }
        return status;
    }

    /** NetworkManager's device state number (100 connected, 20 unavailable: no carrier), 0 when unknown. */
    int state() {
        List<String> state = fields.getOrDefault("GENERAL.STATE", List.of());
        if (state.isEmpty()) {
            return 0;
        }
        try {
            return Integer.parseInt(state.get(0).split("\\s+")[0]);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The device has a carrier: NetworkManager's states from 30 (disconnected) up mean it is available. */
    boolean linkUp() {
        return state() >= 30;
    }

    List<NetworkStatus.Address> addresses() {
        List<NetworkStatus.Address> addresses = new ArrayList<>();
        for (String field : List.of("IP4.ADDRESS", "IP6.ADDRESS")) {
            for (String value : fields.getOrDefault(field, List.of())) {
                String[] parts = value.split("/");
                InetAddress ip = address(parts[0]);
                if (ip != null && parts.length == 2 && parts[1].matches("\\d{1,3}")) {
                    addresses.add(new NetworkStatus.Address(ip, Integer.parseInt(parts[1])));
                }
            }
        }
        return addresses;
    }

    List<InetAddress> gateways() {
        return addressesOf("IP4.GATEWAY", "IP6.GATEWAY");
    }

    List<InetAddress> dnsServers() {
        return addressesOf("IP4.DNS", "IP6.DNS");
    }

    private List<InetAddress> addressesOf(String... names) {
        List<InetAddress> found = new ArrayList<>();
        for (String name : names) {
            for (String value : fields.getOrDefault(name, List.of())) {
                InetAddress ip = address(value);
                if (ip != null) {
                    found.add(ip);
                }
            }
        }
        return found;
    }

    private static InetAddress address(String text) {
        if (!text.matches("[0-9a-fA-F.:]+")) {
            return null;
        }
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static int unescapedColon(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == '\\') {
                i++;
            } else if (line.charAt(i) == ':') {
                return i;
            }
        }
        return -1;
    }
}
