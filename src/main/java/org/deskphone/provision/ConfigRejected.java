package org.deskphone.provision;

/**
 * A fetched file that the store refused as a whole: wrong format, wrong AES key, a damaged file. The
 * message names the file and, where there is one, the line.
 */
public final class ConfigRejected extends Exception {

    public ConfigRejected(String message) {
        super(message);
    }

    public ConfigRejected(String message, Throwable cause) {
        super(message, cause);
    }
}
