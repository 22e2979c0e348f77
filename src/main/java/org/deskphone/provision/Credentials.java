package org.deskphone.provision;

/**
 * A user name and password for a provisioning server. {@link #toString()} never shows the password, so a
 * log line or an error message cannot leak it.
 */
public record Credentials(String user, String password) {
    public static final Credentials NONE = new Credentials("", "");

    public Credentials {
        user = user == null ? "" : user;
        password = password == null ? "" : password;
    }

    public boolean present() {
        return !user.isEmpty();
    }

    @Override
    public String toString() {
        return present() ? user + ":***" : "(none)";
    }
}
