package org.deskphone.testing;

import java.net.InetSocketAddress;
import java.util.List;

/** chronyd serving SNTP on 127.0.0.1 from its own clock, asking no one (see {@code tools/peers/chrony}). */
public final class Chrony extends PeerProcess {
    private final int port;

    private Chrony(int port) {
        super("chrony", folder("chrony"), List.of("--port", Integer.toString(port)));
        this.port = port;
    }

    static Chrony start() {
        RequiredTool.require("chronyd", "chrony");
        return new Chrony(FreePort.udpAndTcp());
    }

    public int port() {
        return port;
    }

    public InetSocketAddress address() {
        return new InetSocketAddress("127.0.0.1", port);
    }
}
