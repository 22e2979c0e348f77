package org.deskphone.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.deskphone.config.Config;
import org.deskphone.config.Source;
import org.deskphone.hal.BoardDescriptor;

/**
 * Where the web UI listens. From the configuration, the manuals' settings: HTTP and HTTPS on or off
 * ({@code wui.http_enable}, {@code wui.https_enable}; ALE {@code DeviceNetworkHttpEnable} L2030,
 * {@code DeviceNetworkHttpsEnable} L2063), their ports ({@code network.port.http}, {@code network.port.https};
 * L2047, L2080) and whether HTTP sends browsers to HTTPS ({@code wui.https_default},
 * {@code DeviceNetworkHttpsDefaultEnable}, L2096). From the board's descriptor: the address to listen on
 * ({@code web.address}; the PC's is loopback, so the PC serves nothing beyond itself unless told to), ports
 * that replace the factory ports ({@code web.http_port}, {@code web.https_port}: a PC user cannot bind 80 and
 * 443; a port set in the configuration still wins), and {@code web.port_fallback}: take any free port
 * when the port is in use, rather than serve nothing.
 */
record WebEndpoints(InetAddress address, boolean http, int httpPort, boolean https, int httpsPort, boolean redirect,
        boolean portFallback) {

    static WebEndpoints of(Config config, BoardDescriptor board) {
        String address = board.get("web.address").orElse("::");
        InetAddress bind;
        try {
            bind = InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(board.source() + ": web.address '" + address + "' is not an address");
        }
        boolean http = config.bool("wui.http_enable");
        boolean https = config.bool("wui.https_enable");
        return new WebEndpoints(bind, http, port(config, board, "network.port.http", "web.http_port"), https,
                port(config, board, "network.port.https", "web.https_port"), http && https && config.bool("wui.https_default"),
                board.flag("web.port_fallback", false));
    }

    private static int port(Config config, BoardDescriptor board, String setting, String boardKey) {
        if (config.source(setting).kind() == Source.Kind.FACTORY && board.get(boardKey).isPresent()) {
            String text = board.get(boardKey).get().strip();
            try {
                int port = Integer.parseInt(text);
                if (port < 0 || port > 65535) {
                    throw new NumberFormatException();
                }
                return port;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(board.source() + ": " + boardKey + " '" + text + "' is not a port");
            }
        }
        return config.integer(setting);
    }
}
