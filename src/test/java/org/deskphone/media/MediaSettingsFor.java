package org.deskphone.media;

import java.net.InetAddress;

/** Settings for tests: loopback and the test port range. */
final class MediaSettingsFor {

    private MediaSettingsFor() {
    }

    static MediaSettings tests() {
        return MediaSettings.defaults(InetAddress.getLoopbackAddress()).withPorts(TestPhone.TEST_PORTS);
    }
}
