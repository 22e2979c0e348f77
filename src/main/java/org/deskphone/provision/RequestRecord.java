package org.deskphone.provision;

import java.util.Locale;

/**
 * One request of a run, as the command prints it and the log records it: the URL (without password), the
 * transport, how it ended, the size, the MD5 and whether the file changed since the last applied run.
 */
public record RequestRecord(String url, String transport, FetchStatus status, long bytes, String md5, Change change, String detail) {

    /** The file against the last run that applied. */
    public enum Change {
        CHANGED, UNCHANGED, NOT_APPLICABLE
    }

    static RequestRecord fetched(String url, String transport, long bytes, String md5, boolean changed) {
        return new RequestRecord(url, transport, FetchStatus.OK, bytes, md5, changed ? Change.CHANGED : Change.UNCHANGED, "");
    }

    static RequestRecord failed(String url, String transport, FetchFailure failure) {
        return new RequestRecord(url, transport, failure.status(), 0, "", Change.NOT_APPLICABLE, failure.getMessage());
    }

    /** A file that arrived but was refused (wrong format, wrong key, bad WAV...). */
    RequestRecord rejected(String why) {
        return new RequestRecord(url, transport, status, bytes, md5, Change.NOT_APPLICABLE, "rejected: " + why);
    }

    public boolean ok() {
        return status == FetchStatus.OK && !detail.startsWith("rejected: ");
    }

    /** {@code GET url [transport] status, N bytes, md5 X, changed}: one line of the command's output. */
    public String line() {
        StringBuilder out = new StringBuilder("GET ").append(url).append(" [").append(transport).append("] ").append(status);
        if (status == FetchStatus.OK) {
            out.append(", ").append(bytes).append(" bytes, md5 ").append(md5);
            if (change != Change.NOT_APPLICABLE) {
                out.append(", ").append(change.name().toLowerCase(Locale.ROOT));
            }
        }
        if (!detail.isEmpty()) {
            // A transport's message starts with the URL, which the line has already said.
            out.append(": ").append(detail.startsWith(url) ? detail.substring(url.length()).replaceFirst("^:\\s*", "") : detail);
        }
        return out.toString();
    }
}
