package org.deskphone.provision;

/**
 * A fetched file that the store refused as a whole: wrong format, wrong AES key, a damaged file. The
 * message says what is wrong and, where there is one, on which line; the request it belongs to names the
 * file.
 */
public final class ConfigRejected extends Exception {

    public ConfigRejected(String message) {
        super(message);
    }
}
