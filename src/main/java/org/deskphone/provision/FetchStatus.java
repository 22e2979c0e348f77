package org.deskphone.provision;

/** How one request ended, in words an administrator reads in the command output and the log. */
public enum FetchStatus {
    OK("ok"),
    NOT_FOUND("not found"),
    UNAUTHORIZED("unauthorized"),
    FORBIDDEN("forbidden"),
    TIMEOUT("timed out"),
    CONNECT_FAILED("cannot connect"),
    TOO_LARGE("too large"),
    TRUNCATED("truncated"),
    REDIRECT_LOOP("redirect loop"),
    TOO_MANY_REDIRECTS("too many redirects"),
    TLS_UNTRUSTED("certificate not trusted"),
    TLS_NAME_MISMATCH("certificate name mismatch"),
    TLS_FAILED("TLS failed"),
    SERVER_ERROR("server error"),
    PROTOCOL_ERROR("protocol error"),
    UNSUPPORTED("unsupported");

    private final String words;

    FetchStatus(String words) {
        this.words = words;
    }

    @Override
    public String toString() {
        return words;
    }
}
