package org.deskphone.media;

import java.net.InetAddress;

/** Settings for tests: loopback, the test port range, and small changes. */
final class MediaSettingsFor {
    private final MediaSettings base;

    private MediaSettingsFor(MediaSettings base) {
        this.base = base;
    }

    static MediaSettings tests() {
        return MediaSettings.defaults(InetAddress.getLoopbackAddress()).withPorts(TestPhone.TEST_PORTS);
    }
}
