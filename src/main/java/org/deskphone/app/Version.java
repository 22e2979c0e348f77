package org.deskphone.app;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The firmware version, stamped into the jar by the build. */
public final class Version {
    private static final String VERSION = read();

    private Version() {
    }

    public static String version() {
        return VERSION;
    }

    /** The product and version as the phone names itself (User-Agent, provisioning, status page). */
    public static String product() {
        return "deskphone/" + VERSION;
    }

    private static String read() {
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
