package org.deskphone.provision;

import java.util.Objects;
import java.util.Optional;

/**
 * A configuration file as the server sent it, before anything reads it.
 *
 * @param role    its place in the run
 * @param source  where it came from, without credentials: what error messages name
 * @param content the bytes, possibly AES-encrypted
 * @param md5     hex MD5 of {@code content}, the Yealink change check (L1567-1577)
 * @param aesKey  the key that opens it when it is encrypted (the one its role calls for), if configured
 */
public record FetchedFile(FileRole role, String source, byte[] content, String md5, Optional<String> aesKey) {

    public FetchedFile {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(md5, "md5");
        aesKey = aesKey == null ? Optional.empty() : aesKey;
    }

    @Override
    public String toString() {
        return role + " " + source + " (" + content.length + " bytes, md5 " + md5 + ")";
    }
}
